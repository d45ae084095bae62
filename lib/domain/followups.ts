import { classifyCustomer, type Classification } from './classify';
import { DAY_MS, dayKey, midnight } from './days';
import type { FollowUp, FollowUpReason } from './followup';
import {
  PLAN_HORIZON_DAYS, PLAN_LOOKBACK_DAYS, periodStart, rules,
  type PlanCustomer, type PlannedFollowUp, type RuleInput,
} from './followup-rules';
import type { Interaction } from './interaction';
import { practiceRules } from './practice-rules';
import type { Settings } from './settings';

/** The SPEC §4 rules and the practice's (churn warning). */
const allRules = [...rules, ...practiceRules];

export { PLAN_HORIZON_DAYS, PLAN_LOOKBACK_DAYS, type PlanCustomer, type PlannedFollowUp } from './followup-rules';

/** `c:<customerId>:<reason>:<period>`: unique across the table, so regeneration is idempotent. */
export function customerRuleKey(customerId: string, reason: FollowUpReason, period: string): string {
  return `c:${customerId}:${reason}:${period}`;
}

/** The parts of a customer rule key, or undefined for manual/workspace/foreign keys. */
export function parseRuleKey(key: string): { customerId: string; reason: string; period: string } | undefined {
  const m = /^c:([^:]+):([a-z-]+):(.+)$/.exec(key);
  return m ? { customerId: m[1]!, reason: m[2]!, period: m[3]! } : undefined;
}

function ruleInput(customer: PlanCustomer, interactions: readonly Interaction[], settings: Settings, now: Date, cls?: Classification): RuleInput {
  const t = now.getTime();
  const today = midnight(t);
  return {
    c: customer,
    interactions: interactions.filter((i) => i.deletedAt === null),
    cls: cls ?? classifyCustomer(customer, interactions, settings, now),
    s: settings.followUps,
    now: t,
    today,
    horizonEnd: today + PLAN_HORIZON_DAYS * DAY_MS,
    lookbackStart: today - PLAN_LOOKBACK_DAYS * DAY_MS,
    churnDays: settings.classification.churnDays,
  };
}

/**
 * The follow-ups SPEC §4 wants for this customer that `existing` does not hold yet (matched by
 * ruleKey, whatever their status: a dismissed reminder stays dismissed). Pure; run it again with
 * its own output in `existing` and it returns nothing.
 */
export function planFollowUps(
  customer: PlanCustomer,
  interactions: readonly Interaction[],
  existing: readonly Pick<FollowUp, 'ruleKey'>[],
  settings: Settings,
  now: Date,
): PlannedFollowUp[] {
  if (customer.deletedAt !== null) return [];
  return planWith(ruleInput(customer, interactions, settings, now), existing, settings);
}

function planWith(x: RuleInput, existing: readonly Pick<FollowUp, 'ruleKey'>[], settings: Settings): PlannedFollowUp[] {
  const customer = x.c;
  const have = new Set(existing.map((f) => f.ruleKey));
  const out: PlannedFollowUp[] = [];
  for (const rule of allRules) {
    if (!rule.enabled(settings.followUps)) continue;
    for (const o of rule.plan(x)) {
      const ruleKey = customerRuleKey(customer.id, rule.reason, o.period);
      if (have.has(ruleKey)) continue;
      have.add(ruleKey);
      out.push({ customerId: customer.id, dueAt: o.dueAt, reason: rule.reason, ruleKey, note: o.note });
    }
  }
  return out;
}

/**
 * Open (or snoozed) generated follow-ups of this customer that no longer apply: a cadence
 * superseded because an interaction reset it, a birthday that was edited, a rule switched off,
 * a customer deleted. Manual follow-ups are never touched.
 */
export function obsoleteFollowUps<F extends Pick<FollowUp, 'ruleKey' | 'status' | 'reason' | 'deletedAt'>>(
  customer: PlanCustomer,
  interactions: readonly Interaction[],
  existing: readonly F[],
  settings: Settings,
  now: Date,
): F[] {
  return closeWith(ruleInput(customer, interactions, settings, now), existing, settings);
}

function closeWith<F extends Pick<FollowUp, 'ruleKey' | 'status' | 'reason' | 'deletedAt'>>(x: RuleInput, existing: readonly F[], settings: Settings): F[] {
  const customer = x.c;
  return existing.filter((f) => {
    if (f.deletedAt !== null || (f.status !== 'open' && f.status !== 'snoozed') || f.reason === 'manual') return false;
    const key = parseRuleKey(f.ruleKey);
    if (!key || key.customerId !== customer.id) return false;
    if (customer.deletedAt !== null) return true;
    const rule = allRules.find((r) => r.reason === key.reason);
    return !!rule && (!rule.enabled(settings.followUps) || !rule.valid(key.period, x));
  });
}

/**
 * planFollowUps and obsoleteFollowUps in one go, classifying once (pass `cls` when the caller
 * has classified already): what to add and which open generated follow-ups to close.
 */
export function reconcileFollowUps<F extends Pick<FollowUp, 'ruleKey' | 'status' | 'reason' | 'deletedAt'>>(
  customer: PlanCustomer,
  interactions: readonly Interaction[],
  existing: readonly F[],
  settings: Settings,
  now: Date,
  cls?: Classification,
): { add: PlannedFollowUp[]; close: F[] } {
  const x = ruleInput(customer, interactions, settings, now, cls);
  return { add: customer.deletedAt === null ? planWith(x, existing, settings) : [], close: closeWith(x, existing, settings) };
}

/** Workspace-level follow-ups (tag review each quarter), customerId null. Idempotent like planFollowUps. */
export function planWorkspaceFollowUps(
  existing: readonly Pick<FollowUp, 'ruleKey'>[],
  settings: Settings,
  now: Date,
): PlannedFollowUp[] {
  const r = settings.followUps.tagReview;
  if (!r.enabled) return [];
  const start = periodStart(now.getTime(), r.everyMonths);
  const ruleKey = `w:tag-review:${dayKey(start)}`;
  if (existing.some((f) => f.ruleKey === ruleKey)) return [];
  return [{ customerId: null, dueAt: Math.max(start, midnight(now)), reason: 'tag-review', ruleKey, note: '' }];
}
