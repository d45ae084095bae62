import { describe, expect, it } from 'vitest';
import { fixDomain, fixEmail, fixLabel, fixPhone, fixUrl, joinCjk, reconcileDomains, repairLine } from '../../../lib/capture/ocr/repair';

describe('OCR repairs', () => {
  it.each([
    ['上 海 星河 科技', '上海星河科技'],
    ['北京市朝阳区建国路 99号国贸大厦 12层', '北京市朝阳区建国路99号国贸大厦12层'],
    ['张伟  销售总监', '张伟  销售总监'], // a wide gap stays a gap
    ['Sales Director', 'Sales Director'],
  ])('CJK spacing: %s', (raw, want) => expect(joinCjk(raw)).toBe(want));

  it.each([
    ['it: 北京市朝阳区建国路99号', '地址：北京市朝阳区建国路99号'],
    ['地扯: 上海市浦东新区张江路88号', '地址：上海市浦东新区张江路88号'],
    ['手杌 138 1234 5678', '手机：138 1234 5678'],
    ['Te1: +44 20 1234 5678', '电话：+44 20 1234 5678'],
    ['E-mai1: anna@x.com', '邮箱：anna@x.com'],
    ['郎箱：li@x.cn', '邮箱：li@x.cn'],
    ['Mary Jones', 'Mary Jones'], // "M" is no label before a name
    ['Adding value since 1990', 'Adding value since 1990'],
    ['xx: www.a.com', '网址：www.a.com'],
  ])('label: %s', (raw, want) => expect(fixLabel(raw)).toBe(want));

  it.each([
    ['ma.liQ@xinghe-tech.com', 'ma.li@xinghe-tech.com'],
    ['li © huayuan.com', 'li@huayuan.com'],
    ['zhou@lanhai-e,com', 'zhou@lanhai-e.com'],
    ['anna@northwind.corn', 'anna@northwind.com'],
    ['peter@bluefield-analyticscom', 'peter@bluefield-analytics.com'],
    ['Anna@Example.COM', 'Anna@example.com'],
  ])('email: %s', (raw, want) => expect(fixEmail(raw)).toBe(want));

  it.each([
    ['xinghe-tech,com', 'xinghe-tech.com'],
    ['huayuan.c0m', 'huayuan.com'],
    ['keller-sohn.de', 'keller-sohn.de'],
  ])('domain: %s', (raw, want) => expect(fixDomain(raw)).toBe(want));

  it.each([
    ['Www.lanhai-e.com', 'www.lanhai-e.com'],
    ['wwwtfsoft.com', 'www.tfsoft.com'],
    ['www,huayuan.com', 'www.huayuan.com'],
    ['WWW.NORTHWIND.CO.UK', 'www.northwind.co.uk'],
  ])('url: %s', (raw, want) => expect(fixUrl(raw)).toBe(want));

  it.each([
    ['138 l234 5678', '138 1234 5678'],
    ['O21-6234 5678', '021-6234 5678'],
    ['021 — 62345678', '021-62345678'],
    ['Sales 2024', 'Sales 2024'],
  ])('phone: %s', (raw, want) => expect(fixPhone(raw)).toBe(want));

  it.each([
    ['邮箱：ma.liQ@xinghe-tech.com', '邮箱：ma.li@xinghe-tech.com'],
    ['网址：Www.xinghe-tech,com', '网址：www.xinghe-tech.com'],
    ['anna. fischer@northwind-trading.co.uk', 'anna.fischer@northwind-trading.co.uk'],
    ['电话：O21-6234 5678', '电话：021-6234 5678'],
    ['上海星河科技有限公司', '上海星河科技有限公司'],
    ['Keller & Sohn GmbH', 'Keller & Sohn GmbH'],
  ])('line: %s', (raw, want) => expect(repairLine(raw)).toBe(want));

  it('rebuilds an @ read as a letter from the card\'s website, and a domain misread on one side', () => {
    expect(reconcileDomains([
      { text: '邮箱：sunjunQhuayuan.com', confidence: 60 },
      { text: '网址：www.huayuan.com', confidence: 90 },
    ])).toEqual(['邮箱：sunjun@huayuan.com', '网址：www.huayuan.com']);
    expect(reconcileDomains([
      { text: 'sophie.reed@kkeller-sohn.de', confidence: 40 },
      { text: 'www.keller-sohn.de', confidence: 88 },
    ])).toEqual(['sophie.reed@keller-sohn.de', 'www.keller-sohn.de']);
    expect(reconcileDomains([
      { text: 'a@alpha.com', confidence: 90 },
      { text: 'www.beta.org', confidence: 90 },
    ])).toEqual(['a@alpha.com', 'www.beta.org']);
  });
});
