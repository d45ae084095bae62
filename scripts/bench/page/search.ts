import { createStore, del } from 'idb-keyval';
import type { RepoContext } from '../../../lib/db/context';
import { buildFromDb } from '../../../lib/search-index/from-db';
import { SearchStore } from '../../../lib/search-index/store';
import { heapUsed, gc, stats, timed } from './stats';

/**
 * The search index (lib/search) in the page: a full build (what a first open or a stale index
 * costs; the panel does it in a worker), the open of a persisted index (restore + catch-up, what
 * every later open costs) and the in-memory query time per query.
 */
export async function searchIndex(ctx: RepoContext, queries: string[], reps: number) {
  gc();
  const heap0 = heapUsed();
  const build = await timed(1, () => buildFromDb(ctx.db), 0);
  const kv = createStore('cardfile-bench-search', 'index');
  await del('customers', kv);
  const first = new SearchStore(ctx.db, { kv });
  await first.ready;
  await first.save();
  first.close();
  const opens: number[] = [];
  let store: SearchStore | undefined;
  for (let i = 0; i < reps; i++) {
    store?.close();
    store = new SearchStore(ctx.db, { kv });
    await store.ready;
    opens.push(store.timings.readyMs ?? NaN);
  }
  gc();
  const heapMb = Math.round(((heapUsed() - heap0) / 1048576) * 10) / 10;
  const per: Record<string, { median: number; p95: number; hits: number }> = {};
  const all: number[] = [];
  for (const q of queries) {
    const samples: number[] = [];
    let hits = 0;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      hits = store!.search(q, 50).length;
      samples.push(performance.now() - t0);
    }
    const s = stats(samples);
    per[q] = { median: s.median, p95: s.p95, hits };
    all.push(...samples);
  }
  store!.close();
  indexedDB.deleteDatabase('cardfile-bench-search');
  return { buildMs: build.median, firstOpen: first.timings, open: stats(opens), heapMb, query: stats(all), perQuery: per };
}
