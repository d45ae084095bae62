import { addDays, addMonths, addWeeks, startOfMonth, startOfWeek } from 'date-fns';
import { classifyCustomer } from './classify';
import type { Customer } from './customer';
import { dayPlus } from './days';
import type { FollowUp } from './followup';
import { interactionTypes, type Interaction, type InteractionType } from './interaction';
import type { Settings } from './settings';

export type PeriodKind = 'week' | 'month';
export interface Period { kind: PeriodKind; from: number; to: number }

/** The week (Monday first, as in China) or month containing `now`, shifted by `offset` periods (−1 = the last one). */
export function periodAt(kind: PeriodKind, now: number, offset = 0): Period {
  if (kind === 'week') {
    const from = addWeeks(startOfWeek(now, { weekStartsOn: 1 }), offset).getTime();
    return { kind, from, to: addDays(from, 7).getTime() };
  }
  const from = addMonths(startOfMonth(now), offset).getTime();
  return { kind, from, to: addMonths(from, 1).getTime() };
}

/** A follow-up done by the end of the day it was due (an update-24h one: by its due hour). */
export function doneOnTime(f: Pick<FollowUp, 'status' | 'dueAt' | 'doneAt' | 'reason'>): boolean {
  if (f.status !== 'done' || f.doneAt === undefined) return false;
  return f.doneAt <= (f.reason === 'update-24h' ? f.dueAt : dayPlus(f.dueAt, 1) - 1);
}

/** Did the customer turn churned, or come back from churned, between `from` and `to` (pass min(period end, now))? Classified at both ends (pure). */
export function statusMove(
  c: Pick<Customer, 'annualValue' | 'stage' | 'signedAt' | 'createdAt'>,
  interactions: readonly Interaction[],
  settings: Settings,
  from: number,
  to: number,
): 'churned' | 'won-back' | undefined {
  const at = (t: number) => classifyCustomer(c, interactions, settings, new Date(t)).status;
  const [a, b] = [at(from), at(to)];
  if (a !== 'churned' && b === 'churned' && a === 'signed') return 'churned';
  if (a === 'churned' && b === 'signed') return 'won-back';
  return undefined;
}

/** What the report is computed from (lib/db/practice-report.ts gathers it by index). */
export interface ReportInput {
  period: Period;
  newCustomers: number;
  /** Interactions that occurred in the period. */
  interactions: readonly Pick<Interaction, 'type' | 'satisfaction'>[];
  /** Follow-ups due in the period (not closed by Cardfile). */
  followUps: readonly Pick<FollowUp, 'status' | 'dueAt' | 'doneAt' | 'reason'>[];
  overdueNow: number;
  liveCards: number;
  /** Cards confirmed (audit or confirm) in the six months up to the period's end. */
  confirmedCards: number;
  churned: number;
  wonBack: number;
}

export interface Report {
  period: Period;
  newCustomers: number;
  interactions: number;
  byType: Record<InteractionType, number>;
  followUpsDue: number;
  followUpsDoneOnTime: number;
  /** 0–1, undefined when nothing fell due. */
  onTimeRate: number | undefined;
  overdue: number;
  satisfaction: number | undefined;
  satisfactionCount: number;
  confirmedCards: number;
  liveCards: number;
  confirmedRate: number | undefined;
  updatesDue: number;
  updatesOnTime: number;
  updatesOnTimeRate: number | undefined;
  churned: number;
  wonBack: number;
}

const rate = (n: number, d: number) => (d ? n / d : undefined);

/** The weekly / monthly report's figures (pure). Dismissed follow-ups count as due and not done. */
export function buildReport(x: ReportInput): Report {
  const byType = Object.fromEntries(interactionTypes.map((t) => [t, 0])) as Record<InteractionType, number>;
  for (const i of x.interactions) byType[i.type] += 1;
  const sats = x.interactions.flatMap((i) => (i.satisfaction === undefined ? [] : [i.satisfaction]));
  const due = x.followUps.filter((f) => f.status !== 'closed');
  const onTime = due.filter(doneOnTime).length;
  const updates = due.filter((f) => f.reason === 'update-24h');
  const updatesOnTime = updates.filter(doneOnTime).length;
  return {
    period: x.period,
    newCustomers: x.newCustomers,
    interactions: x.interactions.length,
    byType,
    followUpsDue: due.length,
    followUpsDoneOnTime: onTime,
    onTimeRate: rate(onTime, due.length),
    overdue: x.overdueNow,
    satisfaction: sats.length ? Math.round((sats.reduce((a, b) => a + b, 0) / sats.length) * 100) / 100 : undefined,
    satisfactionCount: sats.length,
    confirmedCards: x.confirmedCards,
    liveCards: x.liveCards,
    confirmedRate: rate(x.confirmedCards, x.liveCards),
    updatesDue: updates.length,
    updatesOnTime,
    updatesOnTimeRate: rate(updatesOnTime, updates.length),
    churned: x.churned,
    wonBack: x.wonBack,
  };
}
