import { effect, signal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { getRepo } from '../../lib/db';
import { liveSignal, useLive, type LiveSignal } from '../../lib/state/live';
import { firstRows, type FirstRows } from '../../lib/workspace/first-rows';
import { resolveViewIds } from '../../lib/workspace/query';
import type { ViewSpec } from '../../lib/workspace/view';

/** Rows read for the first screen: a tall window's worth, plus room to start scrolling. */
export const FIRST_SCREEN = 60;

/** Run `fn` when the page is idle (after the first screen is painted); returns a cancel. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(fn, { timeout: 200 });
    return () => cancelIdleCallback(h);
  }
  const h = setTimeout(fn, 30);
  return () => clearTimeout(h);
}

/**
 * A view for the table: its first screen and count at once (firstRows: ~60 records through an
 * index), then, once that has been drawn, the whole ordered id list in the background
 * (resolveViewIds: index keys only) for scrolling, select-all and export. Both are live queries:
 * a write anywhere re-runs them.
 */
export function useViewRows(view: ViewSpec): { first: ReadonlySignal<FirstRows | undefined>; ids: ReadonlySignal<string[] | undefined> } {
  const key = JSON.stringify(view);
  const first = useLive(() => firstRows(getRepo(), view, FIRST_SCREEN), [key]);
  const ids = useMemo(() => signal<string[] | undefined>(undefined), [key]);
  useEffect(() => {
    let full: LiveSignal<string[]> | undefined;
    let cancel: (() => void) | undefined;
    let stopSync: (() => void) | undefined;
    const stopWait = effect(() => {
      if (first.value.value === undefined || cancel) return;
      cancel = whenIdle(() => {
        full = liveSignal(() => resolveViewIds(getRepo(), view));
        const live = full;
        stopSync = effect(() => { ids.value = live.value.value; });
      });
    });
    return () => { stopWait(); cancel?.(); stopSync?.(); full?.dispose(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [first, ids]);
  return { first: first.value, ids };
}

/** Stand-in ids for rows below the first screen until the full list is known (keeps the scrollbar true). */
export const PLACEHOLDER = '\u0000';
export function withPlaceholders(first: FirstRows): string[] {
  const ids = first.rows.map((r) => r.id);
  for (let i = ids.length; i < first.count; i++) ids.push(`${PLACEHOLDER}${i}`);
  return ids;
}
