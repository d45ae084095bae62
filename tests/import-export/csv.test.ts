import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { corpusPath, hasCorpus } from '../corpus';
import { freshContext } from '../db/helpers';
import { importDrafts } from '../../lib/db/import';
import { parseContactsCsv, toCsv } from '../../lib/import-export/csv';
import { parseVCards } from '../../lib/import-export/vcard';
import { cardData, corpusBytes } from './helpers';

describe.skipIf(!hasCorpus)('CSV corpus (shared/corpus/csv)', () => {
  it('Thunderbird tb_plain.csv gives the card of tb_plain.expected.vcf', () => {
    const { drafts, errors } = parseContactsCsv(corpusBytes('csv', 'roundcube__tb_plain.csv'));
    const [expected] = parseVCards(corpusBytes('csv', 'roundcube__tb_plain.expected.vcf'));
    expect(errors).toEqual([]);
    expect(drafts).toHaveLength(1);
    const got = drafts[0]!;
    expect(cardData(got)).toEqual({ ...cardData(expected!), phones: cardData(got).phones });
    // Phone numbers and their kinds (the .vcf says homefax / cell / pager; we have fax / mobile / other).
    expect(got.phones.map((p) => `${p.label}:${p.raw}`)).toEqual(['work:phone work', 'home:phone home', 'fax:fax', 'other:pager', 'mobile:mobile']);
    expect(got.extra?.customFields).toMatchObject({ nickname: 'Nick' });
    expect(got.department).toBe('department');
  });

  it.each([
    ['thunderbird__basic_csv_addressbook.csv', ',', true, [['John Doe', 'john@doe.invalid'], ['Jane Doe', 'jane@doe.invalid']]],
    ['thunderbird__csv_semicolon.csv', ';', true, [['John Doe', 'john@doe.invalid'], ['Jane Doe', 'jane@doe.invalid']]],
    ['thunderbird__csv_no_header.csv', ',', false, [['John Doe', 'john@doe.invalid'], ['Jane Doe', 'jane@doe.invalid']]],
    ['thunderbird__export.csv', ',', true, [['contact number one', 'contact1@invalid'], ['contact number two', 'contact2@invalid']]],
  ])('%s: delimiter %j, header %s, names and emails', (file, delimiter, hasHeader, people) => {
    const r = parseContactsCsv(corpusBytes('csv', file));
    expect(r.errors).toEqual([]);
    expect(r.delimiter).toBe(delimiter);
    expect(r.hasHeader).toBe(hasHeader);
    expect(r.drafts.map((d) => [d.name, d.emails[0]?.value])).toEqual(people);
    expect(r.rowNumbers).toEqual(hasHeader ? [2, 3] : [1, 2]);
  });

  it('thunderbird export.csv keeps quotes, tabs, a line break inside a cell and unicode', () => {
    const { drafts } = parseContactsCsv(corpusBytes('csv', 'thunderbird__export.csv'));
    const two = drafts[1]!;
    expect(two.extra?.customFields).toMatchObject({ 'Custom 1': 'custom, 1', 'Custom 2': 'custom\t2', 'Custom 3': 'custom3', 'Custom 4': 'custom\n4' });
    expect(two.notes).toBe("here's some unicode text…");
    expect(two.title).toBe('"worker"');
  });

  it('every corpus CSV imports into the database (invalid emails kept as custom fields, with warnings)', async () => {
    for (const file of ['roundcube__tb_plain.csv', 'thunderbird__basic_csv_addressbook.csv', 'thunderbird__csv_semicolon.csv', 'thunderbird__csv_no_header.csv', 'thunderbird__export.csv']) {
      const { drafts, rowNumbers } = parseContactsCsv(corpusBytes('csv', file));
      const ctx = freshContext();
      const report = await importDrafts(ctx, drafts, { duplicates: 'create', rowNumbers });
      expect(report.created, file).toBe(drafts.length);
      if (file === 'thunderbird__export.csv') {
        expect(report.warnings.map((w) => w.row)).toEqual([2, 3]);
        expect((await ctx.db.customers.toArray()).map((c) => c.customFields['email (unverified)'])).toEqual(['contact1@invalid', 'contact2@invalid']);
      }
    }
  });

  it('maps the localised headers of the Roundcube table (12 languages) to the right field family', () => {
    const family: Record<string, string> = {
      firstname: 'firstName', surname: 'lastName', middlename: 'middleName', name: 'name', nickname: 'nickname',
      prefix: 'prefix', suffix: 'suffix', organization: 'company', department: 'department', jobtitle: 'title',
      notes: 'notes', groups: 'tags', birthday: 'birthday', 'birthday-y': 'birthYear', 'birthday-m': 'birthMonth', 'birthday-d': 'birthDay',
    };
    const expectedOf = (field: string): string | undefined => {
      const [kind, where] = field.split(':');
      if (family[field]) return family[field];
      if (kind === 'email') return 'email';
      if (kind === 'phone') return where?.includes('fax') ? 'phone:fax' : 'phone';
      if (kind === 'website') return 'website';
      if (kind === 'im') return 'social';
      const part = { street: 'street', locality: 'city', region: 'region', zipcode: 'postalCode', country: 'country' }[kind!];
      if (part) return `${part}:${where}`;
      if (['gender', 'anniversary', 'spouse', 'manager', 'assistant', 'maidenname', 'photo'].includes(kind!)) return 'custom';
      return undefined;
    };
    const rows = readFileSync(corpusPath('csv', 'roundcube__localized-csv-header-map.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    // The same header with two meanings in the table (Outlook's "Geburtstag", French "Région") cannot be right both ways.
    const meanings = new Map<string, Set<string>>();
    for (const [, header, field] of rows) meanings.set(header!, (meanings.get(header!) ?? new Set()).add(expectedOf(field!) ?? '?'));
    const checked = rows.filter(([, header, field]) => expectedOf(field!) && meanings.get(header!)!.size === 1);
    const wrong: string[] = [];
    // Each language's headers read together, as one export's header row (context: "Title" beside "Job Title").
    const byLang = new Map<string, string[]>();
    for (const [lang, header] of rows) byLang.set(lang!, [...(byLang.get(lang!) ?? []), header!]);
    const targetOf = new Map<string, string>();
    for (const [lang, headers] of byLang) {
      const { mapping } = parseContactsCsv(`${headers.join('\t')}\n${headers.map(() => 'x').join('\t')}`, { hasHeader: true });
      mapping.forEach((m) => targetOf.set(`${lang}\t${m.header}`, m.target ?? 'null'));
    }
    for (const [lang, header, field] of checked) {
      const got = targetOf.get(`${lang}\t${header}`) ?? 'missing';
      const want = expectedOf(field!)!;
      const ok = want === 'phone' ? got.startsWith('phone:') : want.includes(':') && !want.startsWith('phone') ? got === want || (got.split(':')[0] === want.split(':')[0] && want.endsWith(':other')) : got === want || (want === 'email' && got.startsWith('email'));
      if (!ok) wrong.push(`${lang} "${header}" → ${got}, want ${want}`);
    }
    const accuracy = 1 - wrong.length / checked.length;
    console.log(`[header map] ${checked.length - wrong.length}/${checked.length} localised headers mapped right (${(accuracy * 100).toFixed(1)}%)`);
    if (wrong.length) console.log(wrong.join('\n'));
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe('CSV parsing', () => {
  it.each([
    ['姓名', 'name'], ['公司', 'company'], ['职位', 'title'], ['手机', 'phone:mobile'], ['手机号码', 'phone:mobile'], ['电话', 'phone:other'],
    ['办公电话', 'phone:work'], ['邮箱', 'email'], ['电子邮件', 'email'], ['地址', 'street:home'], ['备注', 'notes'], ['标签', 'tags'], ['生日', 'birthday'],
    ['微信', 'wechat'], ['QQ', 'qq'], ['部门', 'department'], ['网址', 'website'], ['行业', 'industry'], ['负责人', 'owner'], ['城市', 'city:home'],
    ['省份', 'region:home'], ['邮编', 'postalCode:home'], ['传真', 'phone:fax'],
    ['E-mail Address', 'email'], ['Mobile Phone', 'phone:mobile'], ['Business Phone', 'phone:work'], ['Home Phone', 'phone:home'],
    ['Company', 'company'], ['Job Title', 'title'], ['Given Name', 'firstName'], ['Family Name', 'lastName'], ['Notes', 'notes'],
    ['Group Membership', 'tags'], ['Business Street', 'street:work'], ['Home City', 'city:home'], ['Gender', 'custom'], ['', null],
  ])('header %j → %s', (header, target) => {
    const r = parseContactsCsv(`${header},Name\nx,y`, { hasHeader: true });
    expect(r.mapping[0]!.target).toBe(target);
  });

  it('Outlook: "Title" is the name prefix when a "Job Title" column exists', () => {
    const r = parseContactsCsv('Title,First Name,Last Name,Job Title\nMr.,John,Doe,CEO');
    expect(r.mapping.map((m) => m.target)).toEqual(['prefix', 'firstName', 'lastName', 'title']);
    expect(r.drafts[0]).toMatchObject({ name: 'Mr. John Doe', title: 'CEO' });
  });

  it('Google Contacts: slot columns with labels and ::: multi-values', () => {
    const csv = [
      'Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Address 1 - Type,Address 1 - Street,Address 1 - City,Address 2 - Type,Address 2 - City,Organization 1 - Name,Organization 1 - Title,Birthday',
      'Wei Zhang,Wei,Zhang,* myContacts ::: VIP,* Work,wei@yunfan.cn ::: wei.zhang@gmail.com,Mobile,+86 138 0013 8000,Work Fax,+86 21 5555 0000,Work,1 Road,Shanghai,Home,Suzhou,Yunfan,CTO,--04-15',
    ].join('\n');
    const { drafts, errors } = parseContactsCsv(csv);
    expect(errors).toEqual([]);
    expect(drafts[0]).toMatchObject({
      name: 'Wei Zhang', company: 'Yunfan', title: 'CTO', tags: ['myContacts', 'VIP'], birthday: { month: 4, day: 15 },
      emails: [{ value: 'wei@yunfan.cn', label: 'work' }, { value: 'wei.zhang@gmail.com', label: 'work' }],
      phones: [{ raw: '+86 138 0013 8000', label: 'mobile' }, { raw: '+86 21 5555 0000', label: 'fax' }],
      addresses: [{ label: 'work', street: '1 Road', city: 'Shanghai' }, { label: 'home', city: 'Suzhou' }],
    });
  });

  it('Chinese headers with Chinese name order', () => {
    const r = parseContactsCsv('姓,名,手机,标签\n张,伟,13800138000,"高价值,价格敏感型"');
    expect(r.drafts[0]).toMatchObject({ name: '张伟', phones: [{ raw: '13800138000', label: 'mobile' }], tags: ['高价值', '价格敏感型'] });
  });

  it.each([
    ['UTF-8', new TextEncoder().encode('姓名,手机\r\n张伟,13800138000\r\n'), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('姓名,手机\r\n张伟,13800138000\r\n')]), 'utf-8'],
    // GBK as Chinese Excel saves it: 姓名 D0D5 C3FB, 手机 CAD6 BBFA, 张伟 D5C5 CEB0
    ['GBK', new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xd6, 0xbb, 0xfa, 0x0d, 0x0a, 0xd5, 0xc5, 0xce, 0xb0, 0x2c, ...new TextEncoder().encode('13800138000\r\n')]), 'gb18030'],
    ['tab-separated', new TextEncoder().encode('姓名\t手机\n张伟\t13800138000\n'), 'utf-8'],
  ])('%s bytes are decoded and read', (_label, bytes, encoding) => {
    const r = parseContactsCsv(bytes);
    expect(r.errors).toEqual([]);
    expect(r.encoding).toBe(encoding);
    expect(r.headers).toEqual(['姓名', '手机']);
    expect(r.drafts[0]).toMatchObject({ name: '张伟', phones: [{ raw: '13800138000' }] });
  });

  it.each([
    ['a binary file renamed .csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /not a text file/],
    ['text already mis-decoded (�)', 'Name,Email\nZ\uFFFD\uFFFDng,z@x.cn\n', /could not be read/],
    ['a truncated file (open quote)', 'Name,Notes\nAda,"first line\nsecond', /never closed/],
    ['an empty file', '', /empty/],
  ])('%s → a clear error and no drafts', (_label, data, message) => {
    const r = parseContactsCsv(data);
    expect(r.drafts).toEqual([]);
    expect(r.errors[0]!.message).toMatch(message);
  });

  it('reports bad rows with spreadsheet row numbers (header = row 1)', () => {
    const r = parseContactsCsv('Name,Email,Birthday\nAda,ada@x.com,1815-12-10\nBob,bob@x.com,2月30日\nCy,cy@x.com,\nDee,dee@x.com,,extra');
    expect(r.errors).toEqual([
      { row: 3, column: 'Birthday', message: expect.stringMatching(/column "Birthday": "2月30日" is not a date/) },
      { row: 5, message: expect.stringMatching(/4 cells but the header has 3/) },
    ]);
  });

  it('a row truncated at the end of the file is reported', () => {
    const r = parseContactsCsv('Name,Email,Phone\nAda,ada@x.com,123456\nBob,bob@');
    expect(r.errors).toEqual([{ row: 3, message: expect.stringMatching(/truncated/) }]);
  });

  it('an edited mapping wins over the guess', () => {
    const first = parseContactsCsv('Foo,Bar\nAda,ada@x.com');
    const mapping = first.mapping.map((m) => ({ ...m, target: m.index === 0 ? ('name' as const) : ('email' as const) }));
    expect(parseContactsCsv('Foo,Bar\nAda,ada@x.com', { mapping }).drafts[0]).toMatchObject({ name: 'Ada', emails: [{ value: 'ada@x.com' }] });
  });
});

describe('CSV round trip', () => {
  it('cards → CSV → cards → CSV keeps every field, Chinese included, and guards formulas', async () => {
    const ctx = freshContext();
    const { importDrafts: imp } = await import('../../lib/db/import');
    const source = [
      'Name,Company,Job Title,E-mail,Mobile Phone,Business Phone,Home Street,Home City,Birthday,Tags,WeChat,QQ,Notes,Industry,Owner,Stage,Interests,Annual value,Gender',
      '张伟,上海云帆科技有限公司,销售总监,zhang.wei@yunfan.cn,+86 138 0013 8000,=1+2,"浦东新区世纪大道100号, 20楼",上海,--04-15,"高价值 ::: 价格敏感型",zw88,10001,"多行\n备注",I,李娜,negotiating,"golf ::: tea",600000,男',
      'Ada Lovelace,Analytical Engines,CTO,ada@example.com,,,,,1815-12-10,,,,,,,active,,,',
    ].join('\r\n');
    const first = parseContactsCsv(source);
    expect(first.errors).toEqual([]);
    await imp(ctx, first.drafts, { duplicates: 'create' });
    const customers = await ctx.db.customers.orderBy(':id').toArray();
    const csv = toCsv(customers);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain("'=1+2");
    const second = parseContactsCsv(new TextEncoder().encode(csv));
    expect(second.errors).toEqual([]);
    expect(second.mapping.filter((m) => m.target === 'custom')).toEqual([]);
    const ctx2 = freshContext();
    await imp(ctx2, second.drafts, { duplicates: 'create' });
    const again = await ctx2.db.customers.orderBy(':id').toArray();
    const fields = (c: (typeof customers)[number]) => ({ ...cardData(c), kind: c.kind, industry: c.industry, owner: c.owner, stage: c.stage, interests: c.interests, annualValue: c.annualValue, customFields: c.customFields });
    expect(again.map(fields)).toEqual(customers.map(fields));
    expect(customers[0]).toMatchObject({ stage: 'negotiating', industry: 'I', owner: '李娜', annualValue: 600000, customFields: { Gender: '男' } });
    expect(toCsv(again)).toBe(csv);
  });
});
