import type { FieldConflict } from './wire';

/**
 * The three-way field merge. What both sides last agreed on (the base) is kept locally as short
 * hashes, not values: enough to tell which side changed a field, and no second plaintext copy of
 * contact details at rest. Lists (tags, emails, phones…) merge as sets, element by element, so a
 * tag added on one device and another removed on the other both apply; `customFields` merges key by
 * key. When both sides changed one plain field differently, the later edit wins (ties: author, then
 * value, so every device picks the same) and the other value is kept as a conflict on the card.
 */
export type BaseHash = string | string[] | Record<string, string>;
export type BaseHashes = Record<string, BaseHash>;

const MAP_FIELDS = new Set(['customFields']);
const TIME_FIELDS = new Set(['createdAt', 'updatedAt']);

/** JSON with sorted keys: the same value hashes the same whatever order its keys arrived in. */
export function stableJson(v: unknown): string {
  if (v === undefined) return 'u';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
}

/** cyrb53: a fast 53-bit string hash (not a secret: it only tells changed from unchanged). */
export function hash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const hv = (v: unknown) => hash(stableJson(v));

function hashField(field: string, v: unknown): BaseHash {
  if (Array.isArray(v)) return v.map(hv);
  if (MAP_FIELDS.has(field) && v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, hv(x)]));
  return hv(v);
}

/** The base to keep after both sides agree on `data`. */
export function baseHashes(data: Record<string, unknown>): BaseHashes {
  const out: BaseHashes = {};
  for (const [k, v] of Object.entries(data)) if (v !== undefined && !TIME_FIELDS.has(k)) out[k] = hashField(k, v);
  return out;
}

export const conflictHash = (c: FieldConflict) => hv([c.field, c.value]);

/** True when the two records hold the same synced values (timestamps aside). */
export function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (!TIME_FIELDS.has(k) && stableJson(a[k]) !== stableJson(b[k])) return false;
  return true;
}

/** True when `data` differs from what the base recorded (a local edit waiting to be sent). */
export function differsFromBase(base: BaseHashes, data: Record<string, unknown>, conflicts: readonly FieldConflict[], baseConflicts: readonly string[]): boolean {
  const keys = new Set([...Object.keys(base), ...Object.keys(data)]);
  for (const k of keys) {
    if (TIME_FIELDS.has(k)) continue;
    const v = data[k];
    if (stableJson(v === undefined ? undefined : hashField(k, v)) !== stableJson(base[k])) return true;
  }
  const mine = conflicts.map(conflictHash).sort();
  return stableJson(mine) !== stableJson([...baseConflicts].sort());
}

function changed(field: string, v: unknown, base: BaseHash | undefined, hasBase: boolean): boolean {
  if (!hasBase) return true;
  return stableJson(v === undefined ? undefined : hashField(field, v)) !== stableJson(base);
}

/** Element-wise set merge of two lists against the base's element hashes. */
function mergeList(local: unknown[], remote: unknown[], base: string[] | undefined): unknown[] {
  const inBase = new Set(base ?? []);
  const lh = new Set(local.map(hv));
  const rh = new Set(remote.map(hv));
  const kept = remote.filter((e) => { const h = hv(e); return !(inBase.has(h) && !lh.has(h)); });
  const added = local.filter((e) => { const h = hv(e); return !inBase.has(h) && !rh.has(h); });
  return [...kept, ...added];
}

export interface Side {
  data: Record<string, unknown>;
  author: string;
  conflicts: readonly FieldConflict[];
}

export interface Merged {
  data: Record<string, unknown>;
  conflicts: FieldConflict[];
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** Which side's value stands when both changed one field: later edit, then author, then value. */
function localWins(local: Side, remote: Side, lv: unknown, rv: unknown): boolean {
  const la = num(local.data.updatedAt);
  const ra = num(remote.data.updatedAt);
  if (la !== ra) return la > ra;
  if (local.author !== remote.author) return local.author > remote.author;
  return hv(lv) > hv(rv);
}

/**
 * Merge a local and a remote version of one record against their base (undefined: no common
 * version, e.g. both created it or a first sync). Pure and symmetric: swapping the sides gives the
 * same record and the same conflicts.
 */
export function threeWay(base: { h: BaseHashes; c: readonly string[] } | undefined, local: Side, remote: Side): Merged {
  const hasBase = base !== undefined;
  const h = base?.h ?? {};
  const data: Record<string, unknown> = {};
  const fresh: FieldConflict[] = [];
  const keys = [...new Set([...Object.keys(local.data), ...Object.keys(remote.data)])].sort();
  const editedOtherThanDelete = (s: Side) => keys.some((k) => k !== 'deletedAt' && !TIME_FIELDS.has(k) && changed(k, s.data[k], h[k], hasBase));
  for (const k of keys) {
    const lv = local.data[k];
    const rv = remote.data[k];
    if (k === 'createdAt') { data[k] = Math.min(num(lv) || num(rv), num(rv) || num(lv)); continue; }
    if (k === 'updatedAt') { data[k] = Math.max(num(lv), num(rv)); continue; }
    if (stableJson(lv) === stableJson(rv)) { if (lv !== undefined) data[k] = lv; continue; }
    const lc = changed(k, lv, h[k], hasBase);
    const rc = changed(k, rv, h[k], hasBase);
    let v: unknown;
    if (!lc) v = rv;
    else if (!rc) v = lv;
    else if (Array.isArray(lv) && Array.isArray(rv)) v = mergeList(lv, rv, h[k] as string[] | undefined);
    else if (MAP_FIELDS.has(k) && lv && rv && typeof lv === 'object' && typeof rv === 'object') {
      const bm = (h[k] ?? {}) as Record<string, string>;
      const lm = lv as Record<string, unknown>;
      const rm = rv as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of [...new Set([...Object.keys(lm), ...Object.keys(rm)])].sort()) {
        const lk = lm[key]; const rk = rm[key];
        const lch = hasBase ? (lk === undefined ? undefined : hv(lk)) !== bm[key] : true;
        const rch = hasBase ? (rk === undefined ? undefined : hv(rk)) !== bm[key] : true;
        const pick = !lch ? rk : !rch ? lk : stableJson(lk) === stableJson(rk) ? lk : localWins(local, remote, lk, rk) ? lk : rk;
        if (lch && rch && stableJson(lk) !== stableJson(rk)) {
          const loser = pick === lk ? { v: rk, s: remote } : { v: lk, s: local };
          fresh.push({ field: `${k}.${key}`, value: loser.v ?? null, author: loser.s.author, at: num(loser.s.data.updatedAt) });
        }
        if (pick !== undefined) out[key] = pick;
      }
      v = out;
    } else {
      const win = localWins(local, remote, lv, rv);
      v = win ? lv : rv;
      const loser = win ? { v: rv, s: remote } : { v: lv, s: local };
      fresh.push({ field: k, value: loser.v ?? null, author: loser.s.author, at: num(loser.s.data.updatedAt) });
    }
    if (v !== undefined) data[k] = v;
  }
  // Deleted on one side while edited on the other: the deletion stands (it is soft) and the edit is
  // kept on the card; a conflict says so, and picking "keep" restores it.
  if (hasBase && data.deletedAt != null) {
    const deleter = changed('deletedAt', local.data.deletedAt, h.deletedAt, true) && local.data.deletedAt != null ? local : remote;
    const editor = deleter === local ? remote : local;
    if (editor.data.deletedAt == null && editedOtherThanDelete(editor)) {
      fresh.push({ field: 'deletedAt', value: null, author: editor.author, at: num(editor.data.updatedAt) });
    }
  }
  const conflicts = mergeConflicts(base?.c, local.conflicts, remote.conflicts, fresh, data);
  return { data, conflicts };
}

/** Conflicts as a set: one resolved (removed) on one side stays removed; new ones join; a value equal to the winner is dropped. */
function mergeConflicts(base: readonly string[] | undefined, local: readonly FieldConflict[], remote: readonly FieldConflict[], fresh: FieldConflict[], data: Record<string, unknown>): FieldConflict[] {
  const inBase = new Set(base ?? []);
  const lh = new Set(local.map(conflictHash));
  const rh = new Set(remote.map(conflictHash));
  const out = new Map<string, FieldConflict>();
  for (const c of remote) { const k = conflictHash(c); if (!(inBase.has(k) && !lh.has(k))) out.set(k, c); }
  for (const c of local) { const k = conflictHash(c); if (!inBase.has(k) && !rh.has(k)) out.set(k, c); }
  for (const c of fresh) out.set(conflictHash(c), c);
  return [...out.values()].filter((c) => stableJson(valueAt(data, c.field)) !== stableJson(c.value))
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : a.at - b.at));
}

/** A field's value; `customFields.x` reads one key. */
export function valueAt(data: Record<string, unknown>, field: string): unknown {
  const dot = field.indexOf('.');
  if (dot < 0) return data[field] ?? null;
  const m = data[field.slice(0, dot)] as Record<string, unknown> | undefined;
  return m?.[field.slice(dot + 1)] ?? null;
}
