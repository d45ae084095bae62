import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../lib/i18n';
import { guessMapping, guessTarget, isTechnicalHeader } from '../../lib/import-export/columns';
import { parseContactsCsv } from '../../lib/import-export/csv';
import { toCsv } from '../../lib/import-export/csv';
import { detectDayOrder, isPlaceholderDate, readDate } from '../../lib/import-export/dates';
import { decodeText, detectEncoding } from '../../lib/import-export/encoding';
import { displayNameFromEmail } from '../../lib/import-export/rows';
import { corpusPath, hasCorpus } from '../corpus';

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, '..', 'fixtures', 'import', name)));
const digits = (s: string) => s.replace(/\D/g, '');

describe('dates', () => {
  it.each(['', '0/0/00', '00/00/0000', '0000-00-00', '00.00.0000', '1/1/4501', ' -- ', 'None'])('%j is an empty date', (v) => {
    expect(isPlaceholderDate(v)).toBe(true);
    expect(readDate(v).kind).toBe('empty');
  });
  it.each([
    ['1991-01-20', 'mdy', { year: 1991, month: 1, day: 20 }],
    ['19910120', 'mdy', { year: 1991, month: 1, day: 20 }],
    ['1991/1/20', 'mdy', { year: 1991, month: 1, day: 20 }],
    ['20/01/1991', 'mdy', { year: 1991, month: 1, day: 20 }],
    ['03/04/1985', 'dmy', { year: 1985, month: 4, day: 3 }],
    ['03/04/1985', 'mdy', { year: 1985, month: 3, day: 4 }],
    ['3/4/85', 'mdy', { year: 1985, month: 3, day: 4 }],
    ['22.03.1980', 'mdy', { year: 1980, month: 3, day: 22 }],
    ['1980年3月22日', 'mdy', { year: 1980, month: 3, day: 22 }],
    ['3月22日', 'mdy', { month: 3, day: 22 }],
    ['--12-10', 'mdy', { month: 12, day: 10 }],
    ['March 22, 1980', 'mdy', { year: 1980, month: 3, day: 22 }],
    ['22 Mar 1980', 'mdy', { year: 1980, month: 3, day: 22 }],
    ['2012-06-06T00:00:00Z', 'mdy', { year: 2012, month: 6, day: 6 }],
    ['32874', 'mdy', { year: 1990, month: 1, day: 1 }],
    ['6/5/1990 0:00:00', 'mdy', { year: 1990, month: 6, day: 5 }],
  ] as const)('%j (%s) → %j', (v, order, want) => {
    expect(readDate(v, order)).toEqual({ kind: 'date', date: want });
  });
  it.each(['2月30日', '13/13/1990', 'soon', '31/02/1990'])('%j is not a date', (v) => {
    expect(readDate(v, 'dmy').kind).toBe('invalid');
  });
  it('a column decides its own order; the locale decides when no value does', () => {
    expect(detectDayOrder(['03/04/1985', '20/01/1991'])).toBe('dmy');
    expect(detectDayOrder(['03/04/1985', '12/25/1985'], 'de-DE')).toBe('mdy');
    expect(detectDayOrder(['03/04/1985'], 'en-US')).toBe('mdy');
    expect(detectDayOrder(['03/04/1985'], 'en-GB')).toBe('dmy');
    expect(detectDayOrder(['03/04/1985'], 'zh-CN')).toBe('dmy');
  });
});

describe('column guessing never maps technical columns to contact fields', () => {
  it.each(['ip_address', 'Website Rel', 'MobileRelType', 'Phonetic First Name', 'Phonetic Last Name', 'Given Name Yomi', 'contact_id', 'userId', 'created_at', 'last_activity_at', 'E-mail 1 - Type', '员工UserID', '拼音'])('%j is not a contact field', (h) => {
    const m = guessMapping([h, 'Email'])[0]!;
    expect(m.target === null || m.target === 'custom').toBe(true);
  });
  it.each([
    ['E-mail Address', 'email'], ['Mobile Phone', 'phone:mobile'], ['Business Phone', 'phone:work'], ['Home Street', 'street:home'],
    ['Business Country/Region', 'country:work'], ["Assistant's Phone", 'custom'], ['E-mail Display Name', null], ['Categories', 'tags'],
    ['Organization Name', 'company'], ['Organization Title', 'title'], ['Labels', 'tags'], ['Given Name', 'firstName'], ['Family Name', 'lastName'],
    ['Primary Email', 'email'], ['Mobile Number', 'phone:mobile'], ['Work ZipCode', 'postalCode:work'], ['Birth Year', 'birthYear'],
    ['phone_number', 'phone:other'], ['company_name', 'company'],
    ['姓名', 'name'], ['账号', 'custom'], ['职务', 'title'], ['手机', 'phone:mobile'], ['座机', 'phone:work'], ['企业邮箱', 'email:work'], ['个人邮箱', 'email:home'],
    ['工号', 'custom'], ['办公地点', 'address:work'], ['手机号码', 'phone:mobile'], ['电子邮件地址', 'email'], ['QQ号', 'qq'], ['微信号', 'wechat'], ['分组', 'tags'],
    ['Mobiltelefon', 'phone:mobile'], ['Telefon geschäftlich', 'phone:work'], ['phoneNumber', 'phone:other'], ['WeChat', 'wechat'],
  ])('%j → %j', (h, target) => {
    expect(guessTarget(h)).toBe(target);
  });
  it('isTechnicalHeader reads camelCase and snake_case words', () => {
    expect(isTechnicalHeader('homeAddressType')).toBe(true);
    expect(isTechnicalHeader('Home Address')).toBe(false);
  });
});

describe.skipIf(!hasCorpus)('Roundcube\'s localized header map (../shared/corpus/csv)', () => {
  it('at least 90% of the 822 localized Outlook/Thunderbird headers map to the field Roundcube gives them', () => {
    const rows = readFileSync(corpusPath('csv', 'roundcube__localized-csv-header-map.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    const simple: Record<string, string> = { organization: 'company', jobtitle: 'title', department: 'department', surname: 'lastName', firstname: 'firstName', name: 'name', nickname: 'nickname', middlename: 'middleName', suffix: 'suffix', notes: 'notes', groups: 'tags', 'birthday-y': 'birthYear', 'birthday-m': 'birthMonth' };
    let ok = 0;
    for (const [, header, field] of rows) {
      const got = guessTarget(header!) ?? '';
      const [k] = field!.split(':');
      const want = simple[field!];
      const good = want ? got === want : k === 'email' ? got.startsWith('email') : k === 'phone' ? got.startsWith('phone') || got === 'custom' : k === 'website' ? got === 'website' : ['street', 'locality', 'region', 'zipcode', 'country'].includes(k!) ? /^(street|city|region|postalCode|country):/.test(got) : true;
      if (good) ok++;
    }
    expect(ok / rows.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('encodings', () => {
  const cp1252 = (s: string) => new Uint8Array([...s].map((ch) => ({ 'é': 0xe9, 'ü': 0xfc, '“': 0x93, '”': 0x94, 'ø': 0xf8, 'Ø': 0xd8 })[ch] ?? ch.charCodeAt(0)));
  it('a Windows-1252 file (Outlook 2000) is Windows-1252, never refused', () => {
    expect(detectEncoding(cp1252('Name,Company\r\nJosé Müller,Café “Best”\r\nZoë Ørsted,Nørre\r\n'))).toBe('windows-1252');
  });
  it('GBK, Big5, Shift_JIS, UTF-16 without a BOM are recognised', () => {
    expect(decodeText(new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xd6, 0xbb, 0xfa, 0x0d, 0x0a, 0xd5, 0xc5, 0xce, 0xb0])).encoding).toBe('gb18030');
    // 王小明,台北市 in Big5
    const big5 = new Uint8Array([0xa4, 0xfd, 0xa4, 0x70, 0xa9, 0xfa, 0x2c, 0xa5, 0x78, 0xa5, 0x5f, 0xa5, 0xab, 0x0a, 0xa4, 0xfd, 0xa4, 0x70, 0xa9, 0xfa, 0x2c, 0xa5, 0x78, 0xa5, 0x5f, 0xa5, 0xab]);
    expect(detectEncoding(big5, 'zh-TW')).toBe('big5');
    // 山田太郎,東京 in Shift_JIS
    const sjis = new Uint8Array([0x8e, 0x52, 0x93, 0x63, 0x91, 0xbe, 0x98, 0x59, 0x2c, 0x93, 0x8c, 0x8b, 0x9e]);
    expect(new TextDecoder(detectEncoding(sjis, 'ja-JP')).decode(sjis)).toBe('山田太郎,東京');
    const utf16 = new Uint8Array([...'Name,Email\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeText(utf16)).toEqual({ text: 'Name,Email\n', encoding: 'utf-16le' });
  });
  it('the user\'s choice wins over detection', () => {
    expect(decodeText(cp1252('José'), 'windows-1250').encoding).toBe('windows-1250');
  });
});

describe('real layouts end to end', () => {
  it('Outlook 2000, Windows-1252, 0/0/00 placeholders: every row imports, accents intact, the assistant is not the contact', () => {
    const r = parseContactsCsv(fixture('outlook-2000-win1252.csv'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.errors).toEqual([]);
    expect(r.drafts.map((d) => d.name)).toEqual(['José Müller', 'Zoë Ørsted', 'François Lefèvre', 'Sales Team']);
    const jose = r.drafts[0]!;
    expect(jose.company).toBe('Café Zürich AG');
    expect(jose.phones.map((p) => [p.label, digits(p.raw)])).toEqual([['work', '41441234567'], ['mobile', '41791234567']]);
    expect(jose.emails.map((e) => e.value)).toEqual(['jose.muller@cafe-zurich.example']);
    expect(jose.birthday).toBeUndefined();
    expect(jose.websites).toEqual(['http://www.cafe-zurich.example/']);
    expect(jose.addresses[0]).toMatchObject({ street: 'Bahnhofstraße 12', city: 'Zürich', postalCode: '8001', label: 'work' });
    expect(jose.notes).toContain('“espresso”');
    // 20/01/1991 decides the column: day first, so 3/4/1985 is 3 April.
    expect(r.drafts[1]!.birthday).toEqual({ year: 1991, month: 1, day: 20 });
    expect(r.drafts[2]!.birthday).toEqual({ year: 1985, month: 4, day: 3 });
    expect(r.drafts[1]!.tags).toEqual(['Clients', 'Europe']);
  });
  it('Google Contacts (current layout): phonetic names are not phones, labels, slots, the email-only contact is named', () => {
    const r = parseContactsCsv(fixture('google-contacts.csv'));
    expect(r.errors).toEqual([]);
    const [zhang, ada, li] = r.drafts;
    expect([zhang!.name, zhang!.company, zhang!.title]).toEqual(['张伟', '龙盛贸易', '销售经理']);
    expect(zhang!.phones.map((p) => [p.label, p.raw])).toEqual([['mobile', '+86 138 0013 8000'], ['work', '010-6552 9988']]);
    expect(zhang!.websites).toEqual(['https://longsheng.example.cn']);
    expect(zhang!.addresses[0]).toMatchObject({ city: '北京', country: '中国' });
    expect(ada!.birthday).toEqual({ month: 12, day: 10 });
    expect(li!.name).toBe('Li Na');
  });
  it('an export re-imports its +86 numbers exactly (text formula, no apostrophe)', () => {
    const c = { id: 'x', kind: 'person', name: 'A', company: '', department: '', title: '', emails: [], phones: [{ raw: '+86 138 0013 8000', label: 'mobile' }], addresses: [], websites: [], social: [], tags: [], interests: [], industry: '', owner: '', stage: 'lead', notes: '', customFields: {} } as never;
    const csv = toCsv([c]);
    expect(csv).toContain('"=""+86 138 0013 8000"""');
    expect(csv).not.toContain("'+86");
    expect(parseContactsCsv(csv).drafts[0]!.phones[0]!.raw).toBe('+86 138 0013 8000');
  });
  it('email-only contacts get a display name from the address', () => {
    expect(displayNameFromEmail('jane.doe@x.com')).toBe('Jane Doe');
    expect(displayNameFromEmail('info@x.com')).toBe('info@x.com');
    expect(parseContactsCsv('Email\nsales@acme.example\n').drafts[0]!.name).toBe('sales@acme.example');
  });
});

describe('per-row errors in the user\'s language with row and column', () => {
  afterEach(() => {
    lang.value = 'en';
  });
  it('Chinese UI: row, column and the reason in Chinese', () => {
    lang.value = 'zh-CN';
    const r = parseContactsCsv('姓名,生日\n张伟,2月30日\n');
    expect(r.errors).toEqual([{ row: 2, column: '生日', message: '“生日”列：“2月30日”不是有效日期' }]);
  });
});
