import type { Settings } from '../domain';
import { startVault } from '../security/vault';
import { loadSettings, watchSettings } from '../settings';
import { makeContext, type RepoContext } from './context';
import { CardfileDb } from './schema';

let shared: RepoContext | undefined;

/**
 * The database context of this extension page or the background: one Dexie instance, settings
 * read from storage once and kept current by a watcher. Pages write directly (same origin);
 * content scripts never open it (their IndexedDB would be the web page's).
 */
export function getRepo(): RepoContext {
  if (shared) return shared;
  let cached: Promise<Settings> = loadSettings();
  watchSettings((s) => { cached = Promise.resolve(s); });
  // Before the first query: writes wait until this context knows whether the lock is on.
  void startVault();
  shared = makeContext(new CardfileDb(), { settings: () => cached });
  // A page's write to a synced table: the background pushes it ~2 s later (its own writes call in directly).
  shared.db.sync.onRecorded = pokeSync;
  return shared;
}

function pokeSync(): void {
  const runtime = (globalThis as { chrome?: { runtime?: { id?: string; sendMessage?(m: unknown): Promise<unknown> } } }).chrome?.runtime;
  if (!runtime?.id || !runtime.sendMessage || !('document' in globalThis)) return;
  runtime.sendMessage({ type: 'sync/poke', payload: {} })?.catch(() => undefined);
}
