import type { BaseHashes } from './merge';
import type { FieldConflict, SyncedTable } from './wire';

/** Row types of the sync tables (declared in lib/db/schema.ts, version 3). */
export interface SyncBase {
  /** Document id `<type>:<uuid>`. */
  key: string;
  /** The server's `_rev` of the version both sides agree on. */
  rev: string;
  h: BaseHashes;
  /** Hashes of the conflicts that version carried. */
  c: string[];
}

export interface SyncConflictRow {
  key: string;
  table: SyncedTable;
  id: string;
  customerId: string | null;
  items: FieldConflict[];
}

export interface SyncMetaRow {
  key: string;
  value: unknown;
}

/** This device's sync state: never in a backup (a restore goes out through the outbox instead). */
export const DEVICE_TABLES = ['outbox', 'syncBase', 'syncMeta', 'syncConflicts'] as const;
