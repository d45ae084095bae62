import { describe, expect, it } from 'vitest';
import { addInteraction, createCustomer } from '../../lib/db';
import { regenerateAll } from '../../lib/db/plan';
import { freshContext } from './helpers';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 22, 9).getTime();
type Ctx = ReturnType<typeof freshContext>;

/** Customers per chunk in these tests (the pass's default is larger): several chunks, a fast test. */
const CHUNK = 40;
const pass = (ctx: Ctx) => regenerateAll(ctx, undefined, CHUNK);

/** Customers across several chunks, each kind of rule represented (birthdays, deals, contracts, next steps). */
async function workspace(): Promise<Ctx> {
  const ctx = freshContext({ now: NOW });
  const n = CHUNK * 3 + 7;
  await ctx.db.customers.bulkAdd(Array.from({ length: n }, (_, k) => ({
    id: `c${String(k).padStart(5, '0')}`, createdAt: NOW - 400 * DAY, updatedAt: NOW, rev: 1, deletedAt: null, kind: 'person' as const,
    name: `客户${k}`, company: '', title: '', department: '', emails: [], phones: [], addresses: [], websites: [], social: [],
    interests: [], industry: '', source: 'import' as const, owner: '', stage: 'first-contact' as const, tags: [], notes: '', customFields: {},
    emailKeys: [], phoneKeys: [], valueTier: 'unknown' as const, activityTier: 'inactive' as const, status: 'potential' as const,
    lifecycle: 'acquisition' as const, value: 0, reviewedAt: NOW - (k % 200) * DAY, birthday: k % 3 ? undefined : { month: 11, day: 22 + (k % 9) },
  })));
  const types = ['call', 'purchase', 'contract', 'meeting', 'complaint'] as const;
  await ctx.db.interactions.bulkAdd(Array.from({ length: n * 2 }, (_, k) => ({
    id: `i${String(k).padStart(6, '0')}`, createdAt: 0, updatedAt: 0, rev: 1, deletedAt: null, customerId: `c${String(k % n).padStart(5, '0')}`,
    type: types[k % types.length]!, direction: 'out' as const, occurredAt: NOW - (k % 120) * DAY, place: '', subject: `s${k}`, content: '', result: '',
    amount: k % 5 === 1 ? 50_000 * (k % 7) : undefined, endsAt: k % 5 === 2 ? NOW + (k % 40) * DAY : undefined,
    nextStep: k % 11 === 0 ? { text: 'call back', dueAt: NOW + (k % 10) * DAY } : undefined,
  })));
  return ctx;
}

/** Every stored customer and follow-up, as written (rev and updatedAt included). */
async function dump(ctx: Ctx) {
  return { customers: await ctx.db.customers.toArray(), followUps: await ctx.db.followUps.orderBy(':id').toArray() };
}

describe('regenerateAll: what the daily pass writes', () => {
  it.each([
    ['the same moment', 0],
    ['an hour later, the same day', 3_600_000],
  ])('a second pass at %s writes nothing', async (_label, later) => {
    const ctx = await workspace();
    const first = await pass(ctx);
    expect(first.added).toBeGreaterThan(CHUNK);
    expect(first.rederived).toBeGreaterThan(CHUNK);
    const before = await dump(ctx);
    ctx.clock.now += later;
    let writes = 0;
    for (const t of [ctx.db.customers, ctx.db.followUps]) {
      t.hook('creating', () => { writes++; });
      t.hook('updating', () => { writes++; });
    }
    const again = await pass(ctx);
    expect(again).toEqual({ added: 0, closed: 0, rederived: 0 });
    expect(writes).toBe(0);
    expect(await dump(ctx)).toEqual(before);
  });

  it.each([20, 90, 200])('a pass %i days later writes what time moved, and the pass after it nothing', async (days) => {
    const ctx = await workspace();
    await pass(ctx);
    ctx.clock.now += days * DAY;
    const moved = await pass(ctx);
    expect(moved.added + moved.closed + moved.rederived).toBeGreaterThan(0);
    const before = await dump(ctx);
    expect(await pass(ctx)).toEqual({ added: 0, closed: 0, rederived: 0 });
    expect(await dump(ctx)).toEqual(before);
  });

  it('keeps a write made while the pass runs (planned again inside the write transaction)', async () => {
    const ctx = await workspace();
    await pass(ctx);
    ctx.clock.now += 40 * DAY;
    const c = await createCustomer(ctx, { name: '晚到', reviewedAt: ctx.clock.now });
    // Logged while the pass is reading its first chunks: the customer's cadence must reflect the call.
    const [result] = await Promise.all([
      pass(ctx),
      addInteraction(ctx, { customerId: 'c00001', type: 'call', occurredAt: ctx.clock.now }),
    ]);
    expect(result.added).toBeGreaterThanOrEqual(0);
    const stored = (await ctx.db.customers.get('c00001'))!;
    expect(stored.lastInteractionAt).toBe(ctx.clock.now);
    expect((await ctx.db.customers.get(c.id))?.deletedAt).toBeNull();
    const cadence = (await ctx.db.followUps.where('customerId').equals('c00001').toArray()).filter((f) => f.reason === 'cadence' && f.deletedAt === null);
    expect(cadence.every((f) => f.dueAt > ctx.clock.now)).toBe(true);
  });
});
