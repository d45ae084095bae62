import type { Customer } from '../../lib/domain/customer';

/** A live customer with only the given fields filled. */
export function card(id: string, fields: Partial<Customer> & { name: string }): Customer {
  return {
    id, createdAt: 1, updatedAt: 1, rev: 1, deletedAt: null,
    kind: 'person', company: '', title: '', department: '', emails: [], phones: [], addresses: [],
    websites: [], social: [], interests: [], industry: '', source: 'manual', owner: '', stage: 'first-contact',
    tags: [], notes: '', customFields: {}, emailKeys: [], phoneKeys: [], valueTier: 'unknown',
    activityTier: 'inactive', status: 'potential', lifecycle: 'acquisition', value: 0,
    ...fields,
  };
}

const email = (value: string) => ({ value, label: '' });

/** The fixed cards the search tables run against; ids say who is who. */
export const people: Customer[] = [
  card('zhangwei', { name: '张伟', company: '华为技术有限公司', emails: [email('zw@huawei.com')], phones: [{ raw: '138 1234 5678', e164: '+8613812345678', label: 'mobile' }] }),
  card('zhangweiming', { name: '张伟明', company: '腾讯科技', title: '销售总监' }),
  card('zhanghua', { name: '张华', tags: ['价格敏感型'] }),
  card('wangfang', { name: '王芳', emails: [email('fang.wang@acme.com.cn')], notes: '客户说下周再联系，预算五十万' }),
  card('shanwei', { name: '单伟' }),
  card('lvmin', { name: '吕敏' }),
  card('john', { name: 'John Smith', company: 'Acme Corp', title: 'Purchasing Manager', emails: [email('john.smith@acme.com')], phones: [{ raw: '+1 415 555 0199', e164: '+14155550199', label: 'work' }], tags: ['VIP'] }),
  card('johnson', { name: 'Mary Johnson', company: 'Globex', emails: [email('mary@globex.com')], websites: ['https://www.globex.com/about'], notes: 'Met at the Canton Fair, wants bulk pricing' }),
  card('jose', { name: 'José Müller', company: 'Initech', social: [{ network: 'linkedin', handle: 'https://www.linkedin.com/in/jose-muller/' }] }),
  card('obrien', { name: "Sean O'Brien", emails: [email('sean@mail.obrien.ie')], phones: [{ raw: '020 7946 0958', label: 'work' }] }),
  card('deleted', { name: 'Zhang Deleted', deletedAt: 5 }),
  card('alice', { name: 'Alice 王', company: 'Wonka Industries', tags: ['trade-show'] }),
];
