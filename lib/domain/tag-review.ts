import type { Customer } from './customer';
import { DAY_MS } from './days';
import type { Interaction } from './interaction';
import { suggestTags, suggestedTagLabels, type SuggestedTagCode } from './tags';

type Lang = 'zh-CN' | 'en';
type Words = { 'zh-CN': string; en: string };

/** Behaviour tags the quarterly review checks against the data: the suggested ones plus activity and value. */
export const reviewedTagCodes = [...(Object.keys(suggestedTagLabels) as SuggestedTagCode[]), 'low-activity', 'high-value'] as const;
export type ReviewedTagCode = (typeof reviewedTagCodes)[number];

export const reviewedTagLabels: Record<ReviewedTagCode, Words> = {
  ...suggestedTagLabels,
  'low-activity': { 'zh-CN': '低活跃', en: 'low activity' },
  'high-value': { 'zh-CN': '高价值', en: 'high value' },
};

/** The code a free tag stands for (by code or either label, any case), if it is a reviewed one. */
export function reviewedCodeOf(tag: string): ReviewedTagCode | undefined {
  const t = tag.trim().toLowerCase();
  return reviewedTagCodes.find((c) => c === t || reviewedTagLabels[c]['zh-CN'].toLowerCase() === t || reviewedTagLabels[c].en.toLowerCase() === t);
}

export interface TagReview {
  /** Labels to add (in the user's language). */
  add: string[];
  /** Tags on the card whose behaviour no longer holds, as written on the card. */
  remove: string[];
  /** A low-activity customer who became active: needs a new maintenance plan. */
  newPlan: boolean;
}

/**
 * The quarterly tag review of one card (pure): behaviour tags the facts of the last year support
 * and the card lacks, and those it carries that no longer hold (no complaint for a year, a low-activity
 * customer now active, a high-value tag on a card no longer high value, birthday month passed).
 */
export function reviewTags(
  c: Pick<Customer, 'tags' | 'birthday' | 'notes' | 'needs' | 'activityTier' | 'valueTier'>,
  interactions: readonly Interaction[],
  now: number,
  lang: Lang,
): TagReview {
  const year = interactions.filter((i) => i.deletedAt === null && i.occurredAt > now - 365 * DAY_MS && i.occurredAt <= now);
  const holdsSuggested = new Set<ReviewedTagCode>(suggestTags({ ...c, tags: [] }, year, new Date(now)));
  const lowActive = c.activityTier === 'low' || c.activityTier === 'inactive';
  const holds = (code: ReviewedTagCode) => (code === 'low-activity' ? lowActive : code === 'high-value' ? c.valueTier === 'high' : holdsSuggested.has(code));
  const carried = new Map<ReviewedTagCode, string>();
  for (const tag of c.tags) { const code = reviewedCodeOf(tag); if (code) carried.set(code, tag); }
  const remove = [...carried].filter(([code]) => !holds(code)).map(([, tag]) => tag);
  const add = reviewedTagCodes.filter((code) => !carried.has(code) && holds(code)).map((code) => reviewedTagLabels[code][lang]);
  return { add, remove, newPlan: carried.has('low-activity') && !lowActive };
}
