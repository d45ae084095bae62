import type { CustomerInput, InteractionInput, InteractionType } from '../domain';

/** A small seeded PRNG (mulberry32): the same seed gives the same workspace, for demos and benchmarks. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '志强', '建国', '晓东'];
const FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'Sarah', 'Thomas', 'Emma', 'Daniel', 'Olivia', 'Lucas'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Clark', 'Lewis', 'Walker', 'Young', 'King'];
const CN_CO = [['云帆', '科技'], ['华信', '软件'], ['金石', '贸易'], ['恒通', '物流'], ['瑞丰', '制造'], ['中联', '咨询'], ['海纳', '医疗'], ['盛世', '传媒'], ['博远', '教育'], ['新元', '能源']];
const CN_CITY = [['上海市', '浦东新区', '张江路'], ['北京市', '海淀区', '中关村大街'], ['广东省深圳市', '南山区', '科技园路'], ['浙江省杭州市', '西湖区', '文三路'], ['江苏省苏州市', '工业园区', '星湖街']];
const EN_CO = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Wonka'];
const EN_SUFFIX = ['Inc.', 'Ltd', 'LLC', 'GmbH', 'Corp.'];
const TITLES_CN = ['采购经理', '技术总监', '总经理', '销售主管', 'IT 工程师', '运营总监', '财务经理'];
const TITLES_EN = ['Purchasing Manager', 'CTO', 'Head of Sales', 'IT Director', 'Operations Manager', 'CEO', 'Procurement Lead'];
const INDUSTRIES = ['C', 'F', 'G', 'I', 'J', 'K', 'M', 'P', 'Q'];
const TAGS = ['价格敏感型', '技术优先型', 'vip', 'reseller', '投诉过', 'trade-show-2026', '老客户'];
const TYPES: InteractionType[] = ['call', 'email', 'meeting', 'visit', 'wechat', 'note', 'purchase', 'contract', 'feedback', 'complaint'];
const DAY = 86_400_000;

export interface DemoCustomer {
  input: CustomerInput;
  interactions: Omit<InteractionInput, 'customerId'>[];
}

/** One realistic customer (Chinese or English) with ~`avgInteractions` interactions before `now`. */
export function demoCustomer(r: () => number, i: number, now: number, avgInteractions = 5): DemoCustomer {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chinese = r() < 0.6;
  const name = chinese ? pick(SURNAMES) + pick(GIVEN) : `${pick(FIRST)} ${pick(LAST)}`;
  const [brand, trade] = pick(CN_CO);
  const company = chinese ? `${pick(['上海', '北京', '深圳', '杭州', '苏州'])}${brand}${trade}有限公司` : `${pick(EN_CO)} ${pick(EN_SUFFIX)}`;
  const domain = chinese ? `${['yunfan', 'huaxin', 'jinshi', 'hengtong', 'ruifeng'][i % 5]}${i % 997}.cn` : `${pick(EN_CO).toLowerCase()}${i % 997}.com`;
  const login = chinese ? `user${i}` : name.toLowerCase().replace(/\s+/g, '.') + i;
  const mobile = chinese ? `+86 13${Math.floor(r() * 10)} ${String(Math.floor(r() * 1e4)).padStart(4, '0')} ${String(i % 10000).padStart(4, '0')}` : `+1 415 555 ${String(i % 10000).padStart(4, '0')}`;
  const [prov, district, road] = pick(CN_CITY);
  const signed = r() < 0.45;
  const input: CustomerInput = {
    kind: 'person', name, company, title: chinese ? pick(TITLES_CN) : pick(TITLES_EN),
    emails: [{ value: `${login}@${domain}`, label: 'work' }],
    phones: [{ raw: mobile, label: 'mobile' }],
    addresses: chinese ? [{ label: 'work', formatted: `${prov}${district}${road}${1 + (i % 800)}号`, street: `${road}${1 + (i % 800)}号`, city: prov, region: '', postalCode: '', country: 'CN' }] : [],
    websites: [`https://www.${domain}`],
    social: chinese && r() < 0.5 ? [{ network: 'wechat', handle: `wx_${login}` }] : [],
    birthday: r() < 0.4 ? { month: 1 + Math.floor(r() * 12), day: 1 + Math.floor(r() * 28) } : undefined,
    industry: pick(INDUSTRIES), source: pick(['manual', 'import', 'email-capture', 'web-capture'] as const),
    owner: pick(['Alice', '小李', 'Bob', '王经理']),
    stage: signed ? pick(['active', 'renewed', 'active'] as const) : pick(['first-contact', 'negotiating', 'lost'] as const),
    signedAt: signed ? now - Math.floor(r() * 900) * DAY : undefined,
    tags: r() < 0.5 ? [pick(TAGS)] : [],
    reviewedAt: now - Math.floor(r() * 300) * DAY,
  };
  const n = Math.round(r() * avgInteractions * 2);
  const interactions = Array.from({ length: n }, () => {
    const type = signed ? pick(TYPES) : pick(TYPES.slice(0, 6));
    const money = type === 'purchase' || type === 'contract';
    return {
      type, direction: pick(['in', 'out'] as const), occurredAt: now - Math.floor(r() * 400 * DAY),
      subject: type === 'email' ? pick(['报价单', 'Quotation follow-up', '合同续签', 'Meeting notes']) : '',
      content: pick(['讨论了新季度的采购计划。', 'Asked for a discount on volume.', '客户反馈系统运行稳定。', 'Demo of the new version went well.']),
      amount: money ? Math.round(r() * 400) * 1000 : undefined, currency: money ? 'CNY' : undefined,
      endsAt: type === 'contract' ? now + Math.floor(r() * 300) * DAY : undefined,
      satisfaction: type === 'feedback' ? 1 + Math.floor(r() * 5) : undefined,
    };
  });
  return { input, interactions };
}
