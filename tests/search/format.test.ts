import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createCustomer } from '../../lib/db';
import { buildSearchIndex, INDEX_FORMAT, loadSearchIndex, type SearchIndex, type SearchIndexBlob } from '../../lib/search/index';
import { HOT_K } from '../../lib/search/hot';
import { SearchStore } from '../../lib/search-index/store';
import { freshContext } from '../db/helpers';
import { card, people } from './fixtures';
import { syntheticCustomers } from './synthetic';

const ids = (index: SearchIndex, q: string, limit?: number) => index.search(q, limit).map((h) => h.id);
/** The same index without its precomputed hot lists: every query runs the live search. */
const withoutHot = (blob: SearchIndexBlob) =>
  loadSearchIndex({ ...blob, hotKeys: '', hotStart: new Uint32Array(1), hotSlot: new Uint32Array(0), hotScore: new Float64Array(0) });

describe('search index blob, format 2', () => {
  it('holds typed arrays, not per-term strings, and survives a structured clone', () => {
    const blob = buildSearchIndex(people).serialize();
    expect(blob.format).toBe(INDEX_FORMAT);
    expect(blob.termBytes).toBeInstanceOf(Uint8Array);
    expect(blob.termStart).toBeInstanceOf(Uint32Array);
    expect(blob.postings).toBeInstanceOf(Uint32Array);
    expect(blob.termStart.length - 1).toBeGreaterThan(50);
    const restored = loadSearchIndex(structuredClone(blob));
    expect(ids(restored, 'zw')[0]).toBe('zhangwei');
    expect(restored.search('zhang wei')).toEqual(buildSearchIndex(people).search('zhang wei'));
  });

  it.each([
    ['an old (format 1) blob', { format: 1, ids: 'a', terms: 'x', postStart: new Uint32Array([0, 1]), postings: new Uint32Array([0]) }, /format/],
    ['a damaged blob', { ...buildSearchIndex(people).serialize(), postStart: new Uint32Array([0]) }, /damaged/],
  ])('refuses %s', (_, blob, error) => {
    expect(() => loadSearchIndex(blob as unknown as SearchIndexBlob)).toThrow(error);
  });

  it.each([
    ['\ue000a', 'private-use'],
    ['𠮷b', 'astral'],
    ['ｚｅｔａ', 'full-width'],
  ])('keeps code point order through compaction: tag %s (%s)', (tag) => {
    const ix = buildSearchIndex([...people, card('t1', { name: 'Tag One', tags: ['\ue000a'] })]);
    ix.add(card('t2', { name: 'Tag Two', tags: ['𠮷b', 'ｚｅｔａ'] }));
    ix.compact();
    const restored = loadSearchIndex(structuredClone(ix.serialize()));
    expect(ids(restored, tag).length).toBe(1);
    expect(ids(restored, 'tag').sort()).toEqual(['t1', 't2']);
  });
});

describe('hot lists (precomputed short prefixes)', () => {
  const customers = syntheticCustomers(3000);
  const hotIx = buildSearchIndex(customers);
  const blob = hotIx.serialize();
  const hotKeys = blob.hotKeys.split('\n').filter(Boolean);

  it('exist for the costly one-letter prefixes', () => {
    expect(hotKeys.length).toBeGreaterThan(3);
    expect(blob.hotSlot.length).toBeGreaterThan(3 * 50);
  });

  it('answer exactly like the live search, before and after changes', () => {
    const a = loadSearchIndex(structuredClone(blob));
    const b = withoutHot(blob);
    for (const q of hotKeys) expect(a.search(q), q).toEqual(b.search(q));
    // Change cards that sit in the hot lists, drop some, add new ones that rank high.
    const top = a.search(hotKeys[0]!, 20).map((h) => h.id);
    const changes = (ix: SearchIndex) => {
      for (const id of top.slice(0, 5)) ix.remove(id);
      for (const c of customers.slice(0, 30)) ix.update({ ...c, name: `${hotKeys[0]!}${c.name}` });
      ix.add(card('new-1', { name: hotKeys[0]! }));
    };
    changes(a);
    changes(b);
    for (const q of hotKeys) for (const limit of [10, 50, HOT_K]) expect(a.search(q, limit), `${q} ${limit}`).toEqual(b.search(q, limit));
    expect(ids(a, hotKeys[0]!)[0]).toBe('new-1');
  });
});

describe('SearchStore and the blob format', () => {
  it('rebuilds when the saved index is of an older format', async () => {
    const ctx = freshContext();
    const kv = createStore(`search-old-${Math.random()}`, 'index');
    const zhang = await createCustomer(ctx, { name: '张伟' });
    await set('customers', { format: 1, blob: { format: 1, ids: 'x', terms: 'zz' }, watermark: 0, total: 0 }, kv);
    const store = new SearchStore(ctx.db, { kv });
    await store.ready;
    expect(store.status).toBe('ready');
    expect(store.timings.buildMs).toBeDefined();
    expect(store.search('zw').map((h) => h.id)).toEqual([zhang.id]);
    store.close();
  });

  it('compacts through `build` (the worker) and keeps changes made meanwhile', async () => {
    const ctx = freshContext();
    const kv = createStore(`search-compact-${Math.random()}`, 'index');
    const first = await createCustomer(ctx, { name: 'Alice Wong' });
    let builds = 0;
    const store = new SearchStore(ctx.db, {
      kv,
      build: async (db) => {
        builds++;
        const { buildFromDb } = await import('../../lib/search-index/from-db');
        return buildFromDb(db);
      },
    });
    await store.ready;
    ctx.clock.now += 10;
    const second = await createCustomer(ctx, { name: 'Albert Wu' });
    const saving = store.save();
    ctx.clock.now += 10;
    const third = await createCustomer(ctx, { name: 'Alfred Ng' });
    await saving;
    await new Promise((r) => setTimeout(r, 50));
    expect(builds).toBe(2); // the first open, then the compaction
    expect(store.search('al').map((h) => h.id).sort()).toEqual([first.id, second.id, third.id].sort());
    store.close();
  });

  it('rebuilds in the background when rows were purged since the save', async () => {
    const ctx = freshContext();
    const kv = createStore(`search-purge-${Math.random()}`, 'index');
    const keep = await createCustomer(ctx, { name: 'Alice Wong' });
    const gone = await createCustomer(ctx, { name: 'Albert Wu' });
    const first = new SearchStore(ctx.db, { kv });
    await first.ready;
    await first.save();
    first.close();
    await ctx.db.customers.delete(gone.id);
    const second = new SearchStore(ctx.db, { kv });
    await second.ready;
    expect(second.timings.restoreMs).toBeDefined();
    for (let i = 0; i < 100 && second.search('al').length !== 1; i++) await new Promise((r) => setTimeout(r, 20));
    expect(second.search('al').map((h) => h.id)).toEqual([keep.id]);
    second.close();
  });
});
