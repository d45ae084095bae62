import { describe, expect, it } from 'vitest';
import { createCustomer, softDeleteCustomer } from '../../lib/db';
import { firstRows, viewCount } from '../../lib/workspace/first-rows';
import { resolveViewIds } from '../../lib/workspace/query';
import { emptyView, type ViewSpec } from '../../lib/workspace/view';
import { windowIds } from '../../lib/workspace/window';
import { freshContext } from '../db/helpers';

/** 40 cards with ties in every sort, some without annual value, three deleted (one near each end). */
async function seed() {
  const ctx = freshContext();
  for (let i = 0; i < 40; i++) {
    ctx.clock.now += i % 3 === 0 ? 0 : 1000;
    const c = await createCustomer(ctx, {
      name: `${String.fromCharCode(65 + (i % 9))}${i}`, tags: i % 4 ? ['vip'] : ['vip', 'price-sensitive'],
      owner: i % 2 ? 'Li' : 'Wang', annualValue: i % 5 === 4 ? undefined : (i % 3) * 300_000,
    });
    if (i === 1 || i === 20 || i === 38) await softDeleteCustomer(ctx, c.id);
  }
  return ctx;
}

describe('windowIds: a window of a view by position, the same as that slice of the full id list', () => {
  it.each<[string, Partial<ViewSpec>]>([
    ['newest first', {}],
    ['oldest first', { desc: false }],
    ['by value', { sort: 'value' }],
    ['by name A→Z', { sort: 'name', desc: false }],
    ['by last interaction (nobody has one: read from the start, else the whole list)', { sort: 'lastInteractionAt' }],
    ['owner Li', { owner: ['Li'] }],
    ['vip + price-sensitive by value', { tags: ['vip', 'price-sensitive'], sort: 'value' }],
    ['trash', { trash: true }],
  ])('%s', async (_label, patch) => {
    const ctx = await seed();
    const view = { ...emptyView(), ...patch };
    const all = await resolveViewIds(ctx, view);
    const head = await firstRows(ctx, view, 5, 0);
    const count = head.count ?? (await viewCount(ctx, head.deleted));
    expect(count).toBe(all.length);
    for (const [from, to] of [[0, 5], [3, 9], [count - 6, count], [count - 1, count + 3], [10, 30], [count, count + 2]] as const) {
      const got = await windowIds(ctx, view, Math.max(0, from), to, count, head.keep);
      if (got === undefined) {
        // Only when the view's end cannot be read from its sort index.
        expect(view.sort).toBe('lastInteractionAt');
        continue;
      }
      expect(got).toEqual(all.slice(Math.max(0, from), Math.min(to, count)));
    }
  });

  // 37 live cards: the window 15–20 is ≥ 20 entries from both ends.
  it.each<[number, number, number, boolean]>([[10, 15, 20, false], [19, 15, 20, false], [100, 15, 20, true], [10, 0, 3, true], [10, 34, 37, true]])(
    'budget %i, window %i–%i: read = %s (else the whole list is needed)',
    async (budget, from, to, read) => {
      const ctx = await seed();
      const view = emptyView();
      const head = await firstRows(ctx, view, 5, 0);
      const count = head.count ?? (await viewCount(ctx, head.deleted));
      const got = await windowIds(ctx, view, from, to, count, head.keep, budget);
      expect(got !== undefined).toBe(read);
      if (got) expect(got).toEqual((await resolveViewIds(ctx, view)).slice(from, to));
    },
  );
});
