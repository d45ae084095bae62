import { describe, expect, it } from 'vitest';
import { suggestTags } from '../../lib/domain';
import { cust, ix, NOW } from './fixtures';

describe('suggestTags', () => {
  it.each([
    ['nothing known', {}, [], []],
    ['two talks about price', {}, [ix(3, { content: '客户嫌太贵，要折扣' }), ix(9, { subject: 'Pricing for 2027' })], ['price-sensitive']],
    ['one remark about price is not enough', {}, [ix(3, { content: '问了价格' })], []],
    ['technical questions', {}, [ix(3, { content: 'API 集成方案' }), ix(5, { result: '发了技术参数' })], ['technology-first']],
    ['a complaint', {}, [ix(3, { type: 'complaint', content: '发货慢' })], ['complained']],
    ['low satisfaction counts as a complaint', {}, [ix(3, { type: 'survey', satisfaction: 2 })], ['complained']],
    ['birthday this month', { birthday: { month: 11, day: 30 } }, [], ['birthday-month']],
    ['already tagged in Chinese', { tags: ['投诉过'] }, [ix(3, { type: 'complaint' })], []],
    ['already tagged by code', { tags: ['Complained'] }, [ix(3, { type: 'complaint' })], []],
  ])('%s', (_label, patch, list, expected) => {
    expect(suggestTags(cust(patch), list, NOW)).toEqual(expected);
  });
});
