import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';

/**
 * Compact storage (SPEC §9: ≤ 250 MB for 100,000 customers and 500,000 interactions). IndexedDB
 * stores every property name and value of every record; most records carry the same empty
 * defaults (department '', notes '', interests [], customFields {}, deletedAt null …), ~110 bytes
 * per customer and ~40 per interaction, about 30 MB at that size. They are left out on write and
 * put back on read, so every layer above sees the full record. Only fields no index reads are
 * listed: what an index sees does not change.
 */
const EMPTY: Record<string, Record<string, () => unknown>> = {
  customers: {
    company: () => '', title: () => '', department: () => '', emails: () => [], phones: () => [], addresses: () => [],
    websites: () => [], social: () => [], interests: () => [], notes: () => '', customFields: () => ({}), deletedAt: () => null,
  },
  interactions: { place: () => '', subject: () => '', content: () => '', result: () => '', deletedAt: () => null },
  followUps: { note: () => '', deletedAt: () => null },
};

type Rec = Record<string, unknown>;

function isEmpty(v: unknown): boolean {
  if (v === '' || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype && Object.keys(v).length === 0;
}

/** The record without its empty defaults (a shallow copy; the caller's object is left alone). */
export function stripEmpty(table: string, value: unknown): unknown {
  const fields = EMPTY[table];
  if (!fields || typeof value !== 'object' || value === null) return value;
  let out: Rec | undefined;
  for (const k of Object.keys(fields)) {
    if (k in value && isEmpty((value as Rec)[k])) {
      out ??= { ...(value as Rec) };
      delete out[k];
    }
  }
  return out ?? value;
}

/** The record with its empty defaults back (fresh arrays and objects each time). */
export function restoreEmpty(table: string, value: unknown): unknown {
  const fields = EMPTY[table];
  if (!fields || typeof value !== 'object' || value === null) return value;
  const v = value as Rec;
  for (const [k, make] of Object.entries(fields)) if (!(k in v)) v[k] = make();
  return v;
}

/** A cursor whose values come back restored; everything else is the cursor underneath. */
function restoringCursor(table: string, c: DBCoreCursor): DBCoreCursor {
  const wrapped: DBCoreCursor = {
    get trans() { return c.trans; },
    get key() { return c.key; },
    get primaryKey() { return c.primaryKey; },
    get value() { return restoreEmpty(table, c.value); },
    get done() { return c.done; },
    continue: (key?: unknown) => c.continue(key),
    continuePrimaryKey: (key: unknown, primaryKey: unknown) => c.continuePrimaryKey(key, primaryKey),
    advance: (n: number) => c.advance(n),
    start: (onNext: () => void) => c.start(onNext),
    stop: (v?: unknown) => c.stop(v),
    next: () => c.next().then(() => wrapped),
    fail: (e: Error) => c.fail(e),
  };
  return wrapped;
}

function compactTable(down: DBCoreTable, name: string): DBCoreTable {
  return {
    ...down,
    mutate: (req) => (req.type === 'add' || req.type === 'put' ? down.mutate({ ...req, values: req.values.map((v) => stripEmpty(name, v)) }) : down.mutate(req)),
    get: (req) => down.get(req).then((v) => restoreEmpty(name, v)),
    getMany: (req) => down.getMany(req).then((vs) => vs.map((v) => restoreEmpty(name, v))),
    query: (req) => down.query(req).then((res) => (req.values ? { ...res, result: res.result.map((v) => restoreEmpty(name, v)) } : res)),
    openCursor: (req) => down.openCursor(req).then((c) => (c && req.values ? restoringCursor(name, c) : c)),
  };
}

/** The Dexie middleware; registered by CardfileDb. Above the crypto layer (-2): it seals the compact record. */
export const compactMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'cardfile-compact',
  level: -1.5,
  create(down) {
    return { ...down, table: (name: string) => (name in EMPTY ? compactTable(down.table(name), name) : down.table(name)) };
  },
};
