import { createStore, get, type UseStore } from 'idb-keyval';

/** Where a page's search index is persisted (SPEC §6: page-local blobs live in idb-keyval). */
export const PERSISTED_KEY = 'customers';
let defaultKv: UseStore | undefined;
export const defaultIndexStore = (): UseStore => (defaultKv ??= createStore('cardfile-search', 'index'));

/**
 * Start reading the persisted index before the page's modules load (the side panel's entry does):
 * after the browser has been idle, opening the index's IndexedDB costs hundreds of milliseconds,
 * which then overlap loading the page instead of following it. Undefined when there is none.
 */
export function readPersistedEarly(): Promise<unknown> {
  return get(PERSISTED_KEY, defaultIndexStore()).catch(() => undefined);
}
