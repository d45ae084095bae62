import { subMonths } from 'date-fns';
import { churnSignals, type ChurnSignalCode } from './churn';
import type { CustomerFields } from './customer';
import { DAY_MS } from './days';
import type { Interaction } from './interaction';
import type { Settings } from './settings';

export type ValueTier = 'high' | 'mid' | 'low' | 'unknown';
export type ActivityLevel = 'high' | 'mid' | 'low';
export type Status = 'potential' | 'signed' | 'churned';
export type Lifecycle = 'acquisition' | 'nurture' | 'loyal' | 'retention';

/** What classification reads from the card itself. */
export type ClassifyInput = Pick<CustomerFields, 'annualValue' | 'stage' | 'signedAt'> & { createdAt?: number };

/** SPEC §3 on one customer, plus the facts the follow-up rules reuse. */
export interface Classification {
  valueTier: ValueTier;
  /** annualValue, or the purchase/contract sum of the value window; 0 when unknown. */
  value: number;
  activityTier: ActivityLevel;
  /** No interaction at all in the activity window: shown as "inactive" (activityTier is then 'low'). */
  inactive: boolean;
  /** Interactions per month over the activity window. */
  perMonth: number;
  status: Status;
  lifecycle: Lifecycle;
  lastInteractionAt?: number;
  /** Last purchase/contract (or signedAt, whichever is later). */
  lastDealAt?: number;
  /** signedAt, else the first purchase/contract: where onboarding and anniversaries count from. */
  signedSince?: number;
  /** Churn early-warning signals (lib/domain/churn.ts); none for a customer already churned. */
  churn: ChurnSignalCode[];
}

const DEALS: ReadonlySet<string> = new Set(['purchase', 'contract']);
const ACTIVE_STAGES: ReadonlySet<string> = new Set(['active', 'renewed']);

/** Interactions that count at `now`: not deleted and not in the future. */
export function liveInteractions(interactions: readonly Interaction[], now: number): Interaction[] {
  return interactions.filter((i) => i.deletedAt === null && i.occurredAt <= now);
}

const maxOf = (xs: number[]) => (xs.length ? Math.max(...xs) : undefined);
const minOf = (xs: number[]) => (xs.length ? Math.min(...xs) : undefined);

/** Classify a customer (SPEC §3): value tier, activity tier, status, lifecycle. Pure; every number from settings. */
export function classifyCustomer(
  customer: ClassifyInput,
  interactions: readonly Interaction[],
  settings: Settings,
  now: Date,
): Classification {
  const t = now.getTime();
  const s = settings.classification;
  const alive = liveInteractions(interactions, t);
  const deals = alive.filter((i) => DEALS.has(i.type));

  // Value: the manual override wins; otherwise the deals of the window. "Unknown" only when
  // nothing tells us anything (no override and no deal ever): a past buyer who spent nothing lately is low.
  const windowStart = t - s.valueWindowDays * DAY_MS;
  const value = customer.annualValue
    ?? deals.filter((i) => i.occurredAt >= windowStart).reduce((sum, i) => sum + (i.amount ?? 0), 0);
  const known = customer.annualValue !== undefined || deals.length > 0;
  const valueTier: ValueTier = !known ? 'unknown' : value >= s.valueHigh ? 'high' : value >= s.valueMid ? 'mid' : 'low';

  const activityStart = subMonths(now, s.activityWindowMonths).getTime();
  const recent = alive.filter((i) => i.occurredAt >= activityStart).length;
  const perMonth = recent / s.activityWindowMonths;
  const activityTier: ActivityLevel = perMonth >= s.activityHighPerMonth ? 'high' : perMonth >= s.activityMidPerMonth ? 'mid' : 'low';

  const signedAt = customer.signedAt !== undefined && customer.signedAt <= t ? customer.signedAt : undefined;
  const dealTimes = deals.map((i) => i.occurredAt).concat(signedAt === undefined ? [] : [signedAt]);
  const lastDealAt = maxOf(dealTimes);
  const signedSince = signedAt ?? minOf(dealTimes);
  const lastInteractionAt = maxOf(alive.map((i) => i.occurredAt));
  const activeStage = ACTIVE_STAGES.has(customer.stage);

  let status: Status;
  if (lastDealAt === undefined) status = activeStage ? 'signed' : 'potential';
  else if (customer.stage === 'lost') status = 'churned';
  else if (activeStage || t - lastDealAt <= s.churnDays * DAY_MS) status = 'signed';
  else status = 'churned';

  let lifecycle: Lifecycle;
  if (status === 'potential') lifecycle = 'acquisition';
  else if (status === 'churned') lifecycle = 'retention';
  else {
    const lastTouch = maxOf([lastInteractionAt, signedAt].filter((x): x is number => x !== undefined));
    if (lastTouch === undefined || t - lastTouch > s.retentionSilenceDays * DAY_MS) lifecycle = 'retention';
    else if (signedSince === undefined || t - signedSince < s.loyalAfterDays * DAY_MS) lifecycle = 'nurture';
    // Signed a year or more but barely in touch: not loyal yet, still to be nurtured (SPEC is silent).
    else lifecycle = activityTier === 'low' ? 'nurture' : 'loyal';
  }

  const churn = status === 'churned' ? [] : churnSignals({ valueTier, createdAt: customer.createdAt ?? lastInteractionAt ?? t }, alive, settings.practice.churn, t).map((x) => x.code);
  return {
    valueTier, value, activityTier, inactive: recent === 0, perMonth, status, lifecycle,
    lastInteractionAt, lastDealAt, signedSince, churn,
  };
}
