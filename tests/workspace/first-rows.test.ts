import { describe, expect, it } from 'vitest';
import { createCustomer, softDeleteCustomer } from '../../lib/db';
import { firstRows, viewCount } from '../../lib/workspace/first-rows';
import { resolveViewIds } from '../../lib/workspace/query';
import { emptyView, type ViewSpec } from '../../lib/workspace/view';
import { freshContext } from '../db/helpers';

const stages = ['first-contact', 'negotiating', 'active', 'renewed', 'lost'] as const;

/** 30 cards with repeated values (ties in every sort), a few without annual value, two deleted. */
async function seed() {
  const ctx = freshContext();
  for (let i = 0; i < 30; i++) {
    ctx.clock.now += i % 4 === 0 ? 0 : 1000; // equal updatedAt for some: ties broken by id
    const c = await createCustomer(ctx, {
      name: `${String.fromCharCode(65 + (i % 7))}${i}`, stage: stages[i % 5], tags: i % 3 ? ['vip'] : ['vip', 'price-sensitive'],
      owner: i % 2 ? 'Li' : 'Wang', annualValue: i % 6 === 5 ? undefined : (i % 4) * 200_000,
    });
    if (i === 7 || i === 12) await softDeleteCustomer(ctx, c.id);
  }
  return ctx;
}

describe('firstRows: the first screen of a view, the same as the head of the full id list', () => {
  it.each<[string, Partial<ViewSpec>]>([
    ['newest first', {}],
    ['oldest first', { desc: false }],
    ['by value (ties, cards without annual value)', { sort: 'value' }],
    ['by name A→Z', { sort: 'name', desc: false }],
    ['by last interaction (nobody has one: not in the index)', { sort: 'lastInteractionAt' }],
    ['stage active', { stage: ['active'] }],
    ['vip + price-sensitive by value', { tags: ['vip', 'price-sensitive'], sort: 'value' }],
    ['owner Li, value tier high', { owner: ['Li'], valueTier: ['high'] }],
    ['name prefix', { namePrefix: 'a' }],
    ['nothing matches', { stage: ['lost'], owner: ['Nobody'] }],
    ['trash', { trash: true }],
  ])('%s', async (_label, patch) => {
    const ctx = await seed();
    const view = { ...emptyView(), ...patch };
    const all = await resolveViewIds(ctx, view);
    for (const small of [0, 2000]) {
      for (const limit of [1, 5, 60]) {
        const head = await firstRows(ctx, view, limit, small);
        expect(head.count ?? (await viewCount(ctx, head.deleted))).toBe(all.length);
        expect(head.rows.map((r) => r.id)).toEqual(all.slice(0, limit));
        if (head.ids) expect(head.ids).toEqual(all);
        expect(all.every(head.keep)).toBe(true);
      }
    }
  });
});
