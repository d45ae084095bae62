import type { CustomerFields } from './customer';
import type { Interaction } from './interaction';

/** Behaviour tags Cardfile can suggest (SPEC §3). The card stores the chosen label as a free tag. */
export const suggestedTagCodes = ['price-sensitive', 'technology-first', 'complained', 'birthday-month'] as const;
export type SuggestedTagCode = (typeof suggestedTagCodes)[number];

export const suggestedTagLabels: Record<SuggestedTagCode, { 'zh-CN': string; en: string }> = {
  'price-sensitive': { 'zh-CN': '价格敏感型', en: 'price-sensitive' },
  'technology-first': { 'zh-CN': '技术优先型', en: 'technology-first' },
  complained: { 'zh-CN': '投诉过', en: 'has complained' },
  'birthday-month': { 'zh-CN': '本月生日', en: 'birthday month' },
};

// Words people write in notes when price or technology drives the talk, in both languages.
const PRICE = /价格|报价|折扣|优惠|便宜|太贵|降价|预算|性价比|discount|price|pricing|cheaper|expensive|budget|rebate|cost/i;
const TECH = /技术|参数|接口|集成|架构|性能|兼容|开发|API|SDK|spec|technical|integration|architecture|performance|benchmark|compatib/i;

/** Interactions whose text mentions the pattern; notes on the card count as one more. */
function mentions(pattern: RegExp, texts: string[]): number {
  return texts.filter((t) => pattern.test(t)).length;
}

/**
 * Behaviour tags the facts support and the card does not carry yet (by code or either label).
 * Price/technology need two mentions so one passing remark does not label a customer.
 */
export function suggestTags(
  customer: Pick<CustomerFields, 'tags' | 'birthday' | 'notes' | 'needs'>,
  interactions: readonly Interaction[],
  now: Date,
): SuggestedTagCode[] {
  const alive = interactions.filter((i) => i.deletedAt === null);
  const texts = alive.map((i) => `${i.subject}\n${i.content}\n${i.result}`)
    .concat([customer.notes, customer.needs?.summary ?? '', customer.needs?.budget ? 'budget' : '']);
  const found: SuggestedTagCode[] = [];
  if (mentions(PRICE, texts) >= 2) found.push('price-sensitive');
  if (mentions(TECH, texts) >= 2) found.push('technology-first');
  if (alive.some((i) => i.type === 'complaint' || (i.satisfaction !== undefined && i.satisfaction <= 2))) found.push('complained');
  if (customer.birthday?.month === now.getMonth() + 1) found.push('birthday-month');
  const has = new Set(customer.tags.map((t) => t.toLowerCase()));
  return found.filter((code) => {
    const l = suggestedTagLabels[code];
    return !has.has(code) && !has.has(l['zh-CN'].toLowerCase()) && !has.has(l.en.toLowerCase());
  });
}
