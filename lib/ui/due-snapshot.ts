import { storage } from 'wxt/utils/storage';
import type { DueSnapshot } from '../db/due-groups';

/**
 * The due list the background keeps current (lib/background/followups.ts). The popup paints from it
 * without opening the database or loading zod, so its first paint does not depend on the table size.
 * Local storage: it survives a browser restart, so the first popup of the day is instant too.
 */
export const dueSnapshotItem = storage.defineItem<DueSnapshot | null>('local:dueSnapshot', { fallback: null });
