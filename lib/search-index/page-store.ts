import type { RepoContext } from '../db/context';
import { buildFromDb, type BuiltIndex } from './from-db';
import { SearchStore } from './store';

/** Build in a worker where there is one (extension pages), on this thread otherwise (tests). */
function buildInWorker(ctx: RepoContext): Promise<BuiltIndex> {
  if (typeof Worker === 'undefined') return buildFromDb(ctx.db);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./build.worker.ts', import.meta.url), { type: 'module' });
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

/** A page's search store over this database (with the persisted index's read, when already started). */
export function openSearchStore(ctx: RepoContext, preRead?: Promise<unknown>): SearchStore {
  return new SearchStore(ctx.db, { build: () => buildInWorker(ctx), preRead });
}
