import type { RepoContext } from '../db/context';
import { isUnfiltered, listFilters, type ViewSpec } from './view';

/** Ids of soft-deleted cards: the deletedAt index holds only those (null is not a key). */
export async function deletedIds(ctx: RepoContext): Promise<Set<string>> {
  return new Set((await ctx.db.customers.where('deletedAt').above(-1).primaryKeys()) as string[]);
}

type Db = RepoContext['db'];

/**
 * Ids whose `field` holds any of `values`: one key range per value (getAllKeys in IndexedDB),
 * in parallel. Dexie's anyOf() walks a cursor instead, one round trip per matching card (a value
 * tier holding 20,000 cards took ~250 ms that way at 100,000).
 */
async function idsWhere(db: Db, field: string, values: readonly string[]): Promise<Set<string>> {
  const lists = await Promise.all(values.map((v) => db.customers.where(field).equals(v).primaryKeys()));
  if (lists.length === 1) return new Set(lists[0] as string[]);
  const out = new Set<string>();
  for (const list of lists) for (const id of list as string[]) out.add(id);
  return out;
}

function intersect(a: Set<string> | undefined, b: Set<string>): Set<string> {
  if (!a) return b;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  const out = new Set<string>();
  for (const x of small) if (big.has(x)) out.add(x);
  return out;
}

/**
 * The ids the view's filters allow (the Trash: only deleted cards), from indexes only; undefined
 * when nothing is filtered. Every filter's index lookup is in flight at once, then intersected.
 * Only queries are awaited, so it also runs inside a Dexie transaction (a native await on
 * anything else loses Dexie's zone in Chromium: PrematureCommitError).
 */
export async function filterIds(ctx: RepoContext, view: ViewSpec, deleted: Set<string>): Promise<Set<string> | undefined> {
  const { db } = ctx;
  const lookups: Promise<Set<string>>[] = [];
  for (const f of listFilters) {
    if (f === 'tags') for (const tag of view.tags) lookups.push(idsWhere(db, 'tags', [tag]));
    else if (view[f].length) lookups.push(idsWhere(db, f, view[f] as string[]));
  }
  const prefix = view.namePrefix.trim();
  if (prefix) lookups.push(db.customers.where('name').startsWithIgnoreCase(prefix).primaryKeys().then((k) => new Set(k as string[])));
  const sets = await Promise.all(lookups);
  let set: Set<string> | undefined = view.trash ? deleted : undefined;
  // Smallest first: every intersection is then at most the size of the smallest list.
  // A picked set (a chart's click-through) needs no query: intersected like one.
  if (view.ids?.length) sets.push(new Set(view.ids));
  for (const s of sets.sort((a, b) => a.size - b.size)) set = intersect(set, s);
  return set;
}

/**
 * The view's ids in order from the sort index's primary keys (`ordered`, already in the view's
 * direction) and, when some cards lack the sort field (they are not in its index), every id
 * (`all`): those are appended. Kept: ids the filters allow (`set`, undefined = all), deleted
 * cards only in the Trash.
 */
export function orderIds(ordered: readonly string[], all: readonly string[] | undefined, set: Set<string> | undefined, deleted: Set<string>, trash: boolean): string[] {
  let ids: readonly string[] = ordered;
  if (all && all.length > ordered.length) {
    const seen = new Set(ordered);
    ids = ordered.concat(all.filter((id) => !seen.has(id)));
  }
  if (trash) {
    const keep = set ?? deleted; // the Trash's filters start from the deleted cards
    return ids.filter((id) => keep.has(id));
  }
  if (set) return ids.filter((id) => set.has(id) && !deleted.has(id));
  return deleted.size ? ids.filter((id) => !deleted.has(id)) : [...ids];
}

/**
 * The ordered ids of a view, computed from indexes only (primary keys, never the records):
 * each filter is one index lookup, intersected; the order comes from the sort field's index,
 * with cards lacking that field appended. 100k ids ≈ 4 MB, versus ≈ 144 MB for the records.
 * The table draws its first screen from firstRows and runs this in the background. All the
 * reads are in flight together, in one read transaction (one consistent state).
 */
export async function resolveViewIds(ctx: RepoContext, view: ViewSpec): Promise<string[]> {
  const { db } = ctx;
  return db.transaction('r', db.customers, async () => {
    const [deleted, ordered, total] = await Promise.all([
      db.customers.where('deletedAt').above(-1).primaryKeys().then((k) => new Set(k as string[])),
      db.customers.orderBy(view.sort).primaryKeys() as Promise<string[]>,
      db.customers.count(),
    ]);
    const set = isUnfiltered(view) ? undefined : await filterIds(ctx, view, deleted);
    if (view.desc) ordered.reverse();
    // Cards without a value for the sort field are not in its index: append them (in id order).
    const all = ordered.length < total ? ((await db.customers.toCollection().primaryKeys()) as string[]) : undefined;
    return orderIds(ordered, all, set, deleted, view.trash);
  });
}

/** Distinct values of an indexed field (owners, tags, industries) for the filter menus. */
export async function indexValues(ctx: RepoContext, field: 'owner' | 'tags' | 'industry'): Promise<string[]> {
  const keys = (await ctx.db.customers.orderBy(field).uniqueKeys()) as string[];
  return keys.filter((k) => typeof k === 'string' && k !== '');
}
