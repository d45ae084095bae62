import type { Customer } from './customer';
import { DAY_MS } from './days';
import type { PracticeSettings } from './practice-settings';

/**
 * The eight RFM segments of the usual model (R recent?, F frequent?, M valuable?: 2 × 2 × 2),
 * by their customary names. Order: M high first, then R, then F.
 */
export const rfmSegments = [
  'important-value', 'important-development', 'important-retention', 'important-winback',
  'general-value', 'general-development', 'general-retention', 'general-winback',
] as const;
export type RfmSegment = (typeof rfmSegments)[number];

export const rfmSegmentLabels: Record<RfmSegment, { 'zh-CN': string; en: string }> = {
  'important-value': { 'zh-CN': '重要价值客户', en: 'important value' },
  'important-development': { 'zh-CN': '重要发展客户', en: 'important development' },
  'important-retention': { 'zh-CN': '重要保持客户', en: 'important retention' },
  'important-winback': { 'zh-CN': '重要挽留客户', en: 'important win-back' },
  'general-value': { 'zh-CN': '一般价值客户', en: 'general value' },
  'general-development': { 'zh-CN': '一般发展客户', en: 'general development' },
  'general-retention': { 'zh-CN': '一般保持客户', en: 'general retention' },
  'general-winback': { 'zh-CN': '一般挽留客户', en: 'general win-back' },
};

/** The segment of each (recent, frequent, valuable) combination. */
export function segmentOf(recent: boolean, frequent: boolean, valuable: boolean): RfmSegment {
  const pre = valuable ? 'important' : 'general';
  const post = recent ? (frequent ? 'value' : 'development') : frequent ? 'retention' : 'winback';
  return `${pre}-${post}` as RfmSegment;
}

const ACTIVITY = ['inactive', 'low', 'mid', 'high'] as const;
const VALUE = ['unknown', 'low', 'mid', 'high'] as const;

/** Activity tiers that count as frequent (the tiers are stored and indexed: a segment is three index lookups). */
export function frequentTiers(s: PracticeSettings['rfm']): Customer['activityTier'][] {
  return ACTIVITY.slice(ACTIVITY.indexOf(s.frequentFrom));
}
/** Value tiers that count as valuable. */
export function valuableTiers(s: PracticeSettings['rfm']): Customer['valueTier'][] {
  return VALUE.slice(VALUE.indexOf(s.valuableFrom));
}
/** Interactions at or after this time make a customer recent. */
export function recentSince(s: PracticeSettings['rfm'], now: number): number {
  return now - s.recencyDays * DAY_MS;
}

/**
 * A customer's RFM segment from the stored tiers (pure): R = an interaction within recencyDays,
 * F = activity tier at least frequentFrom, M = value tier at least valuableFrom.
 */
export function rfmSegment(
  c: Pick<Customer, 'lastInteractionAt' | 'activityTier' | 'valueTier'>,
  s: PracticeSettings['rfm'],
  now: number,
): RfmSegment {
  const recent = c.lastInteractionAt !== undefined && c.lastInteractionAt >= recentSince(s, now);
  return segmentOf(recent, frequentTiers(s).includes(c.activityTier), valuableTiers(s).includes(c.valueTier));
}
