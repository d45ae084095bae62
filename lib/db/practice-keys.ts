import type { RepoContext } from './context';

/**
 * The smallest UUIDv7 at or after time `t`: ids are time-ordered (their first 48 bits are the
 * creation time in ms), so "cards created in a period" is a primary-key range, read as keys only
 * (no createdAt index needed; customers are at the SPEC §9 disk limit). Cards Cardfile creates
 * (by hand, clip, import) have id time = createdAt; a restored backup keeps both.
 */
export function idAt(t: number): string {
  const h = Math.max(0, Math.floor(t)).toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-0000-0000-000000000000`;
}

type Db = RepoContext['db'];

export const keySet = (keys: unknown[]) => new Set(keys as string[]);

/** Ids of live cards holding `value` in an indexed field, via the index's primary keys. */
export async function idsWhereEquals(db: Db, field: string, values: readonly (string | number)[]): Promise<Set<string>> {
  const lists = await Promise.all(values.map((v) => db.customers.where(field).equals(v).primaryKeys()));
  const out = new Set<string>();
  for (const l of lists) for (const id of l as string[]) out.add(id);
  return out;
}

/** Soft-deleted card ids (the deletedAt index holds only those). */
export async function deletedSet(db: Db): Promise<Set<string>> {
  return keySet(await db.customers.where('deletedAt').above(-1).primaryKeys());
}

/** Live ids of one owner ('' = nobody), or undefined for the whole workspace. */
export async function ownerSet(db: Db, owner: string | undefined): Promise<Set<string> | undefined> {
  return owner === undefined ? undefined : keySet(await db.customers.where('owner').equals(owner).primaryKeys());
}

/** Members of `a` that pass `keep` (in `only` when given, not in `not`). */
export function narrow(a: Iterable<string>, only: Set<string> | undefined, not: Set<string>): string[] {
  const out: string[] = [];
  for (const id of a) if ((!only || only.has(id)) && !not.has(id)) out.push(id);
  return out;
}

/** The owners on the cards, '' (nobody) included when some card has none. */
export async function ownersOf(db: Db): Promise<string[]> {
  return (await db.customers.orderBy('owner').uniqueKeys()).filter((k): k is string => typeof k === 'string');
}
