import { signal } from '@preact/signals';
import { savedViewsItem } from '../../lib/storage/items';
import type { Customer } from '../../lib/domain';
import { getRepo } from '../../lib/actions/context';
import { customersAt } from '../../lib/db/queries';
import { emptyView, savedViewSchema, type SavedView, type ViewSpec } from '../../lib/workspace/view';

/** The table's current view and its ordered ids (shared with export: "export the current view"). */
export const currentView = signal<ViewSpec>(emptyView());
export const currentIds = signal<string[] | undefined>(undefined);
/**
 * The table's first screen was painted a moment ago (1 s): work it does not need (the filter lists,
 * the live re-read of the rows) starts then, not beside the first rows' reads or the first scroll.
 */
export const firstScreenSettled = signal(false);
/** Ids ticked in the table. */
export const selection = signal<ReadonlySet<string>>(new Set());

/** Named filters, kept in extension storage (small; not in the customer database). */
export { savedViewsItem };
export async function loadSavedViews(): Promise<SavedView[]> {
  return (await savedViewsItem.getValue()).flatMap((v) => {
    const r = savedViewSchema.safeParse(v);
    return r.success ? [r.data] : [];
  });
}

// Row records for the visible rows only: loaded in batches with bulkGet as rows mount.
const rowCache = new Map<string, Customer>();
const pending = new Set<string>();
let flushScheduled = false;
export const rowsVersion = signal(0);

/** The record of a row if loaded; otherwise asks for it (batched) and returns undefined. */
export function rowRecord(id: string): Customer | undefined {
  void rowsVersion.value; // subscribe: re-render when a batch arrives
  const c = rowCache.get(id);
  if (c) return c;
  pending.add(id);
  if (!flushScheduled) {
    flushScheduled = true;
    setTimeout(() => {
      flushScheduled = false;
      const ids = [...pending];
      pending.clear();
      void customersAt(getRepo(), ids).then((rows) => {
        rows.forEach((r) => { if (r) rowCache.set(r.id, r); });
        if (rowCache.size > 5000) for (const k of [...rowCache.keys()].slice(0, rowCache.size - 3000)) rowCache.delete(k);
        rowsVersion.value += 1;
      });
    }, 0);
  }
  return undefined;
}

/** Forget loaded rows (the data changed). */
export function invalidateRows(): void {
  rowCache.clear();
  rowsVersion.value += 1;
}

/**
 * Start over from rows already read (a view's first screen), so they draw without another round
 * trip. Called while the table renders: no signal is written (its rows read the cache as they render).
 */
export function resetRows(rows: readonly Customer[]): void {
  rowCache.clear();
  for (const r of rows) rowCache.set(r.id, r);
}

/** Add rows read elsewhere (a window of the table) to the cache. */
export function cacheRows(rows: readonly Customer[]): void {
  for (const r of rows) rowCache.set(r.id, r);
  if (rowCache.size > 5000) for (const k of [...rowCache.keys()].slice(0, rowCache.size - 3000)) rowCache.delete(k);
}
