// The due list's shape and grouping, free of Dexie and zod: the popup imports this, not due.ts.
import type { Customer } from '../domain/customer';
import type { FollowUp } from '../domain/followup';
import { dayPlus, midnight } from '../domain/days';

/** The days after today the popup shows (SPEC §1: overdue, today, next 7 days). */
export const DUE_DAYS = 7;

/** The popup's groups, in the order shown. */
export const DUE_GROUPS = ['overdue', 'today', 'upcoming'] as const;
export type DueGroup = (typeof DUE_GROUPS)[number];
/** How many follow-ups each group holds: exact up to DUE_COUNT_CAP (due.ts), that number past it. */
export type DueCounts = Record<DueGroup, number>;

/** One row of the due list: the follow-up plus the customer fields the popup shows. Small: it is stored. */
export interface DueRow {
  id: string;
  customerId: string | null;
  reason: FollowUp['reason'];
  ruleKey: string;
  dueAt: number;
  note: string;
  status: FollowUp['status'];
  name: string;
  company: string;
  valueTier: Customer['valueTier'];
  activityTier: Customer['activityTier'];
  customerStatus: Customer['status'];
  lifecycle: Customer['lifecycle'];
  signedAt?: number;
  tags: string[];
}

/** The precomputed due list the background keeps, so the popup paints without opening the database. */
export interface DueSnapshot {
  builtAt: number;
  rows: DueRow[];
  /** Overdue + due today, all of them (not only the rows kept): the toolbar badge. */
  dueNow: number;
  /** Each group's true count (not the rows kept). Absent in snapshots stored by older versions. */
  counts?: DueCounts;
}

/** A count as shown: exact up to 999, then "999+" (counts stop at the cap, so more is not known). */
export function countLabel(n: number): string {
  return n > 999 ? '999+' : String(n);
}

/** Group rows for display at `now`: overdue, today, the next DUE_DAYS days. */
export function groupDue<R extends Pick<DueRow, 'dueAt'>>(rows: readonly R[], now: number): { overdue: R[]; today: R[]; upcoming: R[] } {
  const today = midnight(now);
  const tomorrow = dayPlus(now, 1);
  const until = dayPlus(now, DUE_DAYS + 1);
  return {
    overdue: rows.filter((r) => r.dueAt < today),
    today: rows.filter((r) => r.dueAt >= today && r.dueAt < tomorrow),
    upcoming: rows.filter((r) => r.dueAt >= tomorrow && r.dueAt < until),
  };
}

