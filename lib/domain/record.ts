import { z } from 'zod';
import { uuidv7 } from 'uuidv7';

/** Epoch milliseconds: every timestamp is stored this way (sortable, indexable, no time zones). */
export const epochMs = z.number().int().nonnegative();

/**
 * Fields every stored record carries. They make later team sync possible:
 * time-ordered ids, a revision counter and soft deletion.
 */
export const recordBase = z.object({
  id: z.string().min(1),
  createdAt: epochMs,
  updatedAt: epochMs,
  rev: z.number().int().min(1),
  deletedAt: epochMs.nullable(),
});
export type RecordBase = z.infer<typeof recordBase>;

/** A new time-ordered UUIDv7: ordered keys make IndexedDB writes faster and smaller. */
export function newId(): string {
  return uuidv7();
}

/** The base fields of a record created at `now`. */
export function freshRecord(now: number): RecordBase {
  return { id: newId(), createdAt: now, updatedAt: now, rev: 1, deletedAt: null };
}

function cyrb(s: string, seed: number): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/**
 * A UUID-shaped id derived from a key (128 bits from four seeded 64-bit hashes; version nibble 8,
 * "custom"). Generated follow-ups take it from their rule key, so two devices of a team planning
 * the same reminder make the same record instead of two colliding on the unique rule-key index.
 */
export function idFromKey(key: string): string {
  const words = [...cyrb(key, 1), ...cyrb(key, 2)];
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
