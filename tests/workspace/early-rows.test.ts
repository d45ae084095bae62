import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CardfileDb, createCustomer, makeContext, softDeleteCustomer } from '../../lib/db';
import { defaultSettings } from '../../lib/domain';
import { earlyFirstRows, readNewest } from '../../lib/workspace/early-rows';
import { firstRows } from '../../lib/workspace/first-rows';
import { emptyView } from '../../lib/workspace/view';

const NAME = 'early-rows-test';

/** `n` cards (some updated at the same ms: ties broken by id), the ones at `deleted` positions soft-deleted. */
async function seed(n: number, deleted: number[]) {
  const idb = new IDBFactory();
  const clock = { now: Date.UTC(2026, 10, 22, 9) };
  const ctx = makeContext(new CardfileDb(NAME, { indexedDB: idb, IDBKeyRange }), { now: () => clock.now, settings: async () => ({ ...defaultSettings, userName: 't' }) });
  for (let i = 0; i < n; i++) {
    clock.now += i % 3 === 0 ? 0 : 1000;
    const c = await createCustomer(ctx, { name: `C${i}`, tags: i % 2 ? ['vip'] : [], annualValue: i * 1000 });
    if (deleted.includes(i)) await softDeleteCustomer(ctx, c.id);
  }
  ctx.db.close();
  return { idb, ctx };
}

describe('readNewest + earlyFirstRows: the default view read without Dexie, as firstRows reads it', () => {
  it.each<[string, number, number[], number, boolean]>([
    ['nothing deleted', 12, [], 5, true],
    ['deleted among the newest, within the spare rows', 12, [11, 9], 5, true],
    ['deleted but older than the first screen', 12, [0, 1], 5, true],
    ['too few cards for a full screen: firstRows must run', 4, [], 5, false],
    ['deleted cards fill the spare rows: firstRows must run', 30, Array.from({ length: 21 }, (_, k) => 29 - k), 5, false],
  ])('%s', async (_label, n, deleted, limit, serves) => {
    const { idb, ctx } = await seed(n, deleted);
    const read = await readNewest(idb, NAME, limit);
    expect(read).toBeDefined();
    expect(read!.deleted.size).toBe(deleted.length);
    const early = earlyFirstRows(read!, limit);
    if (!serves) return expect(early).toBeUndefined();
    await ctx.db.open();
    const expected = await firstRows(ctx, emptyView(), limit);
    // The same records as Dexie hands up (the compact layer's defaults put back), in the same order.
    expect(early!.rows).toEqual(expected.rows);
    expect(early!.deleted).toBe(expected.deleted);
    expect(early!.count).toBeUndefined();
    expect(expected.rows.every((r) => early!.keep(r.id))).toBe(true);
    ctx.db.close();
  });

  it('does not create a database that is not there', async () => {
    const idb = new IDBFactory();
    expect(await readNewest(idb, 'absent')).toBeUndefined();
    expect((await idb.databases()).map((d) => d.name)).not.toContain('absent');
  });

  it('leaves sealed records to the crypto layer', async () => {
    const { idb } = await seed(3, []);
    const raw = await new Promise<IDBDatabase>((res) => { const o = idb.open(NAME); o.onsuccess = () => res(o.result); });
    const store = raw.transaction('customers', 'readwrite').objectStore('customers');
    const first = await new Promise<Record<string, unknown>>((res) => { const r = store.openCursor(); r.onsuccess = () => res(r.result!.value); });
    await new Promise((res) => { const r = store.put({ ...first, __enc: 'ciphertext' }); r.onsuccess = res; });
    raw.close();
    expect(await readNewest(idb, NAME, 2)).toBeUndefined();
  });

});
