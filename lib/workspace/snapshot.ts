import type { Customer } from '../domain/customer';
import { CUSTOMERS_STAMP_KEY, FIRST_SCREEN_SNAPSHOT_KEY } from '../db/name';
import { extensionLocalArea as local } from '../db/stamp-middleware';
import type { EarlyRead } from './early-rows';

/**
 * The workspace's first screen kept in browser.storage.local (issue 18). After the browser has sat
 * idle, opening the customer database costs ~1.4 s at 100,000 cards (Chromium reopening ~200
 * LevelDB files); this small item reads in milliseconds, so the table paints from it while the
 * database opens. It holds the same records the early read would return, with the stamp the
 * customers table had when they were read: any committed write since changes the stamp
 * (lib/db/stamp-middleware), and a snapshot with an old stamp is ignored. Sealed cards (the
 * passphrase lock) are never read early, so never kept here.
 */
interface Stored {
  stamp: string | null;
  newest: Customer[];
  deleted: string[];
}

/** A snapshot keeps the soft-deleted ids so rows below the first screen skip them; a long Trash is not worth it. */
const MAX_DELETED = 5_000;

function isStored(v: unknown): v is Stored {
  const s = v as Stored | undefined;
  return !!s && typeof s === 'object' && Array.isArray(s.newest) && Array.isArray(s.deleted)
    && (s.stamp === null || typeof s.stamp === 'string')
    && s.newest.every((c) => !!c && typeof c === 'object' && typeof c.id === 'string' && !('__enc' in c));
}

/**
 * The table's stamp now (null before its first write under this build; undefined without extension
 * storage) and the snapshot when it is current (it carries that stamp).
 */
export async function readSnapshot(): Promise<{ stamp: string | null | undefined; read?: EarlyRead }> {
  const store = local();
  if (!store) return { stamp: undefined };
  try {
    const got = await store.get([FIRST_SCREEN_SNAPSHOT_KEY, CUSTOMERS_STAMP_KEY]);
    const snap: unknown = got[FIRST_SCREEN_SNAPSHOT_KEY];
    const stamp = typeof got[CUSTOMERS_STAMP_KEY] === 'string' ? (got[CUSTOMERS_STAMP_KEY] as string) : null;
    if (!isStored(snap) || snap.stamp !== stamp) return { stamp };
    return { stamp, read: { newest: snap.newest, deleted: new Set(snap.deleted) } };
  } catch {
    return { stamp: undefined };
  }
}

/** Keep what a database read found, under the stamp read before it (so a write in between voids it). */
export async function writeSnapshot(read: EarlyRead, stampBefore: string | null): Promise<void> {
  if (read.deleted.size > MAX_DELETED) return;
  const stored: Stored = { stamp: stampBefore, newest: read.newest, deleted: [...read.deleted] };
  await local()?.set({ [FIRST_SCREEN_SNAPSHOT_KEY]: stored }).catch(() => undefined);
}

/** Whether two lists hold the same cards in the same state (ids and revisions, in order). */
export function sameCards(a: Customer[], b: Customer[]): boolean {
  return a.length === b.length && a.every((c, i) => c.id === b[i]!.id && c.rev === b[i]!.rev && c.updatedAt === b[i]!.updatedAt);
}

/** Whether two early reads show the same first screen. */
export const sameRead = (a: EarlyRead, b: EarlyRead): boolean => a.deleted.size === b.deleted.size && sameCards(a.newest, b.newest);
