import { z } from 'zod';
import { auditEntrySchema, cardImageSchema, customerSchema, followUpSchema, interactionSchema, settingsSchema } from '../domain';
import { auditCampaignSchema, auditCheckSchema } from '../domain/audit-campaign';

/**
 * The JSON backup format (one format, read and written by lib/db/backup*.ts):
 * `{"format":"cardfile-backup","version":1,"dbVersion":n,"exportedAt":ms,"settings":{…},
 *   "tables":{"customers":[…],"interactions":[…],"followUps":[…],"audit":[…]}}`.
 * Files are written and read incrementally, a page of records at a time, but the text is the same
 * as one JSON.stringify of the whole object, so files of every Cardfile version read alike.
 */
export const BACKUP_FORMAT = 'cardfile-backup';
export const BACKUP_VERSION = 1;

/** Every table of the database and the schema its records must pass. New tables must be added here (a test checks). */
export const backupTables = {
  customers: customerSchema,
  interactions: interactionSchema,
  followUps: followUpSchema,
  audit: auditEntrySchema,
  auditCampaigns: auditCampaignSchema,
  auditChecks: auditCheckSchema,
  cardImages: cardImageSchema,
} as const;
export type TableName = keyof typeof backupTables;
export const tableNames = Object.keys(backupTables) as TableName[];
/** Tables added after backup v1 was defined: a backup written before them lacks them and restores with them empty. */
export const laterTables: ReadonlySet<TableName> = new Set(['auditCampaigns', 'auditChecks', 'cardImages']);
/** Records per page parsed from a file and written with one bulkAdd: a few MB of JSON at most. */
export const BACKUP_PAGE = 2000;
/**
 * Records per page read from a table for a backup. Larger than BACKUP_PAGE: each page read costs
 * a round trip and a range seek (at 10k, 2,000-record pages of interactions read in 1.7 s, 10,000
 * in 0.9 s, a whole-table toArray in 1.0 s); at 100k, pages of 10,000 peaked at 162 MB of heap and
 * pages of 2,000 at 90 MB.
 */
export const EXPORT_PAGE = 5000;

/** Everything but the tables. */
export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** The Dexie schema version the records were written with. */
  dbVersion: z.number().int().positive(),
  exportedAt: z.number().int().nonnegative(),
  settings: settingsSchema,
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const backupSchema = backupHeaderSchema.extend({
  tables: z.object({
    customers: z.array(customerSchema),
    interactions: z.array(interactionSchema),
    followUps: z.array(followUpSchema),
    audit: z.array(auditEntrySchema),
    auditCampaigns: z.array(auditCampaignSchema).default([]),
    auditChecks: z.array(auditCheckSchema).default([]),
    cardImages: z.array(cardImageSchema).default([]),
  }),
});
export type Backup = z.infer<typeof backupSchema>;

export interface BackupPreview {
  exportedAt: number;
  /** Records in the backup, per table. */
  incoming: Record<TableName, number>;
  /** Records now in the database that a 'replace' restore deletes, per table. */
  replaced: Record<TableName, number>;
}

/**
 * Why a file is refused, for the message the user reads in their language (lib/security/messages):
 * 'invalid' a record or the header fails its schema, 'sealed' records still locked by a passphrase
 * that is not here (restoring them would strip their encrypted fields), 'duplicate' two records of
 * a table share an id, 'newer' a newer database schema, 'encoding' not UTF-8, 'json' not JSON.
 */
export type InvalidBackupKind = 'invalid' | 'sealed' | 'duplicate' | 'newer' | 'encoding' | 'json';
/** Where in the file: the table and the record's position (0-based), and for a duplicate the first record with that id. */
export interface InvalidBackupWhere { table?: TableName; index?: number; firstIndex?: number; dbVersion?: number }

/** The file is not a (valid) Cardfile backup; the message names the first bad paths. */
export class InvalidBackupError extends Error {
  override name = 'InvalidBackupError';
  constructor(where: string, readonly kind: InvalidBackupKind = 'invalid', readonly at: InvalidBackupWhere = {}) {
    super(`This is not a valid Cardfile backup: ${where}`);
  }
}

/** "path: message; …" for the first few issues, under a path prefix. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[] = []): string {
  return issues.slice(0, 5).map((i) => `${[...prefix, ...i.path.map(String)].join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Validate a parsed JSON backup held in memory; throws InvalidBackupError naming the first bad paths. */
export function parseBackup(json: unknown): Backup {
  const r = backupSchema.safeParse(json);
  if (r.success) return r.data;
  throw new InvalidBackupError(describeIssues(r.error.issues));
}

/** Refuse a backup written by a newer database schema than this Cardfile's. */
export function checkDbVersion(dbVersion: number, ours: number): void {
  if (dbVersion > ours) throw new InvalidBackupError(`it comes from a newer Cardfile (database v${dbVersion}); update Cardfile first.`, 'newer', { dbVersion });
}
