import type { Customer, FollowUp, InteractionType } from '../domain';
import { dayPlus, midnight } from '../domain/days';
import type { RepoContext } from './context';
import { NotFoundError } from './errors';
import { updateFollowUp } from './followups';
import { addInteraction } from './interactions';

/** The days after today the popup shows (SPEC §1: overdue, today, next 7 days). */
export const DUE_DAYS = 7;
/** Rows kept in the snapshot: the popup shows the first of each group and a count. */
export const DUE_LIMIT = 150;

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
  /** Everything due up to the end of the window. */
  total: number;
}

const ACTIVE = ['open', 'snoozed'] as const;

/**
 * Follow-ups due up to the end of day `now + DUE_DAYS`, soonest first, with their customers, via the
 * [status+dueAt] index with a limit and one bulkGet: the cost does not grow with the table.
 * Rows of deleted customers and deleted follow-ups are left out.
 */
export async function buildDueSnapshot(ctx: RepoContext, limit = DUE_LIMIT): Promise<DueSnapshot> {
  const { db } = ctx;
  const now = ctx.now();
  const until = dayPlus(now, DUE_DAYS + 1);
  const tomorrow = dayPlus(now, 1);
  return db.transaction('r', [db.followUps, db.customers], async () => {
    const range = (status: string, end: number) => db.followUps.where('[status+dueAt]').between([status, -Infinity], [status, end], true, false);
    const lists = await Promise.all(ACTIVE.map((s) => range(s, until).filter((f) => f.deletedAt === null).limit(limit).toArray()));
    const counts = await Promise.all(ACTIVE.flatMap((s) => [range(s, tomorrow).count(), range(s, until).count()]));
    const followUps = lists.flat().sort((a, b) => a.dueAt - b.dueAt).slice(0, limit);
    const ids = [...new Set(followUps.map((f) => f.customerId).filter((id): id is string => id !== null))];
    const customers = new Map((await db.customers.bulkGet(ids)).filter((c): c is Customer => !!c).map((c) => [c.id, c]));
    const rows: DueRow[] = [];
    for (const f of followUps) {
      const c = f.customerId === null ? undefined : customers.get(f.customerId);
      if (f.customerId !== null && (!c || c.deletedAt !== null)) continue;
      rows.push({
        id: f.id, customerId: f.customerId, reason: f.reason, ruleKey: f.ruleKey, dueAt: f.dueAt, note: f.note, status: f.status,
        name: c?.name ?? '', company: c?.company ?? '', valueTier: c?.valueTier ?? 'unknown', activityTier: c?.activityTier ?? 'inactive',
        customerStatus: c?.status ?? 'potential', lifecycle: c?.lifecycle ?? 'acquisition', signedAt: c?.signedAt, tags: c?.tags.slice(0, 3) ?? [],
      });
    }
    // Counts come from the index (cheap key counts) and include soft-deleted rows, which are rare.
    return { builtAt: now, rows, dueNow: counts[0]! + counts[2]!, total: counts[1]! + counts[3]! };
  });
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

/**
 * Mark a follow-up done and log the contact on the customer's timeline: the write regenerates the
 * customer's follow-ups, so the cadence moves on from today.
 */
export async function completeFollowUp(
  ctx: RepoContext,
  id: string,
  opts: { type?: InteractionType; subject?: string } = {},
): Promise<FollowUp> {
  const f = await ctx.db.followUps.get(id);
  if (!f || f.deletedAt !== null) throw new NotFoundError('followUp', id);
  const now = ctx.now();
  const done = await updateFollowUp(ctx, id, { status: 'done', doneAt: now });
  if (f.customerId !== null) {
    await addInteraction(ctx, {
      customerId: f.customerId, type: opts.type ?? 'other', direction: 'out', occurredAt: now,
      subject: (opts.subject ?? f.reason).slice(0, 500), content: f.note,
    });
  }
  return done;
}

/** Snooze until a moment: it leaves the list and comes back as due then (dueAt moves; the ruleKey keeps the period). */
export async function snoozeFollowUp(ctx: RepoContext, id: string, until: number): Promise<FollowUp> {
  return updateFollowUp(ctx, id, { status: 'snoozed', snoozedUntil: until, dueAt: until });
}

/** Dismiss: closed without a contact; the rule does not plan the same period again. */
export async function dismissFollowUp(ctx: RepoContext, id: string): Promise<FollowUp> {
  return updateFollowUp(ctx, id, { status: 'dismissed' });
}
