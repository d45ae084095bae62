import { signal } from '@preact/signals';
import { getRepo } from '../../lib/db';
import type { BuiltIndex } from '../../lib/search/from-db';
import { buildFromDb } from '../../lib/search/from-db';
import { SearchStore } from '../../lib/search/store';

let store: SearchStore | undefined;
/** Bumped whenever the index's status or data changes, so views re-run their searches. */
export const searchVersion = signal(0);

/** Build in a worker where there is one (extension pages), on this thread otherwise (tests). */
function buildInWorker(): Promise<BuiltIndex> {
  if (typeof Worker === 'undefined') return buildFromDb(getRepo().db);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../lib/search/build.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ ok: true; built: BuiltIndex } | { ok: false; error: string }>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.built);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage('build');
  });
}

/** The page's one search store, opened on first use (with the persisted index's read, when already started). */
export function getSearchStore(preRead?: Promise<unknown>): SearchStore {
  if (store) return store;
  store = new SearchStore(getRepo().db, { build: buildInWorker, preRead });
  // Diagnostics for the benchmark (scripts/bench-sidepanel.mjs): restore/build/ready timings.
  (globalThis as { __cardfileSearchTimings?: unknown }).__cardfileSearchTimings = store.timings;
  store.subscribe(() => {
    searchVersion.value++;
  });
  return store;
}
