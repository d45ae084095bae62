import { describe, expect, it } from 'vitest';
import { addFollowUp, createCustomer, softDeleteCustomer, timeline } from '../../lib/db';
import { buildDueSnapshot, completeFollowUp, dismissFollowUp, groupDue, snoozeFollowUp } from '../../lib/db/due';
import { freshContext } from './helpers';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 22, 9).getTime();

async function seed() {
  const ctx = freshContext({ now: NOW });
  const a = await createCustomer(ctx, { name: '张伟', company: '云帆', annualValue: 600_000, reviewedAt: NOW });
  const b = await createCustomer(ctx, { name: 'Anna', company: 'Acme', reviewedAt: NOW });
  await ctx.db.followUps.clear(); // only the follow-ups below
  const add = (customerId: string, days: number, key: string) =>
    addFollowUp(ctx, { customerId, dueAt: new Date(2026, 10, 22 + days, 10).getTime(), reason: 'manual', ruleKey: key, note: key });
  const rows = {
    overdue: await add(a.id, -3, 'overdue'),
    today: await add(b.id, 0, 'today'),
    soon: await add(a.id, 7, 'in7'),
    later: await add(a.id, 8, 'in8'),
  };
  return { ctx, a, b, rows };
}

describe('due list', () => {
  it('groups overdue, today and the next 7 days, with the customer on each row', async () => {
    const { ctx } = await seed();
    const snap = await buildDueSnapshot(ctx);
    const g = groupDue(snap.rows, NOW);
    expect([g.overdue, g.today, g.upcoming].map((list) => list.map((r) => r.note))).toEqual([['overdue'], ['today'], ['in7']]);
    expect(g.overdue[0]).toMatchObject({ name: '张伟', company: '云帆', valueTier: 'high' });
    expect(snap.dueNow).toBe(2);
  });

  it('marks done: logs an interaction on the timeline and leaves the list', async () => {
    const { ctx, a, rows } = await seed();
    await completeFollowUp(ctx, rows.overdue.id, { type: 'call', subject: '高价值客户月度联系' });
    expect((await timeline(ctx, a.id)).map((i) => [i.type, i.subject])).toEqual([['call', '高价值客户月度联系']]);
    // The logged call re-ran the rules: the high-value customer's quarterly service is now planned too.
    const snap = await buildDueSnapshot(ctx);
    expect(snap.rows.map((r) => `${r.reason}:${r.note}`)).toEqual(['custom-service:', 'manual:today', 'manual:in7']);
    expect(snap.dueNow).toBe(2);
  });

  it.each([
    [1, ['today', 'overdue', 'in7']],
    [3, ['today', 'overdue', 'in7']],
    [8, ['today', 'in7']],
  ])('snoozes %i days: out of today, back later', async (days, order) => {
    const { ctx, rows } = await seed();
    await snoozeFollowUp(ctx, rows.overdue.id, NOW + days * DAY);
    const snap = await buildDueSnapshot(ctx);
    expect(snap.rows.map((r) => r.note)).toEqual(order);
    expect(snap.rows.find((r) => r.note === 'overdue')?.status ?? 'gone').toBe(days > 7 ? 'gone' : 'snoozed');
    expect(snap.dueNow).toBe(1);
  });

  it('leaves out dismissed follow-ups and those of deleted customers', async () => {
    const { ctx, b, rows } = await seed();
    await dismissFollowUp(ctx, rows.overdue.id);
    await softDeleteCustomer(ctx, b.id);
    expect((await buildDueSnapshot(ctx)).rows.map((r) => r.note)).toEqual(['in7']);
  });
});
