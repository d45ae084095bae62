import Dexie, { type DBCore, type DBCoreCursor, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { lookupHash } from '../security/crypto';
import { isSealed, isSealedTable, lockedPlainWrite, lockedRewrite, openRecord, sealRecord, type SealedTable } from '../security/records';
import { cryptoState, LockedError } from '../security/state';

/**
 * The passphrase lock at the database boundary (SPEC §8): repositories keep working on plain
 * records while this layer seals them on write and opens them on read. With the lock off and no
 * sealed record in sight every call goes straight down (the plaintext path stays as fast as before).
 *
 * WebCrypto is asynchronous and IndexedDB commits a transaction that has no pending request, so
 * every await on crypto inside a transaction runs under `keepAlive`, which keeps a cheap read
 * pending until the crypto is done and resumes inside that request's success event.
 */
type Rec = Record<string, unknown> & { id: string };

function keepAlive<T>(trans: DBCoreTransaction, work: Promise<T>): Promise<T> {
  const idb = trans as unknown as IDBTransaction;
  let store: IDBObjectStore;
  try {
    store = idb.objectStore(idb.objectStoreNames[0]!);
  } catch {
    return work; // the transaction is already over: nothing to keep alive
  }
  return new Promise<T>((resolve, reject) => {
    let settled: { ok: true; v: T } | { ok: false; e: unknown } | undefined;
    work.then((v) => { settled = { ok: true, v }; }, (e: unknown) => { settled = { ok: false, e }; });
    const spin = () => {
      let req: IDBRequest;
      try {
        req = store.get(-Infinity);
      } catch {
        void work.then(resolve, reject);
        return;
      }
      req.onsuccess = () => {
        if (!settled) spin();
        else if (settled.ok) resolve(settled.v);
        else reject(settled.e);
      };
      req.onerror = () => reject(req.error);
    };
    spin();
  });
}

/**
 * The plaintext path: with the lock off the call goes straight down. Otherwise results are handed
 * back as Dexie promises created while the caller's zone is current: the layers above
 * (hooks, observability) read the running transaction from that zone after our awaits.
 */
function fast<A, T>(direct: (req: A) => Promise<T>, fn: (req: A) => Promise<T>): (req: A) => Promise<T> {
  return (req) => (idle() ? direct(req) : (Dexie.Promise.resolve(fn(req)) as unknown as Promise<T>));
}

const needsOpening = (values: unknown[]) => !!cryptoState.keys && values.some(isSealed);

async function openAll(table: SealedTable, values: unknown[]): Promise<unknown[]> {
  const keys = cryptoState.keys;
  if (!keys) return values;
  return Promise.all(values.map((v) => (isSealed(v) ? openRecord(keys, table, v as Rec) : v)));
}

/** An in-memory cursor over already opened values, for reads that Dexie runs through a cursor. */
function arrayCursor(trans: DBCoreTransaction, rows: { key: unknown; primaryKey: unknown; value: unknown }[]): DBCoreCursor {
  let i = 0;
  let move = false;
  let finish: ((v?: unknown) => void) | undefined;
  let fail: ((e: Error) => void) | undefined;
  const cursor: DBCoreCursor = {
    trans,
    get key() { return rows[i]?.key; },
    get primaryKey() { return rows[i]?.primaryKey; },
    get value() { return rows[i]?.value; },
    get done() { return i >= rows.length; },
    continue() { i++; move = true; },
    continuePrimaryKey() { i++; move = true; },
    advance(n: number) { i += n; move = true; },
    start(onNext) {
      return new Promise((resolve, reject) => {
        finish = resolve;
        fail = reject;
        try {
          while (i < rows.length && finish) {
            move = false;
            onNext();
            if (!move) return; // stopped or failed
          }
          finish?.();
        } catch (e) {
          reject(e);
        }
      });
    },
    stop(v) { const f = finish; finish = undefined; f?.(v); },
    next() { i++; return Promise.resolve(cursor); },
    fail(e) { const f = fail; finish = undefined; f?.(e); },
  };
  return cursor;
}

/** Nothing to seal, open or hash in this context: calls go straight down, synchronously. */
const idle = () => !cryptoState.enabled && !cryptoState.keys && !cryptoState.ready;

function sealedTable(down: DBCoreTable, name: SealedTable): DBCoreTable {
  const hashRange = async (trans: DBCoreTransaction, query: { index: { name: string | null }; range: { type: number; lower?: unknown; upper?: unknown } }) => {
    const keys = cryptoState.keys;
    const idx = query.index.name;
    if (!cryptoState.enabled || !keys || (idx !== 'emailKeys' && idx !== 'phoneKeys')) return query;
    if (typeof query.range.lower !== 'string' || query.range.lower !== query.range.upper) return query;
    const h = await keepAlive(trans, lookupHash(keys, query.range.lower));
    return { ...query, range: { ...query.range, lower: h, upper: h } };
  };
  return {
    ...down,
    mutate: fast(down.mutate.bind(down), async (req) => {
      if (req.type !== 'add' && req.type !== 'put') return down.mutate(req);
      if (cryptoState.ready) await keepAlive(req.trans, cryptoState.ready);
      if (!cryptoState.enabled) return down.mutate(req);
      const keys = cryptoState.keys;
      if (!keys) {
        // Locked: only records carried back sealed as they are stored may be written (see lockedRewrite),
        // and follow-ups with nothing to seal that do not replace a sealed one (lockedPlainWrite).
        if (!req.values.every((v) => isSealed(v) || lockedPlainWrite(name, v as Rec))) throw new LockedError();
        const stored = (await down.getMany({ trans: req.trans, keys: req.values.map((v) => (v as Rec).id) })) as (Rec | undefined)[];
        const values = req.values.map((v, i) => (isSealed(v) ? lockedRewrite(name, v as Rec, stored[i]) : isSealed(stored[i]) ? undefined : v));
        if (values.some((v) => !v)) throw new LockedError();
        return down.mutate({ ...req, values });
      }
      const values = await keepAlive(req.trans, Promise.all(req.values.map((v) => sealRecord(keys, name, v as Rec))));
      return down.mutate({ ...req, values });
    }),
    get: fast(down.get.bind(down), async (req) => {
      const v: unknown = await down.get(req);
      return needsOpening([v]) ? (await keepAlive(req.trans, openAll(name, [v])))[0] : v;
    }),
    getMany: fast(down.getMany.bind(down), async (req) => {
      const vs = await down.getMany(req);
      return needsOpening(vs) ? keepAlive(req.trans, openAll(name, vs)) : vs;
    }),
    query: fast(down.query.bind(down), async (req) => {
      const query = await hashRange(req.trans, req.query as never);
      const res = await down.query({ ...req, query: query as typeof req.query });
      if (!req.values || !needsOpening(res.result)) return res;
      return { ...res, result: await keepAlive(req.trans, openAll(name, res.result)) };
    }),
    count: fast(down.count.bind(down), async (req) => {
      return down.count({ ...req, query: (await hashRange(req.trans, req.query as never)) as typeof req.query });
    }),
    openCursor: fast(down.openCursor.bind(down), async (req) => {
      const query = (await hashRange(req.trans, req.query as never)) as typeof req.query;
      if (!cryptoState.keys || !req.values) return down.openCursor({ ...req, query });
      // Sealed values must be opened before Dexie's synchronous cursor callbacks see them:
      // read the range with its keys, open it, and replay it from memory.
      const [values, primaryKeys] = await Promise.all([
        down.query({ trans: req.trans, query, values: true, direction: req.reverse ? 'prev' : 'next' }),
        down.query({ trans: req.trans, query, values: false, direction: req.reverse ? 'prev' : 'next' }),
      ]);
      const opened = needsOpening(values.result) ? await keepAlive(req.trans, openAll(name, values.result)) : values.result;
      const keyPath = query.index.keyPath;
      const rows = opened.map((value, i) => ({
        value,
        primaryKey: primaryKeys.result[i],
        key: typeof keyPath === 'string' ? (value as Record<string, unknown>)[keyPath] : primaryKeys.result[i],
      }));
      return rows.length ? arrayCursor(req.trans, rows) : null;
    }),
  };
}

/** The Dexie middleware; registered by CardfileDb so every instance is covered. */
export const cryptoMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'cardfile-crypto',
  // Lowest of all (Dexie's own layers go down to -1): below it is only IndexedDB, so nothing under
  // this layer depends on Dexie's zone, which an await on WebCrypto does not carry.
  level: -2,
  create(down) {
    return { ...down, table: (name: string) => (isSealedTable(name) ? sealedTable(down.table(name), name) : down.table(name)) };
  },
};
