import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTransaction, type Middleware } from 'dexie';
import { docIdOf, isSyncedTable, type SyncedTable } from './wire';

/**
 * The outbox, at the database layer: every write to a synced table records "this record changed"
 * in the `outbox` table inside the same IndexedDB transaction, whoever made the write (a repository,
 * an action, an import, a merge, a restore, the daily pass). Commit or abort, both go together: an
 * edit is never lost between the store and the outbox. Rows hold only the document id and a
 * sequence (one row per record however often it changes); push reads the record itself and skips
 * it when only derived fields moved.
 *
 * Changes applied from the server run in transactions marked with `markRemote`: they never re-enter
 * the outbox (no echo, no loops). Recording is on only while this database belongs to a team
 * workspace (`SyncSwitch.recording`), so a single-user Cardfile pays nothing.
 */
export const OUTBOX = 'outbox';
/** Local conflict rows: a change to them is a change of their record (a resolved conflict travels). */
export const CONFLICTS = 'syncConflicts';

export interface OutboxRow {
  key: string;
  seq: number;
  /** Set when the server refused this change (a viewer's edit): shown, kept, not retried blindly. */
  refused?: string;
}

export interface SyncSwitch {
  recording: boolean;
  /** Called after a transaction that recorded something committed (schedules a push). */
  onRecorded?: () => void;
}

const remote = new WeakSet<object>();

/** Mark a Dexie transaction as applying server changes (call inside it: `markRemote(Dexie.currentTransaction)`). */
export function markRemote(tx: { idbtrans: unknown } | null | undefined): void {
  if (!tx?.idbtrans) throw new Error('markRemote: no transaction');
  remote.add(tx.idbtrans as object);
}

let lastSeq = 0;
/** Increasing across the page's life: time-based so another context's later writes sort after. */
export function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

const hasStore = (trans: DBCoreTransaction, name: string) => {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return !!names && (typeof names.contains === 'function' ? names.contains(name) : Array.from(names as unknown as string[]).includes(name));
};

export function outboxMiddleware(sw: SyncSwitch): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'cardfile-outbox',
    // Above the compact (-1.5) and crypto (-2) layers: keys are all it needs, and a range delete reads them in clear.
    level: -1.2,
    create(down) {
      const notified = new WeakSet<object>();
      const afterCommit = (trans: DBCoreTransaction) => {
        if (notified.has(trans as object) || !sw.onRecorded) return;
        notified.add(trans as object);
        (trans as unknown as IDBTransaction).addEventListener?.('complete', () => sw.onRecorded?.());
      };
      const record = async (trans: DBCoreTransaction, keys: string[]) => {
        if (!keys.length || !hasStore(trans, OUTBOX)) return;
        const seq = nextSeq();
        await down.table(OUTBOX).mutate({ trans, type: 'put', values: keys.map((key, i) => ({ key, seq: seq + i / 1000 })) });
        afterCommit(trans);
      };
      const keysOf = async (table: SyncedTable | typeof CONFLICTS, req: DBCoreMutateRequest): Promise<string[]> => {
        if (table === CONFLICTS) {
          if (req.type === 'add' || req.type === 'put') return req.values.map((v) => (v as { key: string }).key);
          if (req.type === 'delete') return req.keys as string[];
          return [];
        }
        if (req.type === 'add' || req.type === 'put') return req.values.map((v) => docIdOf(table, (v as { id: string }).id));
        if (req.type === 'delete') return (req.keys as string[]).map((id) => docIdOf(table, id));
        // deleteRange (a table cleared by a restore): the ids it is about to remove.
        const ids = await down.table(table).query({ trans: req.trans, query: { index: down.table(table).schema.primaryKey, range: req.range }, values: false });
        return (ids.result as string[]).map((id) => docIdOf(table, id));
      };
      return {
        ...down,
        transaction(stores, mode, options) {
          // Every read-write transaction on a synced table can reach the outbox (Dexie checks scope
          // above this layer; IndexedDB checks it here).
          const widen = mode === 'readwrite' && stores.some((s) => isSyncedTable(s) || s === CONFLICTS) && !stores.includes(OUTBOX)
            && down.schema.tables.some((t) => t.name === OUTBOX);
          return down.transaction(widen ? [...stores, OUTBOX] : stores, mode, options);
        },
        table(name) {
          const t = down.table(name);
          if (!isSyncedTable(name) && name !== CONFLICTS) return t;
          return {
            ...t,
            mutate(req) {
              // Not recording: straight down, Dexie's own promise (a native one here breaks Dexie.waitFor callers).
              if (!sw.recording || remote.has(req.trans as object)) return t.mutate(req);
              const work = async () => {
                const keys = req.type === 'deleteRange' ? await keysOf(name, req) : [];
                const res = await t.mutate(req);
                await record(req.trans, req.type === 'deleteRange' ? keys : await keysOf(name, req));
                return res;
              };
              return Dexie.Promise.resolve(work()) as unknown as ReturnType<typeof t.mutate>;
            },
          };
        },
      };
    },
  };
}
