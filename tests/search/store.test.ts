import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createCustomer, softDeleteCustomer, updateCustomer } from '../../lib/db';
import { SearchStore } from '../../lib/search-index/store';
import { changedSince } from '../../lib/search-index/from-db';
import { freshContext } from '../db/helpers';

const kvFor = () => createStore(`search-test-${Math.random()}`, 'index');
const changed = (store: SearchStore, pred: () => boolean) =>
  new Promise<void>((resolve) => {
    if (pred()) return resolve();
    const off = store.subscribe(() => {
      if (pred()) {
        off();
        resolve();
      }
    });
  });
const ids = (store: SearchStore, q: string) => store.search(q).map((h) => h.id);

describe('SearchStore', () => {
  it('builds on first open, follows writes, and restores (with catch-up) on the next open', async () => {
    const ctx = freshContext();
    const kv = kvFor();
    const zhang = await createCustomer(ctx, { name: '张伟', emails: [{ value: 'zw@huawei.com' }] });
    const first = new SearchStore(ctx.db, { kv });
    await first.ready;
    expect(first.status).toBe('ready');
    expect(first.timings.buildMs).toBeDefined();
    expect(ids(first, 'zw')).toEqual([zhang.id]);

    ctx.clock.now += 1000;
    const john = await createCustomer(ctx, { name: 'John Smith' });
    await changed(first, () => ids(first, 'smith').length === 1);
    expect(ids(first, 'smith')).toEqual([john.id]);

    ctx.clock.now += 1000;
    await updateCustomer(ctx, zhang.id, { name: '张薇' });
    await changed(first, () => ids(first, 'huawei.com').length === 1 && ids(first, 'zhangwei').length === 1);
    ctx.clock.now += 1000;
    await softDeleteCustomer(ctx, john.id);
    await changed(first, () => ids(first, 'smith').length === 0);
    first.close();

    // Written while no page had the index open: the next open must still see it.
    ctx.clock.now += 1000;
    const mary = await createCustomer(ctx, { name: 'Mary Johnson' });
    const second = new SearchStore(ctx.db, { kv });
    await second.ready;
    expect(second.timings.restoreMs).toBeDefined();
    expect(second.timings.buildMs).toBeUndefined();
    expect(ids(second, 'mary')).toEqual([mary.id]);
    expect(ids(second, 'smith')).toEqual([]);
    expect(ids(second, 'zw')).toEqual([zhang.id]);
    second.close();
  });

  it('saves after enough changes so the next open restores them', async () => {
    const ctx = freshContext();
    const kv = kvFor();
    const store = new SearchStore(ctx.db, { kv, persistAfter: 2 });
    await store.ready;
    expect(store.search('a')).toEqual([]);
    await createCustomer(ctx, { name: 'Alice Wong' });
    ctx.clock.now += 10;
    await createCustomer(ctx, { name: 'Albert Wu' });
    await changed(store, () => ids(store, 'al').length === 2);
    await store.save();
    store.close();
    const again = new SearchStore(ctx.db, { kv });
    await again.ready;
    expect(ids(again, 'al')).toHaveLength(2);
    again.close();
  });

  it('reads only unseen cards at the watermark (an import shares one timestamp)', async () => {
    const ctx = freshContext();
    const batch = await Promise.all(Array.from({ length: 6 }, (_, i) => createCustomer(ctx, { name: `Batch ${i}` })));
    const at = batch[0]!.updatedAt;
    const ids = batch.map((c) => c.id);
    const cases: [string, number, string[], string[]][] = [
      ['nothing seen: every card at the watermark', at, [], ids],
      ['all seen: nothing', at, ids, []],
      ['some seen: the others', at, ids.slice(0, 4), ids.slice(4)],
      ['watermark before: everything after it', at - 1, ids, ids],
      ['watermark after: nothing', at + 1, [], []],
    ];
    for (const [, watermark, seen, expected] of cases) {
      const rows = await changedSince(ctx.db, watermark, new Set(seen));
      expect(rows.map((c) => c.id).sort()).toEqual([...expected].sort());
    }
  });

  it('reopening after a same-timestamp batch fetches no card, and a later write fetches one', async () => {
    const ctx = freshContext();
    const kv = kvFor();
    for (let i = 0; i < 30; i++) await createCustomer(ctx, { name: `Imported ${i}` });
    const first = new SearchStore(ctx.db, { kv });
    await first.ready;
    first.close();
    const again = new SearchStore(ctx.db, { kv });
    await again.ready;
    expect(again.timings.restoreMs).toBeDefined();
    expect(again.applied).toBe(0); // the 30 cards at the watermark are in the saved index already
    expect(ids(again, 'imported')).toHaveLength(30);
    // Same millisecond as the batch: still picked up, and alone.
    const late = await createCustomer(ctx, { name: 'Latecomer Lee' });
    await changed(again, () => ids(again, 'latecomer').length === 1);
    expect(ids(again, 'latecomer')).toEqual([late.id]);
    expect(again.applied).toBe(1);
    again.close();
  });
});
