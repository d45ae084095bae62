import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';

/**
 * Compact storage (SPEC §9: ≤ 250 MB for 100,000 customers and 500,000 interactions). IndexedDB
 * stores every property name and value of every record, and most records carry the same
 * defaults: empty ones (department '', notes '', interests [], customFields {}, deletedAt null …),
 * keys left undefined by optional fields (an interaction's amount, currency, satisfaction …),
 * `rev` 1, and a timestamp equal to its twin (a record never edited has updatedAt = createdAt).
 * They are left out on write and put back on read, so every layer above sees the full record.
 * Measured on 10,000 demo customers + 50,000 interactions in Chromium: 27.0 MB on disk with the
 * empty defaults left out, 23.5 MB with undefined keys left out as well. Only fields no index
 * reads are listed: what an index sees does not change (customers keep updatedAt, which is indexed,
 * and drop createdAt instead).
 */
type Default = (record: Rec) => unknown;
const empty = (make: () => unknown): Default => make;
const sameAs = (field: string): Default => (r) => r[field];
const one: Default = () => 1;

const DEFAULTS: Record<string, Record<string, Default>> = {
  customers: {
    company: empty(() => ''), title: empty(() => ''), department: empty(() => ''), emails: empty(() => []), phones: empty(() => []),
    addresses: empty(() => []), websites: empty(() => []), social: empty(() => []), interests: empty(() => []), notes: empty(() => ''),
    customFields: empty(() => ({})), churnSignals: empty(() => []), deletedAt: empty(() => null), createdAt: sameAs('updatedAt'), rev: one,
  },
  interactions: {
    place: empty(() => ''), subject: empty(() => ''), content: empty(() => ''), result: empty(() => ''), deletedAt: empty(() => null),
    updatedAt: sameAs('createdAt'), rev: one,
  },
  followUps: { note: empty(() => ''), deletedAt: empty(() => null), updatedAt: sameAs('createdAt'), rev: one },
};

type Rec = Record<string, unknown>;

function isEmpty(v: unknown): boolean {
  if (v === '' || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype && Object.keys(v).length === 0;
}

/** True when `v` is what the default would put back: the same primitive, or empty where the default is empty. */
function isDefault(v: unknown, def: unknown): boolean {
  return v === def || (isEmpty(v) && isEmpty(def));
}

/** The record without its defaults and undefined keys (a shallow copy; the caller's object is left alone). */
export function stripEmpty(table: string, value: unknown): unknown {
  const fields = DEFAULTS[table];
  if (!fields || typeof value !== 'object' || value === null) return value;
  const v = value as Rec;
  let out: Rec | undefined;
  const drop = (k: string) => {
    out ??= { ...v };
    delete out[k];
  };
  for (const k of Object.keys(v)) if (v[k] === undefined) drop(k);
  // Judged against the caller's record: a default may read another field (createdAt ← updatedAt).
  for (const [k, def] of Object.entries(fields)) if (k in v && v[k] !== undefined && isDefault(v[k], def(v))) drop(k);
  return out ?? value;
}

/** The record with its defaults back (fresh arrays and objects each time). */
export function restoreEmpty(table: string, value: unknown): unknown {
  const fields = DEFAULTS[table];
  if (!fields || typeof value !== 'object' || value === null) return value;
  const v = value as Rec;
  for (const [k, def] of Object.entries(fields)) if (!(k in v)) v[k] = def(v);
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
    return { ...down, table: (name: string) => (name in DEFAULTS ? compactTable(down.table(name), name) : down.table(name)) };
  },
};
