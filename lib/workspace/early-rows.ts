import type { Customer } from '../domain/customer';
import { restoreEmpty } from '../db/compact-middleware';
import type { FirstRows } from './first-rows';

/** Rows read for the first screen: a tall window's worth, plus room to start scrolling. */
export const FIRST_SCREEN = 60;
/** Extra rows read past the first screen, standing in for soft-deleted cards among the newest. */
const SPARE = 20;

/** What the raw read found: the newest cards (updatedAt index, newest first) and the deleted ids. */
export interface EarlyRead {
  newest: Customer[];
  deleted: Set<string>;
}

const done = <T>(req: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});

/** The connection to an existing database, or undefined when there is none (it is not created here). */
function openExisting(idb: IDBFactory, name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(name);
    } catch {
      return resolve(undefined);
    }
    // No database yet: creating one here (version 1, no stores) would get in Dexie's way.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => {
      const db = req.result;
      // A newer Cardfile page upgrading the schema must not wait on this connection.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => resolve(undefined);
    req.onblocked = () => resolve(undefined);
  });
}

/** The newest `n` records of an index: one request where the browser reads backwards (getAllRecords), else a cursor. */
function newestOf(index: IDBIndex, n: number): Promise<unknown[]> {
  const withRecords = index as IDBIndex & { getAllRecords?: (o: { count: number; direction: IDBCursorDirection }) => IDBRequest<{ value: unknown }[]> };
  if (typeof withRecords.getAllRecords === 'function') {
    return done(withRecords.getAllRecords({ count: n, direction: 'prev' })).then((rs) => rs.map((r) => r.value));
  }
  return new Promise((resolve, reject) => {
    const out: unknown[] = [];
    const req = index.openCursor(null, 'prev');
    req.onsuccess = () => {
      const c = req.result;
      if (!c || out.push(c.value) >= n) return resolve(out);
      c.continue();
    };
    req.onerror = () => reject(req.error);
  });
}

/**
 * The default view's first screen read straight through IndexedDB, without Dexie: the workspace
 * page starts it before its modules load (SPEC §9: first rows ≤ 300 ms at 100,000), so opening the
 * database overlaps loading the page. The same reads as firstRows' unfiltered path (the deletedAt
 * index's keys, the updatedAt index from its end) and the records as the compact layer hands them
 * up. Undefined (the page then asks through Dexie) when there is no database, a read fails, or a
 * record is sealed by the passphrase lock (only the crypto layer may open it).
 */
export async function readNewest(idb: IDBFactory, name: string, limit = FIRST_SCREEN): Promise<EarlyRead | undefined> {
  const db = await openExisting(idb, name);
  if (!db) return undefined;
  performance.mark('cardfile:ws:early-open');
  try {
    const store = db.transaction('customers', 'readonly').objectStore('customers');
    const [deleted, newest] = await Promise.all([
      done(store.index('deletedAt').getAllKeys(IDBKeyRange.lowerBound(-1, true))),
      newestOf(store.index('updatedAt'), limit + SPARE),
    ]);
    // Sealed records carry `__enc` (lib/security/records isSealed, not imported: it pulls in the domain).
    if (newest.some((v) => typeof v !== 'object' || v === null || '__enc' in v)) return undefined;
    return { newest: newest.map((v) => restoreEmpty('customers', v) as Customer), deleted: new Set(deleted as string[]) };
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

/**
 * The default view's FirstRows from an early read, as firstRows would give them; undefined when
 * the read cannot say (deleted cards filled the spare rows, or the index ended short of the
 * screen: cards without updatedAt are only in the full order), and firstRows must run.
 */
export function earlyFirstRows(read: EarlyRead, limit = FIRST_SCREEN): FirstRows | undefined {
  const { newest, deleted } = read;
  const keep = (id: string) => !deleted.has(id);
  const rows = newest.filter((c) => keep(c.id)).slice(0, limit);
  if (rows.length < limit) return undefined;
  return { rows, count: undefined, deleted: deleted.size, keep };
}
