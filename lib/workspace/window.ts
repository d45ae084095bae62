import type { RepoContext } from '../db/context';
import type { SortField, ViewSpec } from './view';

/** Sort fields a card may lack: such cards are not in the field's index and close the view (resolveViewIds). */
const OPTIONAL_SORT: readonly SortField[] = ['lastInteractionAt'];

/** Index entries read at most for one window (beyond that the caller resolves the whole list). */
export const WINDOW_BUDGET = 30_000;

/**
 * The ids at positions [from, to) of a view holding `count` cards, read from the nearer end of
 * its sort index: primary keys only (getAllKeys with a direction and a count, no cursor), in
 * growing stretches until enough of them pass `keep` (the view's filters and the Trash rule).
 * Scrolling to the end of 100,000 cards reads a screenful of keys from the far end instead of
 * all 100,000. Undefined when the nearer end is more than `budget` entries away, or when the
 * view's end cannot be read from the index (a sort field some cards lack): the caller then
 * needs the whole ordered list.
 */
export async function windowIds(
  ctx: RepoContext, view: ViewSpec, from: number, to: number, count: number, keep: (id: string) => boolean, budget = WINDOW_BUDGET,
): Promise<string[] | undefined> {
  to = Math.min(to, count);
  if (from >= to) return [];
  const fromEnd = !OPTIONAL_SORT.includes(view.sort) && count - from < to;
  const need = fromEnd ? count - from : to;
  if (need > budget) return undefined;
  // The index's own order is ascending; the view's end is its start when the view is descending.
  const backwards = fromEnd ? !view.desc : view.desc;
  const read = async (n: number) => {
    const c = ctx.db.customers.orderBy(view.sort);
    return (await (backwards ? c.reverse() : c).limit(n).primaryKeys()) as string[];
  };
  let stretch = Math.min(budget, Math.max(need + 100, need * 2));
  for (;;) {
    const keys = await read(stretch);
    const hits: string[] = [];
    for (const id of keys) if (keep(id) && hits.push(id) >= need) break;
    if (hits.length >= need) return fromEnd ? positionsFromEnd(hits, count, from, to) : hits.slice(from, to);
    // The index ended first (cards without the field) or the count is out of date.
    if (keys.length < stretch || stretch >= budget) return undefined;
    stretch = Math.min(budget, stretch * 4);
  }
}

/** `hits` lists the view from its last card backwards: position p is hits[count - 1 - p]. */
function positionsFromEnd(hits: string[], count: number, from: number, to: number): string[] {
  const out: string[] = [];
  for (let p = from; p < to; p++) out.push(hits[count - 1 - p]!);
  return out;
}
