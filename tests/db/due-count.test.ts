import { describe, expect, it } from 'vitest';
import { addFollowUp, createCustomer, deleteFollowUp, updateCustomer } from '../../lib/db';
import { buildDueSnapshot, countLabel, DUE_COUNT_CAP, DUE_LIMIT, groupDue } from '../../lib/db/due';
import type { FollowUp } from '../../lib/domain';
import { freshContext } from './helpers';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 22, 9).getTime();

/** A workspace with `open` overdue follow-ups and `snoozed` ones due today (written directly: only the count matters). */
async function workspace(open: number, snoozed: number) {
  const ctx = freshContext({ now: NOW });
  const c = await createCustomer(ctx, { name: '张伟', reviewedAt: NOW });
  await ctx.db.followUps.clear();
  const row = (k: number, status: FollowUp['status'], dueAt: number): FollowUp => ({
    id: `f${String(k).padStart(5, '0')}`, createdAt: NOW, updatedAt: NOW, rev: 1, deletedAt: null, customerId: c.id,
    dueAt, reason: 'manual', ruleKey: `manual:${k}`, note: '', status,
  });
  await ctx.db.followUps.bulkAdd([
    ...Array.from({ length: open }, (_, k) => row(k, 'open', NOW - (k % 30 + 1) * DAY)),
    ...Array.from({ length: snoozed }, (_, k) => row(open + k, 'snoozed', NOW)),
  ]);
  return ctx;
}

describe('due snapshot count (the badge)', () => {
  it.each([
    // open overdue, snoozed today, capped count, exact count
    [3, 2, 5, 5],
    [DUE_COUNT_CAP - 1, 1, DUE_COUNT_CAP, DUE_COUNT_CAP],
    [DUE_COUNT_CAP + 200, 0, DUE_COUNT_CAP, DUE_COUNT_CAP + 200],
    [DUE_COUNT_CAP - 10, 30, DUE_COUNT_CAP, DUE_COUNT_CAP + 20],
  ])('%i overdue + %i today: %i on every write, %i in the daily count', async (open, snoozed, capped, exact) => {
    const ctx = await workspace(open, snoozed);
    expect((await buildDueSnapshot(ctx)).dueNow).toBe(capped);
    const full = await buildDueSnapshot(ctx, undefined, true);
    expect(full.dueNow).toBe(exact);
    // The rows kept do not depend on how the count was taken.
    expect(full.rows.map((r) => r.id)).toEqual((await buildDueSnapshot(ctx)).rows.map((r) => r.id));
  });

  it('a superseded or deleted follow-up leaves the count and comes back open when revived', async () => {
    const ctx = freshContext({ now: NOW });
    const c = await createCustomer(ctx, { name: '李娜', birthday: { month: 11, day: 22 }, reviewedAt: NOW });
    const due = async () => (await buildDueSnapshot(ctx, undefined, true)).dueNow;
    const statuses = async () => (await ctx.db.followUps.where('customerId').equals(c.id).toArray()).map((f) => `${f.reason}:${f.status}:${f.deletedAt === null ? 'live' : 'deleted'}`).sort();
    expect(await due()).toBe(1);
    // The birthday moves out of the horizon: the reminder is superseded, out of the badge.
    await updateCustomer(ctx, c.id, { birthday: { month: 12, day: 30 } });
    expect(await statuses()).toEqual(['birthday:closed:deleted']);
    expect(await due()).toBe(0);
    await updateCustomer(ctx, c.id, { birthday: { month: 11, day: 22 } });
    expect(await statuses()).toEqual(['birthday:open:live']);
    expect(await due()).toBe(1);
    // Deleted by the user: out of the badge too.
    const manual = await addFollowUp(ctx, { customerId: c.id, dueAt: NOW - DAY, reason: 'manual', ruleKey: `manual:${c.id}:1`, note: 'call back' });
    expect(await due()).toBe(2);
    await deleteFollowUp(ctx, manual.id);
    expect(await due()).toBe(1);
    expect((await ctx.db.followUps.get(manual.id))?.status).toBe('closed');
  });
});

describe('due snapshot groups (the popup)', () => {
  it('reads each group on its own: a long backlog keeps today and the next 7 days, with true counts', async () => {
    const ctx = await workspace(1200, 0);
    const c = (await ctx.db.customers.toArray())[0]!;
    const add = (k: number, dueAt: number, status: FollowUp['status'] = 'open'): FollowUp => ({
      id: `g${k}`, createdAt: NOW, updatedAt: NOW, rev: 1, deletedAt: null, customerId: c.id, dueAt, reason: 'manual', ruleKey: `manual:g${k}`, note: '', status,
    });
    await ctx.db.followUps.bulkAdd([
      ...Array.from({ length: 5 }, (_, k) => add(k, NOW + k * 60_000)),
      ...Array.from({ length: 4 }, (_, k) => add(10 + k, NOW + (k + 1) * DAY)),
      add(20, NOW + 3 * DAY, 'snoozed'),
      add(21, NOW + 9 * DAY), // beyond the week: in no group
    ]);
    const snap = await buildDueSnapshot(ctx);
    expect(snap.counts).toEqual({ overdue: DUE_COUNT_CAP, today: 5, upcoming: 5 });
    const g = groupDue(snap.rows, NOW);
    expect([g.overdue.length, g.today.length, g.upcoming.length]).toEqual([DUE_LIMIT, 5, 5]);
    // Overdue: the most recent first; the snoozed one sits in its new group.
    expect(g.overdue[0]!.dueAt).toBe(NOW - DAY);
    expect(g.upcoming.map((r) => r.status)).toContain('snoozed');
    expect((await buildDueSnapshot(ctx, undefined, true)).counts?.overdue).toBe(1200);
    expect(countLabel(DUE_COUNT_CAP)).toBe('999+');
    expect(countLabel(999)).toBe('999');
  });
});
