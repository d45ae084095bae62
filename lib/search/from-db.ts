import type { CardfileDb } from '../db/schema';
import type { SearchIndexBlob } from './compact';
import { buildSearchIndex } from './index';

/** A freshly built index blob and the point in the customer table it reflects. */
export interface BuiltIndex {
  blob: SearchIndexBlob;
  /** Highest `updatedAt` included: changes from here on are applied incrementally. */
  watermark: number;
  /** Customer rows (live and soft-deleted) when built: fewer later means rows were purged. */
  total: number;
}

/** Read every customer and build the index (run in a worker: seconds at 100,000 cards). */
export async function buildFromDb(db: CardfileDb): Promise<BuiltIndex> {
  const customers = await db.customers.toArray();
  let watermark = 0;
  for (const c of customers) if (c.updatedAt > watermark) watermark = c.updatedAt;
  return { blob: buildSearchIndex(customers).serialize(), watermark, total: customers.length };
}
