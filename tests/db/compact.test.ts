import { describe, expect, it } from 'vitest';
import { addInteraction, createCustomer } from '../../lib/db';
import { restoreEmpty, stripEmpty } from '../../lib/db/compact-middleware';
import type { Customer } from '../../lib/domain';
import { freshContext } from './helpers';

/** The stored value as IndexedDB holds it, read under Dexie (no middleware). */
function raw(ctx: ReturnType<typeof freshContext>, table: string, id: string): Promise<Record<string, unknown>> {
  const idb = ctx.db.backendDB();
  return new Promise((resolve, reject) => {
    const req = idb.transaction(table).objectStore(table).get(id);
    req.onsuccess = () => resolve(req.result as Record<string, unknown>);
    req.onerror = () => reject(req.error);
  });
}

describe('compact storage: empty defaults are not stored, and come back on every read', () => {
  it('leaves empty non-indexed fields out of the stored customer and interaction', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: 'Ann Lee', owner: '' });
    const stored = await raw(ctx, 'customers', c.id);
    for (const k of ['department', 'notes', 'interests', 'customFields', 'addresses', 'deletedAt']) expect(stored).not.toHaveProperty(k);
    // Indexed fields keep their value, even empty: what an index sees does not change.
    expect(stored).toHaveProperty('owner', '');
    expect(stored).toHaveProperty('industry', '');
    const i = await addInteraction(ctx, { customerId: c.id, type: 'call', direction: 'out', occurredAt: ctx.now() });
    const ix = await raw(ctx, 'interactions', i.id);
    for (const k of ['place', 'subject', 'result', 'deletedAt']) expect(ix).not.toHaveProperty(k);
  });

  type Read = (ctx: ReturnType<typeof freshContext>, id: string) => Promise<Customer | undefined>;
  const reads: [string, Read][] = [
    ['get', (ctx, id) => ctx.db.customers.get(id)],
    ['bulkGet', async (ctx, id) => (await ctx.db.customers.bulkGet([id]))[0]],
    ['toArray', async (ctx) => (await ctx.db.customers.toArray())[0]],
    ['where().equals() on an index', async (ctx) => (await ctx.db.customers.where('owner').equals('').toArray())[0]],
    ['filter() (a cursor)', async (ctx) => (await ctx.db.customers.filter((x) => x.notes === '').toArray())[0]],
    ['each() (a cursor)', async (ctx) => { let out: Customer | undefined; await ctx.db.customers.each((x) => { out = x; }); return out; }],
    ['orderBy().reverse().limit()', async (ctx) => (await ctx.db.customers.orderBy('updatedAt').reverse().limit(1).toArray())[0]],
  ];
  it.each(reads)('%s returns the full record', async (_name, read) => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: '张伟', company: '云帆', tags: ['vip'] });
    expect(await read(ctx, c.id)).toEqual(c);
  });

  it('modify() and update() keep the record whole', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: 'Bo', notes: 'keep me' });
    await ctx.db.customers.where('id').equals(c.id).modify((x) => { x.title = 'CTO'; });
    await ctx.db.customers.update(c.id, { notes: '' });
    expect(await ctx.db.customers.get(c.id)).toEqual({ ...c, title: 'CTO', notes: '' });
  });

  it('gives fresh arrays: changing one read does not change the next', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: 'Cy' });
    (await ctx.db.customers.get(c.id))!.interests.push('golf');
    expect((await ctx.db.customers.get(c.id))!.interests).toEqual([]);
  });

  it.each([
    ['an empty string', { notes: '' }, {}],
    ['an empty array', { interests: [] }, {}],
    ['an empty object', { customFields: {} }, {}],
    ['null', { deletedAt: null }, {}],
    ['a value', { notes: 'x', interests: ['a'] }, { notes: 'x', interests: ['a'] }],
    ['an indexed field', { owner: '', tags: [] }, { owner: '', tags: [] }],
  ])('stripEmpty drops %s only where it is a default', (_n, input, stored) => {
    expect(stripEmpty('customers', input)).toEqual(stored);
    expect(restoreEmpty('customers', stripEmpty('customers', input))).toMatchObject(input);
  });

  it.each([
    ['customers', 'createdAt equal to updatedAt', { createdAt: 5, updatedAt: 5 }, { updatedAt: 5 }],
    ['customers', 'createdAt older than updatedAt', { createdAt: 4, updatedAt: 5 }, { createdAt: 4, updatedAt: 5 }],
    ['customers', 'rev 1', { rev: 1 }, {}],
    ['customers', 'rev 2', { rev: 2 }, { rev: 2 }],
    ['customers', 'an undefined optional key', { birthday: undefined, name: 'A' }, { name: 'A' }],
    ['interactions', 'updatedAt equal to createdAt', { createdAt: 5, updatedAt: 5 }, { createdAt: 5 }],
    ['interactions', 'updatedAt after createdAt', { createdAt: 5, updatedAt: 6 }, { createdAt: 5, updatedAt: 6 }],
    ['interactions', 'undefined amount and currency', { amount: undefined, currency: undefined, type: 'call' }, { type: 'call' }],
    ['interactions', 'an amount of 0 (a value, not a default)', { amount: 0 }, { amount: 0 }],
    ['followUps', 'rev 1, updatedAt = createdAt, empty note', { rev: 1, createdAt: 5, updatedAt: 5, note: '' }, { createdAt: 5 }],
  ] as [string, string, Record<string, unknown>, Record<string, unknown>][])('%s: %s', (table, _n, input, stored) => {
    expect(stripEmpty(table, input)).toEqual(stored);
    expect(Object.keys(stripEmpty(table, input) as object).sort()).toEqual(Object.keys(stored).sort());
    const back = restoreEmpty(table, stripEmpty(table, input)) as Record<string, unknown>;
    for (const [k, v] of Object.entries(input)) if (v !== undefined) expect(back[k]).toEqual(v);
  });

  it('keeps edited records whole through a write and a read (rev, timestamps)', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: 'Di' });
    expect(await raw(ctx, 'customers', c.id)).not.toHaveProperty('createdAt');
    ctx.clock.now += 1000;
    await ctx.db.customers.update(c.id, { title: 'CFO', rev: 2, updatedAt: ctx.now() });
    const stored = await raw(ctx, 'customers', c.id);
    expect(stored).toMatchObject({ createdAt: c.createdAt, rev: 2 });
    expect(await ctx.db.customers.get(c.id)).toEqual({ ...c, title: 'CFO', rev: 2, updatedAt: ctx.now() });
  });

  it('leaves other tables and non-objects alone', () => {
    const entry = { id: 'a', fields: [] };
    expect(stripEmpty('audit', entry)).toBe(entry);
    expect(stripEmpty('customers', 'x')).toBe('x');
  });
});
