import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { createCustomer, updateCustomer } from '../../lib/db';
import { CUSTOMERS_STAMP_KEY, FIRST_SCREEN_SNAPSHOT_KEY } from '../../lib/db/name';
import { readNewest } from '../../lib/workspace/early-rows';
import { readSnapshot, sameRead, writeSnapshot } from '../../lib/workspace/snapshot';
import { freshContext } from '../db/helpers';

// Issue 18: a cold workspace paints its first screen from a stored snapshot; it must never show
// what a later write changed, nor anything the passphrase lock sealed.
const tick = () => new Promise((r) => setTimeout(r, 20));

async function seeded(n: number) {
  const ctx = freshContext();
  for (let i = 0; i < n; i++) await createCustomer(ctx, { name: `Customer ${i}`, emails: [{ value: `c${i}@example.com`, label: 'work' }] });
  await tick();
  return ctx;
}

describe('the workspace first-screen snapshot', () => {
  it('is read back while no write came after the read it was made from', async () => {
    const ctx = await seeded(3);
    const before = await readSnapshot();
    const read = (await readNewest(ctx.db._options.indexedDB as IDBFactory, ctx.db.name, 2))!;
    await writeSnapshot(read, before.stamp!);
    const again = await readSnapshot();
    expect(again.read && sameRead(again.read, read)).toBe(true);
    expect(again.read!.newest.map((c) => c.name)).toEqual(read.newest.map((c) => c.name));
  });

  it('is void once a customer write commits, and is dropped from storage', async () => {
    const ctx = await seeded(3);
    const before = await readSnapshot();
    const read = (await readNewest(ctx.db._options.indexedDB as IDBFactory, ctx.db.name, 2))!;
    await writeSnapshot(read, before.stamp!);
    const [first] = await ctx.db.customers.toArray();
    await updateCustomer(ctx, first!.id, { company: 'Changed Ltd' }, first!.rev);
    await tick();
    expect((await readSnapshot()).read).toBeUndefined();
    expect((await browser.storage.local.get(FIRST_SCREEN_SNAPSHOT_KEY))[FIRST_SCREEN_SNAPSHOT_KEY]).toBeUndefined();
  });

  it('made from a read that a write overtook is never shown', async () => {
    const ctx = await seeded(3);
    const before = await readSnapshot();
    const read = (await readNewest(ctx.db._options.indexedDB as IDBFactory, ctx.db.name, 2))!;
    const [first] = await ctx.db.customers.toArray();
    await updateCustomer(ctx, first!.id, { company: 'Written meanwhile' }, first!.rev);
    await tick();
    await writeSnapshot(read, before.stamp!); // lands after the write's new stamp
    expect((await readSnapshot()).read).toBeUndefined();
  });

  it('an aborted write leaves the stamp as it was', async () => {
    const ctx = await seeded(1);
    const stamp = (await browser.storage.local.get(CUSTOMERS_STAMP_KEY))[CUSTOMERS_STAMP_KEY];
    await expect(ctx.db.transaction('rw', ctx.db.customers, async () => {
      await ctx.db.customers.put({ ...(await ctx.db.customers.toCollection().first())!, name: 'never' });
      throw new Error('abort');
    })).rejects.toThrow('abort');
    await tick();
    expect((await browser.storage.local.get(CUSTOMERS_STAMP_KEY))[CUSTOMERS_STAMP_KEY]).toBe(stamp);
  });

  it.each([
    ['a sealed card', { stamp: null, newest: [{ id: 'a', __enc: 'xx' }], deleted: [] }],
    ['not a list', { stamp: null, newest: 'rows', deleted: [] }],
    ['a card without id', { stamp: null, newest: [{ name: 'x' }], deleted: [] }],
    ['nothing', undefined],
  ])('ignores a stored item that is %s', async (_, item) => {
    await browser.storage.local.set({ [FIRST_SCREEN_SNAPSHOT_KEY]: item });
    expect((await readSnapshot()).read).toBeUndefined();
  });
});
