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
