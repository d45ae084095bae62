import { customerInputSchema } from '../domain/customer';
import { followUpInputSchema } from '../domain/followup';
import { interactionInputSchema } from '../domain/interaction';
import { SEALED_FIELDS } from '../security/records';
import type { Sealed } from '../security/crypto';

/**
 * What travels: one CouchDB document per record, id `<type>:<uuid>`, the record's synced fields in
 * `data` (full records: the compact layer's stripped defaults are back by the time we read), the
 * author, and the field conflicts every member sees. Derived fields (tiers, lookup keys, status,
 * value) and the local edit counter `rev` never travel: each device recomputes them, so the daily
 * pass does not rewrite every card on every device.
 */
export const SYNCED_TABLES = ['customers', 'interactions', 'followUps'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];
export type DocType = 'customer' | 'interaction' | 'followUp';

export const TYPE_OF: Record<SyncedTable, DocType> = { customers: 'customer', interactions: 'interaction', followUps: 'followUp' };
export const TABLE_OF: Record<DocType, SyncedTable> = { customer: 'customers', interaction: 'interactions', followUp: 'followUps' };

const META = ['id', 'createdAt', 'updatedAt', 'deletedAt'] as const;
export const SYNCED_FIELDS: Record<SyncedTable, readonly string[]> = {
  customers: [...META, ...Object.keys(customerInputSchema.shape)],
  interactions: [...META, ...Object.keys(interactionInputSchema.shape)],
  followUps: [...META, ...Object.keys(followUpInputSchema.shape)],
};

export const isSyncedTable = (t: string): t is SyncedTable => (SYNCED_TABLES as readonly string[]).includes(t);

/** A value kept on a card when two people changed the same field: the one that did not win. */
export interface FieldConflict {
  field: string;
  value: unknown;
  author: string;
  at: number;
}

export interface SyncDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  type: DocType;
  author: string;
  data: Record<string, unknown>;
  conflicts?: FieldConflict[];
  /** End-to-end encrypted workspaces: the protected fields (and conflict values), sealed under the workspace key. */
  enc?: Sealed;
  /** Keyed hashes of the lookup keys (emails, E.164 phones) in an encrypted workspace. */
  lookup?: string[];
}

export const docIdOf = (table: SyncedTable, id: string) => `${TYPE_OF[table]}:${id}`;

export function parseDocId(docId: string): { table: SyncedTable; id: string } | undefined {
  const i = docId.indexOf(':');
  const table = TABLE_OF[docId.slice(0, i) as DocType];
  return i > 0 && table ? { table, id: docId.slice(i + 1) } : undefined;
}

/** The synced part of a local record (no derived fields, no `rev`, no undefined keys). */
export function syncedData(table: SyncedTable, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of SYNCED_FIELDS[table]) if (record[k] !== undefined) out[k] = record[k];
  return out;
}

/** The protected fields of a table (the passphrase lock's sealed fields) with their empty values. */
export function protectedFields(table: SyncedTable): Record<string, unknown> {
  return table === 'followUps' ? {} : SEALED_FIELDS[table];
}
