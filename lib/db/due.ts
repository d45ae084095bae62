import type { Customer, FollowUp, InteractionType } from '../domain';
import { dayPlus, midnight } from '../domain/days';
import type { RepoContext } from './context';
import { NotFoundError } from './errors';
import { updateFollowUp } from './followups';
import { addInteraction } from './interactions';

import { DUE_DAYS, DUE_GROUPS, type DueGroup, type DueRow, type DueSnapshot } from './due-groups';

export { countLabel, DUE_DAYS, DUE_GROUPS, groupDue, type DueCounts, type DueGroup, type DueRow, type DueSnapshot } from './due-groups';
/**
 * Rows kept in the snapshot per group (overdue, today, next 7 days), each group read on its own so a
 * long backlog never pushes today and this week out. The popup shows the first of each and its count.
 */
export const DUE_LIMIT = 100;
/**
 * Counts stop here (the popup and the badge show "999+" past 999). IndexedDB's count() walks its whole
 * key range: at 100,000 customers some 70,000 follow-ups are overdue and counting them took ~700 ms on
 * every write; reading at most this many keys costs the same at any size.
 */
export const DUE_COUNT_CAP = 1000;

const ACTIVE = ['open', 'snoozed'] as const;

/**
 * The due list at `ctx.now()`: for each group (overdue, today, next DUE_DAYS days) at most `limit`
 * follow-ups and its count, via the [status+dueAt] index with a limit (overdue read backwards from
 * today, so the most recent come first; today and upcoming soonest first) and one bulkGet: the
 * cost does not grow with the table. Counts are capped at DUE_COUNT_CAP unless `exact` (the daily
 * notification names the number; one full count a day). Rows of deleted customers are left out.
 */
export async function buildDueSnapshot(ctx: RepoContext, limit = DUE_LIMIT, exact = false): Promise<DueSnapshot> {
  const { db } = ctx;
  const now = ctx.now();
  const bounds: Record<DueGroup, [number, number]> = {
    overdue: [-Infinity, midnight(now)],
    today: [midnight(now), dayPlus(now, 1)],
    upcoming: [dayPlus(now, 1), dayPlus(now, DUE_DAYS + 1)],
  };
  return db.transaction('r', [db.followUps, db.customers], async () => {
    const range = (status: string, [from, to]: [number, number]) =>
      db.followUps.where('[status+dueAt]').between([status, from], [status, to], true, false);
    const read = async (g: DueGroup) => {
      const lists = await Promise.all(ACTIVE.map((s) => {
        const r = range(s, bounds[g]);
        return (g === 'overdue' ? r.reverse() : r).filter((f) => f.deletedAt === null).limit(limit).toArray();
      }));
      const merged = lists.flat().sort((a, b) => (g === 'overdue' ? b.dueAt - a.dueAt : a.dueAt - b.dueAt));
      return merged.slice(0, limit);
    };
    // Soft-deleted follow-ups are 'closed', outside these ranges: key counts are enough.
    const count = async (g: DueGroup, full: boolean) => {
      const per = await Promise.all(ACTIVE.map((s) => (full
        ? range(s, bounds[g]).count()
        : range(s, bounds[g]).limit(DUE_COUNT_CAP).primaryKeys().then((keys) => keys.length))));
      return full ? per[0]! + per[1]! : Math.min(per[0]! + per[1]!, DUE_COUNT_CAP);
    };
    const lists = await Promise.all(DUE_GROUPS.map(read));
    const [overdue, today, upcoming] = await Promise.all(DUE_GROUPS.map((g) => count(g, exact && g !== 'upcoming')));
    const followUps = lists.flat();
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
    const dueNow = overdue! + today!;
    return {
      builtAt: now, rows,
      counts: { overdue: overdue!, today: today!, upcoming: upcoming! },
      dueNow: exact ? dueNow : Math.min(dueNow, DUE_COUNT_CAP),
    };
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
