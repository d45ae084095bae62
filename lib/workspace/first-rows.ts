import type { Customer } from '../domain';
import type { RepoContext } from '../db/context';
import { deletedIds, filterIds, resolveViewIds } from './query';
import { isUnfiltered, type ViewSpec } from './view';

/** The first screen of a view and how many cards it holds. */
export interface FirstRows {
  rows: Customer[];
  count: number;
}

/** Below this many filter matches the matching cards are read and sorted in memory. */
const SMALL = 2000;

type Key = string | number;
const keyOf = (c: Customer, field: ViewSpec['sort']): Key | undefined => {
  const v = (c as Record<string, unknown>)[field];
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
};
const cmp = (a: Key, b: Key) => (typeof a === typeof b ? (a < b ? -1 : a > b ? 1 : 0) : typeof a === 'number' ? -1 : 1);

/** The order of the sort index (key, then id; reversed when descending), cards without the key last by id. */
export function indexOrder(field: ViewSpec['sort'], desc: boolean): (a: Customer, b: Customer) => number {
  return (a, b) => {
    const [ka, kb] = [keyOf(a, field), keyOf(b, field)];
    if (ka === undefined || kb === undefined) return ka === kb ? cmp(a.id, b.id) : ka === undefined ? 1 : -1;
    const c = cmp(ka, kb) || cmp(a.id, b.id);
    return desc ? -c : c;
  };
}

/**
 * The first `limit` cards of a view in order, and its count, without resolving the whole view
 * (SPEC §9: first rows ≤ 300 ms at 100,000). Unfiltered: the sort index walked from its end with
 * `limit`, so ~limit records are read. Filtered: the filter indexes give the matching ids (keys
 * only, as resolveViewIds does, and the count with them); few matches are read and sorted in
 * memory, many are met early on the sort index (a filter on the cursor, limit).
 */
export async function firstRows(ctx: RepoContext, view: ViewSpec, limit: number, small = SMALL): Promise<FirstRows> {
  const { db } = ctx;
  const ordered = () => (view.desc ? db.customers.orderBy(view.sort).reverse() : db.customers.orderBy(view.sort));
  // Requests in flight together (no round trip waits on another). Not one transaction: awaiting a
  // helper that made no request loses Dexie's zone in Chromium; a live query re-runs on any write.
  const unfiltered = !view.trash && isUnfiltered(view);
  const [deleted, total, guess] = await Promise.all([
    deletedIds(ctx),
    unfiltered ? db.customers.count() : Promise.resolve(0),
    // Unfiltered: one getAll on the sort index (with a JS filter Dexie walks a cursor, one round
    // trip per record: 2 s for 60 rows while the page was still starting); deleted cards dropped below.
    unfiltered ? ordered().limit(limit + 20).toArray() : Promise.resolve([]),
  ]);
  const set = unfiltered ? undefined : await filterIds(ctx, view, deleted);
  const keep = (id: string) => (set ? set.has(id) : true) && (view.trash ? deleted.has(id) : !deleted.has(id));
  const count = set ? [...set].filter(keep).length : total - deleted.size;
  let rows: Customer[];
  if (set && set.size <= small) {
    const cards = (await db.customers.bulkGet([...set].filter(keep))).filter((c): c is Customer => !!c);
    rows = cards.sort(indexOrder(view.sort, view.desc)).slice(0, limit);
  } else {
    rows = guess.filter((c) => keep(c.id)).slice(0, limit);
    if (rows.length < Math.min(limit, count)) rows = await ordered().filter((c) => keep(c.id)).limit(limit).toArray();
  }
  if (rows.length >= Math.min(limit, count)) return { rows, count };
  // Cards without a value for the sort field are not in its index: the whole order is needed.
  const ids = (await resolveViewIds(ctx, view)).slice(0, limit);
  return { rows: (await db.customers.bulkGet(ids)).filter((c): c is Customer => !!c), count };
}
