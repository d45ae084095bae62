import type { Customer } from '../domain';
import type { RepoContext } from '../db/context';
import { deletedIds, filterIds, resolveViewIds } from './query';
import { isUnfiltered, type ViewSpec } from './view';

/** The first screen of a view and how many cards it holds. */
export interface FirstRows {
  rows: Customer[];
  /**
   * How many cards the view holds; undefined for the unfiltered view (a count() over 100,000
   * cards is a walk of the whole store: the table asks for it after the first screen, see viewCount).
   */
  count: number | undefined;
  /** Soft-deleted cards (the unfiltered view's count is the store's count less these). */
  deleted: number;
  /** Whether a card belongs to the view (filters, Trash rule): for reading further windows. */
  keep(id: string): boolean;
  /** The whole view in order, when it was small enough to be ordered in memory. */
  ids?: string[];
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
 * memory, many are met early on the sort index: its primary keys are read in growing stretches
 * (keys only, one request each) until `limit` of them match, then just those records.
 */
export async function firstRows(ctx: RepoContext, view: ViewSpec, limit: number, small = SMALL): Promise<FirstRows> {
  const { db } = ctx;
  const ordered = () => (view.desc ? db.customers.orderBy(view.sort).reverse() : db.customers.orderBy(view.sort));
  const headKeys = async (n: number) => (await ordered().limit(n).primaryKeys()) as string[];
  // Requests in flight together (no round trip waits on another). Not one transaction: awaiting a
  // helper that made no request loses Dexie's zone in Chromium; a live query re-runs on any write.
  const unfiltered = !view.trash && isUnfiltered(view);
  const [deleted, guess] = await Promise.all([
    deletedIds(ctx),
    // Unfiltered: one getAll on the sort index (with a JS filter Dexie walks a cursor, one round
    // trip per record: 2 s for 60 rows while the page was still starting); deleted cards dropped below.
    unfiltered ? ordered().limit(limit + 20).toArray() : Promise.resolve([]),
  ]);
  const set = unfiltered ? undefined : await filterIds(ctx, view, deleted);
  const keep = (id: string) => (set ? set.has(id) : true) && (view.trash ? deleted.has(id) : !deleted.has(id));
  const matching = set ? [...set].filter(keep) : undefined;
  const count = matching?.length;
  const want = Math.min(limit, count ?? limit);
  const out = (rows: Customer[], ids?: string[]): FirstRows => ({ rows, count, deleted: deleted.size, keep, ...(ids ? { ids } : {}) });
  const cards = async (ids: string[]) => (await db.customers.bulkGet(ids)).filter((c): c is Customer => !!c);
  if (matching && matching.length <= small) {
    const all = (await cards(matching)).sort(indexOrder(view.sort, view.desc));
    return out(all.slice(0, limit), all.map((c) => c.id));
  }
  let rows = matching ? [] : guess.filter((c) => keep(c.id)).slice(0, limit);
  // Filtered, or deleted cards at the top: keys first, then just the records wanted.
  if (matching || (rows.length < limit && guess.length === limit + 20)) rows = await cards(await firstMatches(headKeys, keep, want));
  // Short of the first screen, the index ended: the view may hold cards it does not list.
  if (rows.length >= want) return out(rows);
  // Cards without a value for the sort field are not in its index: the whole order is needed.
  const ids = await resolveViewIds(ctx, view);
  return { ...out((await db.customers.bulkGet(ids.slice(0, limit))).filter((c): c is Customer => !!c), ids), count: ids.length };
}

/** How many cards the unfiltered view holds (firstRows leaves it out): the store's count less the deleted. */
export async function viewCount(ctx: RepoContext, deleted: number): Promise<number> {
  return (await ctx.db.customers.count()) - deleted;
}

/**
 * The first `want` ids on the sort index that `keep` allows: its primary keys read in stretches,
 * four times longer each time, until enough are met or the index ends.
 */
async function firstMatches(headKeys: (n: number) => Promise<string[]>, keep: (id: string) => boolean, want: number): Promise<string[]> {
  let stretch = Math.max(500, want * 4);
  for (;;) {
    const keys = await headKeys(stretch);
    const hit: string[] = [];
    for (const id of keys) if (keep(id) && hit.push(id) >= want) return hit;
    if (keys.length < stretch) return hit;
    stretch *= 4;
  }
}
