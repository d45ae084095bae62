import { dataEpochItem } from '../storage/items';

export { dataEpochItem };

/**
 * A stamp that changes whenever the customer table changed in a way an incremental follower
 * cannot see: a restore (records come back with their old updatedAt, below every watermark) or
 * an import (many cards at once, some carrying their own timestamps). The search index
 * (lib/search/store.ts) keeps the stamp it was built at and rebuilds when it differs, whatever the
 * counts, in every open page (the item is watched) and on the next open.
 *
 * Note such a change; returns the new stamp (always greater than the last). */
export async function bumpDataEpoch(now = Date.now()): Promise<number> {
  const next = Math.max(now, (await dataEpochItem.getValue()) + 1);
  await dataEpochItem.setValue(next);
  return next;
}
