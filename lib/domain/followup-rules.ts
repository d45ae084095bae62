import { addYears } from 'date-fns';
import type { Classification } from './classify';
import type { Customer } from './customer';
import { dayKey, dayPlus, parseDayKey } from './days';
import type { FollowUpReason } from './followup';
import { birthdayIn, holidayDate } from './holidays';
import type { Interaction } from './interaction';
import type { Settings } from './settings';

/** The customer fields the follow-up rules read. */
export type PlanCustomer = Pick<
  Customer, 'id' | 'createdAt' | 'deletedAt' | 'annualValue' | 'stage' | 'signedAt' | 'birthday' | 'reviewedAt'
>;

/** A follow-up a rule wants to exist (FollowUpInput-compatible). */
export interface PlannedFollowUp {
  customerId: string | null;
  dueAt: number;
  reason: FollowUpReason;
  ruleKey: string;
  note: string;
}

/**
 * Calendar rules plan what falls due up to this many days ahead (the popup shows 7; the daily pass
 * tops up), so 100,000 customers do not carry a year of future reminders each.
 */
export const PLAN_HORIZON_DAYS = 14;
/** One-off events this far in the past are still planned (a missed daily pass, a back-dated entry), older ones not. */
export const PLAN_LOOKBACK_DAYS = 30;

export interface RuleInput {
  c: PlanCustomer;
  /** Not deleted, including future-dated ones (a scheduled meeting's next step counts). */
  interactions: Interaction[];
  cls: Classification;
  s: Settings['followUps'];
  now: number;
  today: number;
  horizonEnd: number;
  lookbackStart: number;
  /** settings.classification.churnDays: when a customer turned churned. */
  churnDays: number;
}

export interface Occ { period: string; dueAt: number; note: string }

export interface Rule {
  reason: FollowUpReason;
  enabled(s: Settings['followUps']): boolean;
  /** The occurrences wanted now: period (the ruleKey's tail), due date, note. */
  plan(x: RuleInput): Occ[];
  /** Is an existing open follow-up of this rule (its key's period) still wanted? */
  valid(period: string, x: RuleInput): boolean;
}

/**
 * A recurring rule's due date whose anchor is far in the past (a cadence counted from an email of
 * 2017, a card never reviewed since an old import) starts from today: a reminder years overdue
 * says nothing and buries the ones that matter. Less than FAR_PAST_DAYS overdue it stays as due (a
 * missed month is worth seeing as overdue). The period key keeps the computed date, so planning
 * stays idempotent.
 */
const fromToday = (x: RuleInput, due: number) => (due < dayPlus(x.today, -FAR_PAST_DAYS) ? x.today : due);
/** A recurring reminder more overdue than this starts from today (see fromToday). */
export const FAR_PAST_DAYS = 365;

const inWindow = (x: RuleInput, dueAt: number) => dueAt >= x.lookbackStart && dueAt <= x.horizonEnd;
const one = (x: RuleInput, period: string, dueAt: number, note = ''): Occ[] => (inWindow(x, dueAt) ? [{ period, dueAt, note }] : []);

/** Start (local midnight) of the period of `months` calendar months containing `t` (quarters by default). */
export function periodStart(t: number, months: number): number {
  const d = new Date(t);
  const index = d.getFullYear() * 12 + d.getMonth();
  const start = index - (index % months);
  return new Date(Math.floor(start / 12), start % 12, 1).getTime();
}

function cadenceDue(x: RuleInput): number {
  const tier = x.cls.valueTier;
  const days = tier === 'high' ? x.s.cadence.highDays : tier === 'mid' ? x.s.cadence.midDays : x.s.cadence.lowDays;
  return dayPlus(x.cls.lastInteractionAt ?? x.c.createdAt, days);
}

function auditDue(x: RuleInput): number {
  return dayPlus(x.c.reviewedAt ?? x.c.createdAt, x.s.dataAudit.staleDays);
}

/** Days after signing at which an onboarding step falls due, by reason. */
function onboardingDays(s: Settings['followUps'], reason: FollowUpReason): number {
  if (reason === 'onboarding-welcome') return s.onboardingWelcome.withinDays;
  if (reason === 'onboarding-revisit') return s.onboardingRevisit.onDay;
  return s.survey.afterDays;
}

const onboarding = (reason: FollowUpReason, enabled: (s: Settings['followUps']) => boolean): Rule => ({
  reason,
  enabled,
  plan: (x) => (x.cls.signedSince === undefined ? [] : one(x, dayKey(x.cls.signedSince), dayPlus(x.cls.signedSince, onboardingDays(x.s, reason)))),
  valid: (period, x) => x.cls.signedSince !== undefined && period === dayKey(x.cls.signedSince),
});

/** The latest complaint or feedback text: what a win-back should address. */
function recordedReason(x: RuleInput): string {
  const last = x.interactions.filter((i) => i.type === 'complaint' || i.type === 'feedback')
    .sort((a, b) => b.occurredAt - a.occurredAt)[0];
  return last ? (last.result || last.subject || last.content).slice(0, 200) : '';
}

/** Calendar occurrences from last year to next: those whose event is today or later and whose reminder is within the horizon. */
function yearly(x: RuleInput, dateIn: (year: number) => number, lead: number): Array<{ event: number; dueAt: number }> {
  const y = new Date(x.now).getFullYear();
  return [y - 1, y, y + 1]
    .map((year) => { const event = dateIn(year); return { event, dueAt: Math.max(dayPlus(event, -lead), x.today) }; })
    .filter((o) => o.event >= x.today && o.dueAt <= x.horizonEnd);
}

export const rules: Rule[] = [
  {
    reason: 'cadence',
    enabled: (s) => s.cadence.enabled,
    plan: (x) => { const due = cadenceDue(x); return due <= x.horizonEnd ? [{ period: dayKey(due), dueAt: fromToday(x, due), note: '' }] : []; },
    valid: (period, x) => period === dayKey(cadenceDue(x)),
  },
  {
    reason: 'custom-service',
    enabled: (s) => s.customService.enabled,
    plan: (x) => {
      if (x.cls.valueTier !== 'high') return [];
      const start = periodStart(x.now, x.s.customService.everyMonths);
      return [{ period: dayKey(start), dueAt: Math.max(start, x.today), note: '' }];
    },
    valid: (_p, x) => x.cls.valueTier === 'high',
  },
  onboarding('onboarding-welcome', (s) => s.onboardingWelcome.enabled),
  onboarding('onboarding-revisit', (s) => s.onboardingRevisit.enabled),
  onboarding('survey', (s) => s.survey.enabled),
  {
    reason: 'anniversary',
    enabled: (s) => s.anniversary.enabled,
    plan: (x) => {
      const since = x.cls.signedSince;
      if (since === undefined || x.cls.status === 'potential') return [];
      const first = dayPlus(since, x.s.anniversary.afterDays);
      const years = Math.max(0, new Date(x.now).getFullYear() - new Date(first).getFullYear() - 1);
      return [years, years + 1, years + 2].flatMap((k) => one(x, `${dayKey(since)}:${k + 1}`, addYears(first, k).getTime()));
    },
    valid: (period, x) => x.cls.signedSince !== undefined && period.startsWith(`${dayKey(x.cls.signedSince)}:`),
  },
  {
    reason: 'winback',
    enabled: (s) => s.winback.enabled,
    plan: (x) => {
      if (x.cls.status !== 'churned' || x.cls.lastDealAt === undefined) return [];
      const turned = dayPlus(x.cls.lastDealAt, x.churnDays + 1);
      // Churned early by stage "lost": due now, not on the day the window would have run out.
      return one(x, dayKey(x.cls.lastDealAt), Math.min(turned, x.today), recordedReason(x));
    },
    valid: (period, x) => x.cls.status === 'churned' && x.cls.lastDealAt !== undefined && period === dayKey(x.cls.lastDealAt),
  },
  {
    reason: 'birthday',
    enabled: (s) => s.birthday.enabled,
    plan: (x) => {
      const b = x.c.birthday;
      if (!b) return [];
      return yearly(x, (year) => birthdayIn(b, year), x.s.birthday.leadDays).map((o) => ({ period: dayKey(o.event), dueAt: o.dueAt, note: '' }));
    },
    valid: (period, x) => {
      const b = x.c.birthday;
      const t = parseDayKey(period);
      return !!b && t !== undefined && birthdayIn(b, new Date(t).getFullYear()) === t;
    },
  },
  {
    reason: 'holiday',
    enabled: (s) => s.holiday.enabled,
    plan: (x) => {
      if (x.cls.valueTier !== 'high' && x.cls.valueTier !== 'mid') return [];
      return x.s.holiday.holidays.filter((h) => h.enabled).flatMap((h) =>
        yearly(x, (year) => holidayDate(h, year), h.leadDays).map((o) => ({ period: `${h.id}:${dayKey(o.event)}`, dueAt: o.dueAt, note: h.name })));
    },
    valid: (period, x) => (x.cls.valueTier === 'high' || x.cls.valueTier === 'mid')
      && x.s.holiday.holidays.some((h) => h.enabled && period.startsWith(`${h.id}:`)),
  },
  {
    reason: 'next-step',
    enabled: (s) => s.nextStep.enabled,
    plan: (x) => x.interactions.flatMap((i) => (i.nextStep?.dueAt === undefined ? [] : one(x, `${i.id}:${i.nextStep.dueAt}`, i.nextStep.dueAt, i.nextStep.text))),
    valid: (period, x) => x.interactions.some((i) => i.nextStep?.dueAt !== undefined && period === `${i.id}:${i.nextStep.dueAt}`),
  },
  {
    reason: 'contract-renewal',
    enabled: (s) => s.contractRenewal.enabled,
    plan: (x) => x.interactions.flatMap((i) => {
      if (i.type !== 'contract' || i.endsAt === undefined || i.endsAt < x.lookbackStart) return [];
      const due = Math.max(dayPlus(i.endsAt, -x.s.contractRenewal.leadDays), x.today);
      return due <= x.horizonEnd ? [{ period: `${i.id}:${dayKey(i.endsAt)}`, dueAt: due, note: i.subject }] : [];
    }),
    valid: (period, x) => x.interactions.some((i) => i.type === 'contract' && i.endsAt !== undefined && period === `${i.id}:${dayKey(i.endsAt)}`),
  },
  {
    reason: 'data-audit',
    enabled: (s) => s.dataAudit.enabled,
    plan: (x) => { const due = auditDue(x); return due <= x.horizonEnd ? [{ period: dayKey(due), dueAt: fromToday(x, due), note: '' }] : []; },
    valid: (period, x) => period === dayKey(auditDue(x)),
  },
];
