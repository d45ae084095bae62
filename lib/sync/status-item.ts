import type { WxtStorageItem } from 'wxt/utils/storage';
import type { SyncStatus } from '../messaging/protocol';
import { syncStatusItem as item } from '../storage/items';

/** The status line's state, written by the background only when it changes; every page watches it. */
export const syncStatusItem = item as unknown as WxtStorageItem<SyncStatus | null, Record<string, unknown>>;
/** The port a Cardfile page holds open: while one is, the background long-polls the server's changes. */
export const LIVE_PORT = 'cardfile-sync-live';
