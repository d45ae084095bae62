import { describe, expect, it } from 'vitest';
import { addFollowUp, createCustomer, deleteFollowUp, updateCustomer } from '../../lib/db';
import { buildDueSnapshot, DUE_COUNT_CAP } from '../../lib/db/due';
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
