/** The IndexedDB name of the one Cardfile database (its own module: read without loading Dexie). */
export const DB_NAME = 'cardfile';

/**
 * browser.storage.local keys of the workspace's first-screen snapshot (lib/workspace/snapshot) and of
 * the stamp every committed customer write changes (lib/db/stamp-middleware): a snapshot is shown
 * only while it carries the current stamp, so it never shows what a later write changed.
 */
export const FIRST_SCREEN_SNAPSHOT_KEY = 'workspaceFirstScreen';
export const CUSTOMERS_STAMP_KEY = 'customersStamp';
