import { computed, effect, signal, untracked, type ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { countCustomers, customersAt, openDatabase } from '../../lib/db/queries';
import { liveSignal, type LiveSignal } from '../../lib/state/live';
import { firstRows, type FirstRows } from '../../lib/workspace/first-rows';
import { FIRST_SCREEN } from '../../lib/workspace/early-rows';
import type { Customer } from '../../lib/domain';
import { resolveViewIds } from '../../lib/workspace/query';
import { windowIds } from '../../lib/workspace/window';
import { sameCards } from '../../lib/workspace/snapshot';
import { cacheRows, firstScreenSettled } from './state';
import type { ViewSpec } from '../../lib/workspace/view';

export { FIRST_SCREEN };
/** How long after the first screen is painted the work it does not need starts (firstScreenSettled). */
const SETTLE_MS = 1000;

/** Run `fn` once the next frame is painted (a task queued from requestAnimationFrame); returns a cancel. */
function afterPaint(fn: () => void): () => void {
  let h: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    h = setTimeout(fn, 0);
    return () => clearTimeout(h);
  }
  const f = requestAnimationFrame(() => { h = setTimeout(fn, 0); });
  return () => { cancelAnimationFrame(f); if (h !== undefined) clearTimeout(h); };
}

let marked = false;
/** The view's first-screen live query; the page's first run leaves performance marks (scripts/perf-workspace.mjs). */
/** Run `fn` after 3 s and then an idle moment; returns a cancel. */
function whenQuiet(fn: () => void): () => void {
  let idle: number | undefined;
  const h = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fn, { timeout: 2000 });
    else fn();
  }, 3000);
  return () => { clearTimeout(h); if (idle !== undefined) cancelIdleCallback(idle); };
}

const firstQuery = (view: ViewSpec) => liveSignal(async () => {
  const mark = !marked && typeof performance.mark === 'function';
  marked = true;
  if (mark) {
    performance.mark('cardfile:ws:first-rows-start');
    await openDatabase(getRepo());
    performance.mark('cardfile:ws:db-open');
  }
  const r = await firstRows(getRepo(), view, FIRST_SCREEN);
  if (mark) performance.mark('cardfile:ws:first-rows-done');
  return r;
});
const preloaded = new Map<string, LiveSignal<FirstRows>>();

const sameRows = (a: FirstRows, b: FirstRows) => a.deleted === b.deleted && sameCards(a.rows, b.rows);

/**
 * The live query, showing `early` (the same rows read before the page loaded) until its own first
 * run is in (it makes them follow writes). It starts once `early` has settled: the two reads would
 * only slow each other down.
 */
function seeded(view: ViewSpec, early: Promise<FirstRows | undefined>, fromDb?: Promise<FirstRows | undefined>): LiveSignal<FirstRows> {
  const seed = signal<FirstRows | undefined>(undefined);
  // The database's own read replaces what was shown when it differs (a snapshot is only a stand-in).
  void fromDb?.then((r) => { if (r && seed.peek() && !live.peek() && !sameRows(seed.peek()!, r)) seed.value = r; }, () => undefined);
  const live = signal<LiveSignal<FirstRows> | undefined>(undefined);
  let disposed = false;
  let started = false;
  const start = () => { if (!disposed && !started) { started = true; live.value = firstQuery(view); } };
  // With rows to show, the live query's first run (the same reads again) waits until the page has
  // settled; a write meanwhile is in what it reads. Without, it starts at once.
  let stop: (() => void) | undefined;
  early.then((r) => { seed.value = r; }, () => undefined).finally(() => {
    if (!seed.peek()) return start();
    stop = effect(() => { if (firstScreenSettled.value) untracked(start); });
  });
  return {
    value: computed(() => live.value?.value.value ?? seed.value),
    error: computed(() => live.value?.error.value),
    dispose: () => { disposed = true; stop?.(); live.peek()?.dispose(); },
  };
}

/**
 * Start a view's first-screen query now, before the page's components are mounted (the table
 * adopts it): the query runs while settings load and the tree renders. With `early` (the rows
 * already being read, lib/workspace/early-rows) those are shown first.
 */
export function preloadFirstRows(view: ViewSpec, early?: Promise<FirstRows | undefined>, fromDb?: Promise<FirstRows | undefined>): void {
  const key = JSON.stringify(view);
  if (!preloaded.has(key)) preloaded.set(key, early ? seeded(view, early, fromDb) : firstQuery(view));
}

// The unfiltered view's size: the store's count (a walk of the whole store at 100,000 cards),
// asked for once the first screen is painted and kept for the page's life (it follows writes).
// The last count is remembered (localStorage, this page's origin only) so the list has its true
// length at once on the next open, and the recount waits until the page has been idle a while:
// it holds IndexedDB for 0.1–0.8 s at 100,000 cards, which a first sort or filter would wait behind.
const COUNT_KEY = 'cardfile:workspace:count';
function remembered(): number | undefined {
  try {
    const n = Number(globalThis.localStorage?.getItem(COUNT_KEY) ?? NaN);
    return Number.isInteger(n) && n >= 0 ? n : undefined;
  } catch {
    return undefined;
  }
}
let total: LiveSignal<number> | undefined;
const totalCount = () => (total ??= liveSignal(async () => {
  const n = await countCustomers(getRepo());
  try { globalThis.localStorage?.setItem(COUNT_KEY, String(n)); } catch { /* storage full or absent: recount next time */ }
  return n;
}));
const totalAsked = signal(false);
const lastTotal = remembered();

/** Rows below the first screen, read on demand by position (windowIds) while the whole list is not known. */
export interface RowWindow {
  /** The id at a view position if read; otherwise asks for it (batched) and returns undefined. */
  idAt(position: number): string | undefined;
}

export interface ViewRows {
  first: ReadonlySignal<FirstRows | undefined>;
  /** How many cards the view holds, once known. */
  count: ReadonlySignal<number | undefined>;
  /** The whole view in order, once resolved (small views: with the first screen; large: on demand). */
  ids: ReadonlySignal<string[] | undefined>;
  window: RowWindow;
}

/**
 * A view for the table: its first screen at once (firstRows: ~60 records through an index; the
 * count with it when filtered), the unfiltered count after the first paint, and rows further down
 * by position from the nearer end of the sort index as they scroll into view. The whole ordered id
 * list (keys only, seconds of IndexedDB work at 100,000 cards) only when a window is too far from
 * both ends. Live queries: a write anywhere re-runs them.
 */
export function useViewRows(view: ViewSpec): ViewRows {
  const key = JSON.stringify(view);
  const first = useMemo(() => {
    const pre = preloaded.get(key);
    preloaded.delete(key);
    return pre ?? firstQuery(view);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const rows = useMemo(() => {
    const full = signal<LiveSignal<string[]> | undefined>(undefined);
    const needFull = () => { full.value ??= liveSignal(() => resolveViewIds(getRepo(), view)); };
    const ids = computed(() => full.value?.value.value ?? first.value.value?.ids);
    const count = computed(() => {
      const f = first.value.value;
      if (!f) return undefined;
      if (f.count !== undefined) return f.count;
      const all = (totalAsked.value ? totalCount().value.value : undefined) ?? lastTotal;
      return ids.value?.length ?? (all === undefined ? undefined : all - f.deleted);
    });
    const window = rowWindow(view, () => first.value.value, () => count.peek(), needFull);
    return { full, ids, count, window };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [first]);
  useEffect(() => {
    let cancel: (() => void) | undefined;
    let shown: (() => void) | undefined;
    const stopWait = effect(() => {
      const f = first.value.value;
      if (f && !shown && !firstScreenSettled.peek()) shown = afterPaint(() => { const h = setTimeout(() => { firstScreenSettled.value = true; }, SETTLE_MS); shown = () => clearTimeout(h); });
      rows.window.reset();
      if (!f || f.count !== undefined || cancel || totalAsked.peek()) return;
      // After the first screen is painted (the count must not delay it); with a remembered count,
      // once the page has been quiet a while.
      cancel = lastTotal === undefined ? afterPaint(() => { totalAsked.value = true; }) : whenQuiet(() => { totalAsked.value = true; });
    });
    // Positions read from the end depend on the count: read again when it changes (a recount).
    const stopCount = effect(() => { void rows.count.value; rows.window.reset(); });
    return () => { stopWait(); stopCount(); cancel?.(); shown?.(); rows.full.peek()?.dispose(); first.dispose(); };
  }, [first, rows]);
  return { first: first.value, count: rows.count, ids: rows.ids, window: rows.window };
}

/** Positions read by windowIds, batched per task; the records go straight into the row cache. */
function rowWindow(view: ViewSpec, first: () => FirstRows | undefined, count: () => number | undefined, tooFar: () => void): RowWindow & { reset(): void } {
  const positions = new Map<number, string>();
  const version = signal(0);
  const wanted = new Set<number>();
  let scheduled = false;
  let generation = 0;
  const load = async () => {
    scheduled = false;
    const f = first();
    const n = count();
    if (!f || n === undefined || !wanted.size) return;
    const at = [...wanted];
    wanted.clear();
    // A little past the visible rows on both sides: the next scroll step is often already there.
    const from = Math.max(0, Math.min(...at) - 10);
    const to = Math.min(n, Math.max(...at) + 11);
    const gen = generation;
    const ids = await windowIds(getRepo(), view, from, to, n, f.keep);
    if (gen !== generation) return;
    if (!ids) return tooFar();
    const cards = await customersAt(getRepo(), ids);
    if (gen !== generation) return;
    cacheRows(cards.filter((c): c is Customer => !!c));
    ids.forEach((id, k) => positions.set(from + k, id));
    version.value += 1;
  };
  return {
    idAt(position) {
      void version.value; // subscribe: re-render when a window arrives
      const id = positions.get(position);
      if (id !== undefined) return id;
      wanted.add(position);
      if (!scheduled) {
        scheduled = true;
        setTimeout(() => void load().catch((e: unknown) => {
          // A failed read must not leave rows waiting for ever: the whole list takes over.
          console.error('Cardfile: reading rows by position failed', e);
          tooFar();
        }), 0);
      }
      return undefined;
    },
    reset() {
      generation += 1;
      positions.clear();
      wanted.clear();
      scheduled = false;
      version.value = version.peek() + 1; // rows waiting for a dropped window ask again (peek: no effect subscribes)
    },
  };
}

/** Stand-in ids for rows below the first screen until the full list is known (keeps the scrollbar true). */
export const PLACEHOLDER = '\u0000';
export function withPlaceholders(first: FirstRows, count: number): string[] {
  const ids = first.rows.map((r) => r.id);
  for (let i = ids.length; i < count; i++) ids.push(`${PLACEHOLDER}${i}`);
  return ids;
}

/** The view position a stand-in id holds. */
export const placeholderPosition = (id: string) => Number(id.slice(PLACEHOLDER.length));
