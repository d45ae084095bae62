import type { CardfileDb } from '../db/schema';
import type { Customer } from '../domain/customer';
import type { SearchIndexBlob } from '../search/compact';
import { buildSearchIndex } from '../search/index';

/** A freshly built index blob and the point in the customer table it reflects. */
export interface BuiltIndex {
  blob: SearchIndexBlob;
  /** Highest `updatedAt` included: changes from here on are applied incrementally. */
  watermark: number;
  /** Ids of the rows exactly at the watermark: already in the index, so a catch-up skips them. */
  atWatermark?: string[];
  /** Customer rows (live and soft-deleted) when built: fewer later means rows were purged. */
  total: number;
}

/** Read every customer and build the index (run in a worker: seconds at 100,000 cards). */
export async function buildFromDb(db: CardfileDb): Promise<BuiltIndex> {
  const customers = await db.customers.toArray();
  let watermark = 0;
  for (const c of customers) if (c.updatedAt > watermark) watermark = c.updatedAt;
  const atWatermark = customers.filter((c) => c.updatedAt === watermark).map((c) => c.id);
  return { blob: buildSearchIndex(customers).serialize(), watermark, atWatermark, total: customers.length };
}

/**
 * Customers changed since an index was current: rows after the watermark, and rows at it whose ids
 * are not in `seen`. Keys first, records only for what is new: an import writes thousands of cards
 * with one timestamp, and re-reading them all on every later change or open took seconds at 100k.
 * (A card written twice within the watermark's millisecond keeps its first version until its next
 * change: the keys carry no revision.)
 */
export async function changedSince(db: CardfileDb, watermark: number, seen: ReadonlySet<string>): Promise<Customer[]> {
  return db.transaction('r', db.customers, async () => {
    const range = db.customers.where('updatedAt').aboveOrEqual(watermark);
    const [stamps, ids] = await Promise.all([range.keys(), range.primaryKeys()]);
    const wanted = ids.filter((id, i) => stamps[i] !== watermark || !seen.has(id));
    if (wanted.length === 0) return [];
    return (await db.customers.bulkGet(wanted)).filter((c): c is Customer => c !== undefined);
  });
}
