import type { Customer } from '../../lib/domain/customer';

/**
 * Deterministic synthetic customers for tests and benchmarks: about half Chinese (common surnames
 * and given names, CN mobiles, Chinese companies), half English. Same seed, same cards.
 */
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文辉鹏飞玉萍红志海燕晓东雪梅丹玲琳浩宇欣怡子涵博睿俊'];
const FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark', 'Margaret', 'Steven', 'Sandra', 'Paul', 'Ashley', 'Andrew', 'Emily', 'Joshua', 'Donna', 'Kenneth', 'Michelle', 'Kevin', 'Carol', 'Brian', 'Amanda', 'George', 'Melissa', 'Timothy', 'Deborah', 'Ronald', 'Stephanie', 'Edward', 'Rebecca', 'Jason', 'Sharon', 'Jeffrey', 'Laura', 'Ryan', 'Cynthia', 'José', 'Zoë', 'Chloé', 'Renée'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', "O'Brien", 'Müller'];
const CN_CO = ['华为技术有限公司', '北京字节跳动科技有限公司', '阿里巴巴集团', '腾讯科技', '小米科技有限责任公司', '中国平安保险', '美团', '京东物流', '比亚迪股份有限公司', '宁德时代', '海尔集团', '联想集团', '百度在线网络技术', '网易', '顺丰速运', '上海浦东发展银行', '万科企业', '格力电器', '中兴通讯', '大疆创新'];
const EN_CO = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Stark Industries', 'Wayne Enterprises', 'Hooli', 'Vandelay Industries', 'Soylent', 'Wonka Industries', 'Cyberdyne Systems', 'Tyrell Corporation', 'Massive Dynamic', 'Oscorp', 'Aperture Science', 'Black Mesa', 'Gringotts', 'Monarch Solutions', 'Pied Piper', 'Dunder Mifflin'];
const TITLES = ['销售总监', '采购经理', '总经理', '技术总监', 'CEO', 'CTO', 'Purchasing Manager', 'Sales Director', 'Account Manager', 'Engineer', '市场部经理', 'Head of Operations'];
const TAGS = ['VIP', '价格敏感型', '技术优先型', '投诉过', 'reseller', 'partner', 'trade-show', '老客户', 'newsletter', 'distributor'];
const NOTES = ['客户说下周再联系，预算五十万', 'Met at the Canton Fair, interested in bulk orders', '需要报价单和样品', 'Prefers WeChat over email', '', '', '年底有采购计划', 'Asked about renewal pricing'];
const PINYIN_DOMAIN = ['huawei.com', 'bytedance.com', 'alibaba-inc.com', 'tencent.com', 'xiaomi.com', 'pingan.com.cn', 'meituan.com', 'jd.com', 'byd.com', 'catl.com', 'haier.com', 'lenovo.com', 'baidu.com', '163.com', 'sf-express.com', 'spdb.com.cn', 'vanke.com', 'gree.com.cn', 'zte.com.cn', 'dji.com'];

/** A small, fast, seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T,>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** A syntactically valid, time-ordered (UUIDv7-shaped) id from a counter. */
export function syntheticId(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0190a000-0000-7000-8000-${hex}`;
}

/** `count` synthetic live customers, deterministic for a seed. */
export function syntheticCustomers(count: number, seed = 42): Customer[] {
  const r = prng(seed);
  const out: Customer[] = [];
  for (let n = 0; n < count; n++) {
    const chinese = r() < 0.5;
    const co = Math.floor(r() * CN_CO.length);
    const name = chinese
      ? pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : '')
      : `${pick(r, FIRST)} ${pick(r, LAST)}`;
    const local = chinese ? `user${n}` : name.toLowerCase().normalize('NFKD').replace(/[^a-z ]/g, '').replace(' ', '.') + n;
    const domain = chinese ? PINYIN_DOMAIN[co]! : `${EN_CO[co]!.toLowerCase().replace(/[^a-z]/g, '')}.com`;
    const mobile = `13${Math.floor(r() * 10)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
    const at = 1_700_000_000_000 + n * 1000;
    out.push({
      id: syntheticId(n), createdAt: at, updatedAt: at, rev: 1, deletedAt: null,
      kind: 'person', name, company: chinese ? CN_CO[co]! : EN_CO[co]!, title: pick(r, TITLES), department: '',
      emails: [{ value: `${local}@${domain}`, label: 'work' }],
      phones: chinese
        ? [{ raw: `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`, e164: `+86${mobile}`, label: 'mobile' }]
        : [{ raw: `+1 415 555 ${String(n % 10000).padStart(4, '0')}`, e164: `+1415555${String(n % 10000).padStart(4, '0')}`, label: 'work' }],
      addresses: [], websites: r() < 0.3 ? [`https://www.${domain}`] : [], social: [], interests: [],
      industry: '', source: 'manual', owner: '', stage: 'first-contact',
      tags: r() < 0.4 ? [pick(r, TAGS)] : [], notes: pick(r, NOTES), customFields: {},
      emailKeys: [], phoneKeys: [], valueTier: 'unknown', activityTier: 'inactive', status: 'potential',
      lifecycle: 'acquisition', value: 0,
    });
  }
  return out;
}
