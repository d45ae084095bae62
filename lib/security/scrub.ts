import { toBase64 } from './crypto';

/**
 * Push old plaintext out of the browser's IndexedDB files after the lock sealed every record.
 *
 * Chromium keeps an extension's IndexedDB in one LevelDB: an overwritten record's old bytes stay
 * in the write-ahead log and in level-0 tables until a compaction merges them away, and the
 * browser's own full compaction runs only when no page holds a connection (never while the
 * background has one). Writing a few write-buffers' worth of scratch data into a throw-away
 * database rotates the log (the old one is deleted) and fills level 0 past its compaction
 * trigger. Each round also writes one Cardfile record back exactly as stored (the lowest key of
 * the first store): every new table then spans the whole of Cardfile's key range, so the
 * compaction must merge the tables that still hold the old versions (tables that do not overlap
 * are only moved down a level, old versions and all) and keeps only the sealed ones. The scratch
 * database is then deleted. Measured by tests/e2e/lock-profile.spec.ts, which
 * greps the closed profile's files.
 */
const SCRATCH_DB = 'cardfile-scrub';
/** Chromium's IndexedDB write buffer is 4 MiB and level 0 compacts at 4 files: 6 buffers' worth with margin. */
const SCRATCH_BYTES = 24 << 20;
/** Below Chromium's 64 KiB threshold, above which a value is kept as a blob file outside LevelDB. */
const PIECE_BYTES = 32 << 10;
const PIECES_PER_TX = 32;

function request<T>(r: IDBRequest<T> | IDBOpenDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result as T);
    r.onerror = () => reject(r.error);
  });
}

/** Random (incompressible) text of about `bytes` characters. */
function noise(bytes: number): string {
  const raw = new Uint8Array((bytes * 3) >> 2);
  for (let i = 0; i < raw.length; i += 65_536) crypto.getRandomValues(raw.subarray(i, Math.min(raw.length, i + 65_536)));
  return toBase64(raw);
}

/** Chromium's LevelDB is what keeps old versions this way (Firefox stores IndexedDB in SQLite). */
const isChromium = () => /Chrom(e|ium)\//.test(globalThis.navigator?.userAgent ?? '');

const done = (tx: IDBTransaction) => new Promise<void>((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onerror = () => reject(tx.error);
  tx.onabort = () => reject(tx.error);
});

/** The lowest record of the database's first store, as stored (raw: no Dexie layer), or undefined when empty. */
async function lowestRecord(db: IDBDatabase): Promise<{ store: string; key: IDBValidKey; value: unknown } | undefined> {
  const store = db.objectStoreNames[0];
  if (!store) return undefined;
  const cursor = await request(db.transaction(store).objectStore(store).openCursor());
  return cursor ? { store, key: cursor.primaryKey, value: cursor.value } : undefined;
}

export async function scrubStorage(
  idb: IDBFactory | undefined = globalThis.indexedDB, dbName = 'cardfile', total = SCRATCH_BYTES, force = false,
): Promise<void> {
  if (!idb || (!force && !isChromium())) return;
  const main = await request<IDBDatabase>(idb.open(dbName));
  const open = idb.open(SCRATCH_DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('scratch');
  const scratch = await request<IDBDatabase>(open);
  try {
    for (let i = 0; i * PIECE_BYTES * PIECES_PER_TX < total; i++) {
      // Read fresh each round: a write meanwhile is never undone by putting back an older copy.
      const low = await lowestRecord(main);
      if (low) {
        const tx = main.transaction(low.store, 'readwrite');
        const store = tx.objectStore(low.store);
        // Only when it is still the same record (read and put in one transaction).
        const r = store.get(low.key);
        r.onsuccess = () => { if (r.result !== undefined) store.put(r.result, store.keyPath === null ? low.key : undefined); };
        await done(tx);
      }
      const tx = scratch.transaction('scratch', 'readwrite');
      const store = tx.objectStore('scratch');
      for (let j = 0; j < PIECES_PER_TX; j++) store.put(noise(PIECE_BYTES), j);
      await done(tx);
    }
  } finally {
    scratch.close();
    main.close();
  }
  await request(idb.deleteDatabase(SCRATCH_DB));
}
