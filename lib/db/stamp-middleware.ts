import type { DBCore, Middleware } from 'dexie';
import { CUSTOMERS_STAMP_KEY, FIRST_SCREEN_SNAPSHOT_KEY } from './name';

interface LocalArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/**
 * The extension's storage.local where this context has one, looked up at run time: the database
 * module also runs in the search index's worker and in Node scripts, where there is none and where
 * loading the webextension polyfill (wxt/browser) throws ("only be loaded in a browser extension").
 */
export function extensionLocalArea(): LocalArea | undefined {
  const g = globalThis as { browser?: { storage?: { local?: LocalArea } }; chrome?: { storage?: { local?: LocalArea } } };
  return g.browser?.storage?.local ?? g.chrome?.storage?.local;
}

/**
 * After every committed write to the customers table, from whichever context (pages, the
 * background, a restore, a sync pull), give the table a new stamp and drop the workspace's
 * first-screen snapshot (issue 18: a cold workspace paints from it, so it must never be stale; and
 * it must not outlive the passphrase lock turning on, whose sealing pass writes every card).
 * Writes close together share one storage call.
 */
let pending = false;
function restamp(): void {
  if (pending) return;
  pending = true;
  setTimeout(() => {
    pending = false;
    const local = extensionLocalArea();
    if (!local) return; // no extension storage here (a worker, Node): the pages and the background keep it in step
    void local.set({ [CUSTOMERS_STAMP_KEY]: `${Date.now()}-${Math.random().toString(36).slice(2, 8)}` })
      .then(() => local.remove(FIRST_SCREEN_SNAPSHOT_KEY))
      .catch(() => undefined);
  }, 0);
}

export const stampMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'cardfile-customers-stamp',
  create(down) {
    return {
      ...down,
      table(name: string) {
        const table = down.table(name);
        if (name !== 'customers') return table;
        return {
          ...table,
          mutate(req) {
            const idb = req.trans as unknown as IDBTransaction;
            // Once the transaction commits (an aborted one changed nothing).
            if (typeof idb?.addEventListener === 'function') idb.addEventListener('complete', restamp, { once: true });
            else restamp();
            return table.mutate(req);
          },
        };
      },
    };
  },
};
