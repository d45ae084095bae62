import { describe, expect, it } from 'vitest';
import { markFollowUpDone } from '../../lib/actions/followups';
import { addInteraction, createCustomer, openFollowUpsOf, timeline } from '../../lib/db';
import { regenerateFollowUps } from '../../lib/db/plan';
import { likelyContactType } from '../../lib/domain/done';
import { freshContext } from '../db/helpers';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 22, 9).getTime();

// A mid-value customer last called 100 days ago: its 90-day cadence follow-up is overdue.
async function overdueCadence() {
  const ctx = freshContext({ now: NOW });
  const c = await createCustomer(ctx, { name: '王强', company: '金石贸易', annualValue: 150_000, reviewedAt: NOW });
  await addInteraction(ctx, { customerId: c.id, type: 'call', direction: 'out', occurredAt: NOW - 100 * DAY, subject: 'last call' });
  const open = await openFollowUpsOf(ctx, c.id);
  const cadence = open.find((f) => f.reason === 'cadence');
  if (!cadence) throw new Error(`no cadence follow-up: ${JSON.stringify(open.map((f) => [f.reason, new Date(f.dueAt).toISOString()]))}`);
  return { ctx, c, cadence };
}

describe('markFollowUpDone: Done completes AND logs the contact, so the cadence moves on', () => {
  it('logs the picked type, closes the follow-up and plans the next period from today', async () => {
    const { ctx, c, cadence } = await overdueCadence();
    expect(cadence.dueAt).toBeLessThan(NOW);
    await markFollowUpDone(ctx, cadence.id, { type: 'wechat', subject: 'mid-value quarterly contact' });
    expect((await ctx.db.followUps.get(cadence.id))!.status).toBe('done');
    const items = await timeline(ctx, c.id);
    expect(items[0]).toMatchObject({ type: 'wechat', subject: 'mid-value quarterly contact', occurredAt: NOW });
    // Nothing of the cadence is due any more; the next one comes 90 days from today.
    expect((await openFollowUpsOf(ctx, c.id)).filter((f) => f.reason === 'cadence')).toEqual([]);
    expect((await ctx.db.customers.get(c.id))!.lastInteractionAt).toBe(NOW);
    ctx.clock.now = NOW + 85 * DAY;
    await regenerateFollowUps(ctx, c.id);
    const next = (await openFollowUpsOf(ctx, c.id)).find((f) => f.reason === 'cadence')!;
    expect(Math.round((next.dueAt - NOW) / DAY)).toBe(90);
  });

  it('all or nothing: a follow-up of a deleted card writes nothing', async () => {
    const { ctx, c, cadence } = await overdueCadence();
    await ctx.db.customers.update(c.id, { deletedAt: NOW });
    const before = await ctx.db.audit.count();
    await expect(markFollowUpDone(ctx, cadence.id, { type: 'call' })).rejects.toThrow();
    expect((await ctx.db.followUps.get(cadence.id))!.status).toBe('open');
    expect(await ctx.db.audit.count()).toBe(before);
  });

  it.each([['cadence', 'call'], ['birthday', 'message'], ['survey', 'survey'], ['data-audit', 'other']] as const)(
    'offers %s as a %s first', (reason, type) => expect(likelyContactType(reason)).toBe(type),
  );
});
