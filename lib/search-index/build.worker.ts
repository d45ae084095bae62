/**
 * Builds the search index off the main thread the first time a page needs it (or after the
 * persisted one was found stale): reading 100,000 cards and converting pinyin takes seconds,
 * and the panel must stay responsive meanwhile. The worker shares the extension's origin, so it
 * opens the same IndexedDB.
 */
import { CardfileDb } from '../db/schema';
import { buildFromDb } from './from-db';
import { transferables } from '../search/compact';

self.onmessage = async () => {
  try {
    const built = await buildFromDb(new CardfileDb());
    const { blob } = built;
    (self as unknown as Worker).postMessage({ ok: true, built }, transferables(blob));
  } catch (e) {
    (self as unknown as Worker).postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};
