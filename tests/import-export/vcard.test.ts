import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { corpusPath, hasCorpus } from '../corpus';
import { freshContext } from '../db/helpers';
import { importDrafts } from '../../lib/db/import';
import { parseVCards, toVCard } from '../../lib/import-export/vcard';
import { cardData, corpusBytes } from './helpers';

describe.skipIf(!hasCorpus)('vCard corpus (shared/corpus/vcf)', () => {
  // What each real file carries, checked field by field (subset match).
  it.each([
    ['aosp__v21_adr_multiple_line.vcf', 0, { name: 'bogus', websites: ['http://bogus.com/'], birthday: { year: 2008, month: 12, day: 3 }, addresses: [{ label: 'home', street: 'Grindelberg 999', city: 'Hamburg', postalCode: '99999', country: 'Deutschland' }, { street: 'Hermann v. Brevern\n9999999\nPackstation 999' }] }],
    ['aosp__v21_complicated.vcf', 0, { name: 'Joe Due', company: 'Gump Shrimp Co.', title: 'Shrimp Man', emails: [{ value: 'forrestgump@walladalla.com' }, { value: 'cell@example.com' }], notes: "The following note is the example from RFC 2045.\n\nNow's the time for all folk to come to the aid of their country." }],
    ['aosp__v21_invalid_comment_line.vcf', 0, { name: 'Conference Call', notes: 'This is an (sharp ->#<- sharp) example. This message must NOT be ignored.' }],
    ['aosp__v21_invalid_multiple_line.vcf', 0, { name: 'Omega', emails: [{ value: 'omega@example.com' }] }],
    ['aosp__v21_japanese_1.vcf', 0, { name: '安藤ロイド', phones: [{ raw: '0300000000' }] }],
    ['aosp__v21_japanese_2.vcf', 0, { name: '安藤 ロイド 1', notes: 'メモ', addresses: [{ street: '東京都渋谷区桜丘町26-1セルリアンタワー6階', postalCode: '150-8512' }] }],
    ['aosp__v21_base64_no_2_crlf.vcf', 0, { name: 'fullname' }],
    ['aosp__v21_blackberry_photo.vcf', 0, { name: 'boogie' }],
    ['aosp__v30_simple.vcf', 0, { name: 'And Roid', company: 'Open', phones: [{ raw: '0300000000' }] }],
    ['ezvcard__John_Doe_ANDROID.vcf', 2, { name: 'Ñ Ñ Ñ Ñ Ñ', phones: [{ raw: '123456789', label: 'mobile' }], tags: ['My Contacts'] }],
    ['ezvcard__John_Doe_IPHONE.vcf', 0, { name: 'Mr. John Richter James Doe Sr.', company: 'IBM', department: 'Accounting', title: 'Money Counter', birthday: { year: 2012, month: 6, day: 6 }, websites: ['http://www.ibm.com'] }],
    ['ezvcard__John_Doe_MS_OUTLOOK.vcf', 0, { emails: [{ value: 'john.doe@ibm.cm' }], birthday: { year: 1980, month: 3, day: 22 }, social: [{ network: 'other', handle: 'johny5@aol.com' }] }],
    ['ezvcard__rfc2426-example.vcf', 1, { name: 'Tim Howes', addresses: [{ label: 'work', street: '501 E. Middlefield Rd.', city: 'Mountain View', region: 'CA', postalCode: '94043', country: 'U.S.A.' }] }],
    ['ezvcard__rfc6350-example.vcf', 0, { name: 'Simon Perreault', birthday: { month: 2, day: 3 }, phones: [{ raw: '+1-418-656-9254 ext. 102', label: 'work' }, { raw: '+1-418-262-6501', label: 'mobile' }] }],
    ['metowolf-vcards__china-mobile.vcf', 0, { kind: 'organization', company: '中国移动', websites: ['https://www.10086.cn/'] }],
  ])('%s card %i carries its fields', (file, index, expected) => {
    const cards = parseVCards(corpusBytes('vcf', file));
    expect(cards[index]).toMatchObject(expected);
  });

  it.each([
    ['ezvcard__John_Doe_ANDROID.vcf', 6], ['ezvcard__rfc2426-example.vcf', 2], ['ezvcard__John_Doe_IPHONE.vcf', 1], ['metowolf-vcards__china-mobile.vcf', 1],
  ])('%s holds %i cards', (file, n) => {
    expect(parseVCards(corpusBytes('vcf', file))).toHaveLength(n);
  });

  it('counts the phones of the iPhone card, with labels (fax before work)', () => {
    const [card] = parseVCards(corpusBytes('vcf', 'ezvcard__John_Doe_IPHONE.vcf'));
    expect(card!.phones.map((p) => p.label)).toEqual(['mobile', 'home', 'work', 'fax', 'fax', 'other', 'other']);
  });

  it('reads a string as well as bytes for UTF-8 files', () => {
    const bytes = corpusBytes('vcf', 'ezvcard__rfc6350-example.vcf');
    expect(parseVCards(new TextDecoder().decode(bytes))).toEqual(parseVCards(bytes));
  });

  const files = hasCorpus ? readdirSync(corpusPath('vcf')).filter((f) => f.endsWith('.vcf')) : [];
  it.each(files)('%s imports, and vCard → cards → vCard 4.0 and 3.0 keeps the data', async (file) => {
    const drafts = parseVCards(corpusBytes('vcf', file));
    expect(drafts.length).toBeGreaterThan(0);
    const ctx = freshContext();
    const report = await importDrafts(ctx, drafts, { duplicates: 'create' });
    expect(report.created).toBe(drafts.length);
    const customers = await ctx.db.customers.toArray();
    for (const version of ['4.0', '3.0'] as const) {
      const again = parseVCards(toVCard(customers, version));
      expect(again.map(cardData)).toEqual(customers.map(cardData));
      expect(again.map((d) => d.extra?.customFields ?? {})).toEqual(customers.map((c) => c.customFields));
    }
  });
});

describe('vCard edge cases', () => {
  it.each([
    ['BDAY:--0415', { month: 4, day: 15 }],
    ['BDAY:--04-15', { month: 4, day: 15 }],
    ['BDAY:19800322', { year: 1980, month: 3, day: 22 }],
    ['BDAY;VALUE=date:1970-11-15', { year: 1970, month: 11, day: 15 }],
    ['BDAY:2012-06-06T00:00:00Z', { year: 2012, month: 6, day: 6 }],
  ])('%s → %j', (line, birthday) => {
    expect(parseVCards(`BEGIN:VCARD\nVERSION:4.0\nFN:A\n${line}\nEND:VCARD\n`)[0]!.birthday).toEqual(birthday);
  });

  it('keeps an impossible birthday as text instead of failing', () => {
    const [d] = parseVCards('BEGIN:VCARD\nVERSION:3.0\nFN:A\nBDAY:--0230\nEND:VCARD');
    expect(d!.birthday).toBeUndefined();
    expect(d!.extra?.customFields).toEqual({ birthday: '--0230' });
  });

  it('decodes GB2312/GBK quoted-printable, CATEGORIES, X-QQ, X-WECHAT, IMPP and X-SOCIALPROFILE', () => {
    // 张伟 in GBK = D5C5 CEB0; 销售 = CFFA CADB
    const text = [
      'BEGIN:VCARD', 'VERSION:2.1',
      'FN;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:=D5=C5=CE=B0',
      'TITLE;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:=CF=FA=CA=DB',
      'CATEGORIES:VIP,价格敏感型', 'X-QQ:10001', 'X-WECHAT:zhangwei_88',
      'IMPP;X-SERVICE-TYPE=WhatsApp:x-apple:+8613800138000',
      'X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/zhangwei',
      'END:VCARD',
    ].join('\r\n');
    const [d] = parseVCards(text);
    expect(d).toMatchObject({ name: '张伟', title: '销售', tags: ['VIP', '价格敏感型'] });
    expect(d!.social).toEqual([
      { network: 'qq', handle: '10001' }, { network: 'wechat', handle: 'zhangwei_88' },
      { network: 'whatsapp', handle: '+8613800138000' }, { network: 'linkedin', handle: 'https://www.linkedin.com/in/zhangwei' },
    ]);
  });

  it('unfolds lines folded between characters', () => {
    const long = '上海云帆科技有限公司'.repeat(10);
    const folded = `NOTE:${long}`.replace(/(.{20})/gu, '$1\r\n ');
    expect(parseVCards(`BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\n${folded}\r\nEND:VCARD`)[0]!.notes).toBe(long);
  });

  it('gives nothing (not a crash) for text that holds no card', () => {
    expect(parseVCards('hello\nworld')).toEqual([]);
    expect(parseVCards(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toEqual([]);
  });
});
