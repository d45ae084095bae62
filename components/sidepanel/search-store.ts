import { signal } from '@preact/signals';
import { getRepo } from '../../lib/actions/context';
import { openSearchStore } from '../../lib/search-index/page-store';
import type { SearchStore } from '../../lib/search-index/store';

let store: SearchStore | undefined;
/** Bumped whenever the index's status or data changes, so views re-run their searches. */
export const searchVersion = signal(0);

/** The page's one search store, opened on first use (with the persisted index's read, when already started). */
export function getSearchStore(preRead?: Promise<unknown>): SearchStore {
  if (store) return store;
  store = openSearchStore(getRepo(), preRead);
  // Diagnostics for the benchmark (scripts/bench-sidepanel.mjs): restore/build/ready timings.
  (globalThis as { __cardfileSearchTimings?: unknown }).__cardfileSearchTimings = store.timings;
  store.subscribe(() => {
    searchVersion.value++;
  });
  return store;
}
