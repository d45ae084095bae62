import type { Customer, FollowUp, InteractionType } from '../domain';
import { dayPlus } from '../domain/days';
import type { RepoContext } from './context';
import { NotFoundError } from './errors';
import { updateFollowUp } from './followups';
import { addInteraction } from './interactions';

import { DUE_DAYS, type DueRow, type DueSnapshot } from './due-groups';

export { DUE_DAYS, groupDue, type DueRow, type DueSnapshot } from './due-groups';
/** Rows kept in the snapshot: the popup shows the first of each group and a count. */
export const DUE_LIMIT = 150;
/**
 * The badge's count stops here (it shows "999+" past 999). IndexedDB's count() walks its whole key
 * range: at 100,000 customers some 70,000 follow-ups are overdue and counting them took ~700 ms on
 * every write; reading at most this many keys costs the same at any size.
 */
export const DUE_COUNT_CAP = 1000;

const ACTIVE = ['open', 'snoozed'] as const;

/**
 * Follow-ups due up to the end of day `now + DUE_DAYS`, soonest first, with their customers, via the
 * [status+dueAt] index with a limit and one bulkGet: the cost does not grow with the table.
 * Rows of deleted customers and deleted follow-ups are left out. `dueNow` is capped at
 * DUE_COUNT_CAP unless `exact` (the daily notification names the number; one full count a day).
 */
export async function buildDueSnapshot(ctx: RepoContext, limit = DUE_LIMIT, exact = false): Promise<DueSnapshot> {
  const { db } = ctx;
  const now = ctx.now();
  const until = dayPlus(now, DUE_DAYS + 1);
  const tomorrow = dayPlus(now, 1);
  return db.transaction('r', [db.followUps, db.customers], async () => {
    const range = (status: string, end: number) => db.followUps.where('[status+dueAt]').between([status, -Infinity], [status, end], true, false);
    const lists = await Promise.all(ACTIVE.map((s) => range(s, until).filter((f) => f.deletedAt === null).limit(limit).toArray()));
    // Only the badge's count (overdue + today) is counted, by reading at most DUE_COUNT_CAP keys per status.
    const counts = await Promise.all(ACTIVE.map((s) => (exact
      ? range(s, tomorrow).count()
      : range(s, tomorrow).limit(DUE_COUNT_CAP).primaryKeys().then((keys) => keys.length))));
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
    // Counts come from the index (cheap key counts): soft-deleted follow-ups are 'closed', outside the range.
    const dueNow = counts[0]! + counts[1]!;
    return { builtAt: now, rows, dueNow: exact ? dueNow : Math.min(dueNow, DUE_COUNT_CAP) };
  });
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
