import { describe, expect, it } from 'vitest';
import { companyKey, diffContact, linkedinKey, patchFor, sameNameAndCompany, toCustomerInput, type DiffField } from '../../lib/capture/review';
import { findMatches } from '../../lib/db/matching';
import { createCustomer, restoreCustomer, softDeleteCustomer, updateCustomer } from '../../lib/db';
import { contactDraftSchema, type ContactDraftInput, type CustomerInput } from '../../lib/domain';
import { freshContext } from '../db/helpers';

const draft = (d: ContactDraftInput) => contactDraftSchema.parse(d);

/** The cards every findMatches case searches. */
const SEED: Array<CustomerInput & { key: string }> = [
  { key: 'zhang', name: '张伟', company: '上海云帆科技有限公司', emails: [{ value: 'zhang.wei@yunfan.cn' }], phones: [{ raw: '138 0013 8000' }] },
  { key: 'smith', name: 'John Smith', company: 'Acme Inc.', phones: [{ raw: '+1 (415) 555-0134' }] },
  { key: 'li', name: 'Li Na', company: 'Globex Ltd', social: [{ network: 'linkedin', handle: 'https://www.linkedin.com/in/li-na-globex/' }] },
  { key: 'cisco', name: 'Ann Lee', company: 'Cisco' },
  { key: 'gone', name: 'Old Friend', company: 'Initech', emails: [{ value: 'old@initech.test' }] },
];

async function seeded() {
  const ctx = freshContext();
  const ids: Record<string, string> = {};
  for (const { key, ...input } of SEED) ids[key] = (await createCustomer(ctx, input)).id;
  await softDeleteCustomer(ctx, ids.gone!);
  return { ctx, ids };
}

describe('findMatches', () => {
  it.each<[string, ContactDraftInput, Array<[string, string]>]>([
    ['email, any case', { name: 'Wei Zhang', emails: [{ value: 'Zhang.Wei@YunFan.cn' }] }, [['zhang', 'email']]],
    ['E.164 phone from the draft', { phones: [{ raw: '+86 138-0013-8000', e164: '+8613800138000' }] }, [['zhang', 'phone']]],
    ['phone without E.164: read with the default region (CN)', { phones: [{ raw: '13800138000' }] }, [['zhang', 'phone']]],
    ['US phone in E.164', { phones: [{ raw: '415.555.0134', e164: '+14155550134' }] }, [['smith', 'phone']]],
    ['LinkedIn URL, other subdomain and case', { social: [{ network: 'linkedin', handle: 'https://cn.linkedin.com/in/Li-Na-Globex?trk=x' }] }, [['li', 'linkedin']]],
    ['LinkedIn bare handle', { social: [{ network: 'linkedin', handle: 'li-na-globex' }] }, [['li', 'linkedin']]],
    ['name + company, 有限公司 dropped', { name: '张伟', company: '上海云帆科技' }, [['zhang', 'name+company']]],
    ['name + company, shorter Chinese name inside', { name: '张 伟', company: '云帆科技' }, [['zhang', 'name+company']]],
    ['name + company, Inc. vs none, case', { name: 'john smith', company: 'ACME' }, [['smith', 'name+company']]],
    ['name + company, Co., Ltd. vs Inc.', { name: 'John Smith', company: 'Acme Co., Ltd.' }, [['smith', 'name+company']]],
    ['name only, the card has a company', { name: 'Li Na' }, [['li', 'name+company']]],
    ['email wins and is listed once', { name: '张伟', company: '云帆科技', emails: [{ value: 'zhang.wei@yunfan.cn' }] }, [['zhang', 'email']]],
    ['same name, other company: no match', { name: 'John Smith', company: 'Globex' }, []],
    ['"co" inside a word is not a legal suffix', { name: 'Ann Lee', company: 'Cis' }, []],
    ['nothing in common', { name: 'Nobody', emails: [{ value: 'nobody@example.com' }], phones: [{ raw: '+44 20 7946 0000' }] }, []],
    ['a deleted card never matches by email', { emails: [{ value: 'old@initech.test' }] }, []],
    ['a deleted card never matches by name', { name: 'Old Friend', company: 'Initech' }, []],
  ])('%s', async (_label, input, expected) => {
    const { ctx, ids } = await seeded();
    const found = await findMatches(ctx, draft(input));
    expect(found.map((m) => [m.customer.id, m.by])).toEqual(expected.map(([k, by]) => [ids[k], by]));
  });

  it('a card restored from the trash matches again', async () => {
    const { ctx, ids } = await seeded();
    await restoreCustomer(ctx, ids.gone!);
    const found = await findMatches(ctx, draft({ emails: [{ value: 'old@initech.test' }] }));
    expect(found.map((m) => [m.customer.id, m.by])).toEqual([[ids.gone, 'email']]);
  });
});

describe('company and LinkedIn keys', () => {
  it.each([
    ['上海云帆科技有限公司', '上海云帆科技'],
    ['华为技术（中国）有限公司', '华为技术中国'],
    ['Acme Inc.', 'acme'],
    ['ACME, Ltd', 'acme'],
    ['Acme Co., Ltd.', 'acme'],
    ['Cisco', 'cisco'],
    ['Ｇｌｏｂｅｘ　Ｌｉｍｉｔｅｄ', 'globex'],
  ])('companyKey(%s) = %s', (name, key) => expect(companyKey(name)).toBe(key));

  it.each([
    ['https://www.linkedin.com/in/Zhang-Wei/', 'in/zhang-wei'],
    ['cn.linkedin.com/company/yunfan?x=1', 'company/yunfan'],
    ['zhang-wei', '*/zhang-wei'],
  ])('linkedinKey(%s) = %s', (url, key) => expect(linkedinKey(url)).toBe(key));

  it.each([
    [{ name: 'A B', company: '' }, { name: 'a b', company: 'X Corp' }, true],
    [{ name: 'A B', company: 'Globex' }, { name: 'A B', company: 'Globe' }, true],
    [{ name: 'A B', company: 'AB' }, { name: 'A B', company: 'ABB' }, false],
    [{ name: '', company: 'X' }, { name: 'X', company: 'X' }, false],
  ])('sameNameAndCompany(%o, %o) = %s', (a, b, same) => expect(sameNameAndCompany(a, b)).toBe(same));
});

/** An existing card to diff against. */
async function card(input: Partial<CustomerInput>) {
  const ctx = freshContext();
  return createCustomer(ctx, { name: 'Zhang Wei', ...input });
}

describe('diffContact', () => {
  it.each<[string, Partial<CustomerInput>, ContactDraftInput, Array<[DiffField, string, string, boolean]>]>([
    ['empty field filled: not a conflict', { company: '' }, { name: 'Zhang Wei', company: 'Yunfan' }, [['company', '', 'Yunfan', false]]],
    ['different non-empty field: a conflict', { title: 'Sales' }, { name: 'Zhang Wei', title: 'CTO' }, [['title', 'Sales', 'CTO', true]]],
    ['same values: nothing', { title: 'CTO', emails: [{ value: 'a@x.cn' }] }, { name: 'Zhang Wei', title: ' CTO ', emails: [{ value: 'A@X.cn' }] }, []],
    ['empty clipped field never clears', { title: 'CTO' }, { name: '', title: '' }, []],
    ['new email added, old one kept', { emails: [{ value: 'a@x.cn' }] }, { emails: [{ value: 'a@x.cn' }, { value: 'b@x.cn' }] }, [['emails', 'a@x.cn', 'b@x.cn', false]]],
    ['same phone written differently: nothing', { phones: [{ raw: '138 0013 8000' }] }, { phones: [{ raw: '+86 13800138000' }] }, []],
    ['new phone', { phones: [{ raw: '138 0013 8000' }] }, { phones: [{ raw: '139 0000 0000' }] }, [['phones', '138 0013 8000', '139 0000 0000', false]]],
    ['website with and without www / slash: nothing', { websites: ['https://www.yunfan.cn/'] }, { websites: ['http://yunfan.cn'] }, []],
    ['LinkedIn in another form: nothing', { social: [{ network: 'linkedin', handle: 'https://www.linkedin.com/in/zw' }] }, { social: [{ network: 'linkedin', handle: 'linkedin.com/in/ZW/' }] }, []],
    ['duplicates inside the clip count once', {}, { emails: [{ value: 'c@x.cn' }, { value: 'C@x.cn' }] }, [['emails', '', 'c@x.cn', false]]],
  ])('%s', async (_label, existing, clipped, expected) => {
    const c = await card(existing);
    expect(diffContact(c, draft(clipped)).map((d) => [d.field, d.old, d.new, d.conflict])).toEqual(expected);
  });
});

describe('patchFor', () => {
  const existing = { title: 'Sales', company: '', emails: [{ value: 'a@x.cn' }], phones: [{ raw: '138 0013 8000' }] };
  const clipped = draft({ name: 'Zhang Wei', title: 'CTO', company: 'Yunfan', emails: [{ value: 'a@x.cn' }, { value: 'b@x.cn' }], phones: [{ raw: '13800138000' }, { raw: '139 0000 0000' }] });

  it.each<[string, DiffField[], Partial<CustomerInput>]>([
    ['nothing ticked: empty patch', [], {}],
    ['only the empty field ticked: the conflicting title is left alone', ['company'], { company: 'Yunfan' }],
    ['a ticked conflict is applied (the user chose it)', ['title'], { title: 'CTO' }],
    ['emails: the new one appended, none doubled', ['emails'], { emails: [{ value: 'a@x.cn', label: '' }, { value: 'b@x.cn', label: '' }] }],
  ])('%s', async (_label, ticked, patch) => {
    const c = await card(existing);
    expect(patchFor(c, clipped, new Set(ticked))).toEqual(patch);
  });

  it('phones ticked: only the new number is appended, in E.164; saving keeps every old value', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: 'Zhang Wei', ...existing });
    const patch = patchFor(c, clipped, new Set<DiffField>(['phones', 'emails', 'company']));
    expect(patch.phones?.map((p) => p.e164)).toEqual(['+8613800138000', '+8613900000000']);
    const saved = await updateCustomer(ctx, c.id, patch);
    expect(saved.title).toBe('Sales');
    expect(saved.emails.map((e) => e.value)).toEqual(['a@x.cn', 'b@x.cn']);
    expect(saved.phoneKeys).toEqual(['+8613800138000', '+8613900000000']);
    expect(diffContact(saved, clipped).map((d) => d.field)).toEqual(['title']);
  });
});

describe('toCustomerInput', () => {
  it.each<[string, ContactDraftInput, 'web-capture' | 'email-capture', string, Partial<CustomerInput>]>([
    ['source kept', { name: 'A' }, 'email-capture', 'CN', { name: 'A', source: 'email-capture' }],
    ['no name: the company', { company: 'Yunfan' }, 'web-capture', 'CN', { name: 'Yunfan' }],
    ['no name, no company: the email', { emails: [{ value: 'x@y.cn' }] }, 'web-capture', 'CN', { name: 'x@y.cn' }],
    ['an organisation has no company of its own', { kind: 'organization', name: 'Yunfan', company: 'Yunfan' }, 'web-capture', 'CN', { kind: 'organization', company: '' }],
    ['CN mobile to E.164', { name: 'A', phones: [{ raw: '138 0013 8000', label: 'mobile' }] }, 'web-capture', 'CN', { phones: [{ raw: '138 0013 8000', e164: '+8613800138000', label: 'mobile' }] }],
    ['US number with region US', { name: 'A', phones: [{ raw: '(415) 555-0134' }] }, 'web-capture', 'US', { phones: [{ raw: '(415) 555-0134', e164: '+14155550134', label: 'other' }] }],
    ['the draft\'s E.164 wins', { name: 'A', phones: [{ raw: '020 7946 0000', e164: '+442079460000' }] }, 'web-capture', 'CN', { phones: [{ raw: '020 7946 0000', e164: '+442079460000', label: 'other' }] }],
    ['duplicate emails and phones once', { name: 'A', emails: [{ value: 'A@x.cn' }, { value: 'a@x.cn' }], phones: [{ raw: '13800138000' }, { raw: '+86 138 0013 8000' }] }, 'web-capture', 'CN',
      { emails: [{ value: 'a@x.cn', label: '' }], phones: [{ raw: '13800138000', e164: '+8613800138000', label: 'other' }] }],
  ])('%s', (_label, input, source, region, expected) => {
    expect(toCustomerInput(draft(input), source, region)).toMatchObject(expected);
  });

  it('what it returns is accepted by createCustomer', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, toCustomerInput(draft({ name: '李娜', phones: [{ raw: '+1 415 555 0134' }], websites: ['https://a.cn', 'https://a.cn/'] }), 'web-capture'));
    expect(c.phoneKeys).toEqual(['+14155550134']);
    expect(c.websites).toEqual(['https://a.cn']);
  });
});
