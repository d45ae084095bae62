import { z } from 'zod';
import {
  auditEntrySchema, customerSchema, followUpSchema, interactionSchema, settingsSchema, type Settings,
} from '../domain';
import type { RepoContext } from './context';

export const BACKUP_FORMAT = 'cardfile-backup';
export const BACKUP_VERSION = 1;

/** Every table of the database and the schema its records must pass. New tables must be added here (a test checks). */
export const backupTables = {
  customers: customerSchema,
  interactions: interactionSchema,
  followUps: followUpSchema,
  audit: auditEntrySchema,
} as const;
type TableName = keyof typeof backupTables;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** The Dexie schema version the records were written with. */
  dbVersion: z.number().int().positive(),
  exportedAt: z.number().int().nonnegative(),
  settings: settingsSchema,
  tables: z.object({
    customers: z.array(customerSchema),
    interactions: z.array(interactionSchema),
    followUps: z.array(followUpSchema),
    audit: z.array(auditEntrySchema),
  }),
});
export type Backup = z.infer<typeof backupSchema>;

/** A versioned snapshot of every table and the settings (the JSON backup). */
export async function exportBackup(ctx: RepoContext): Promise<Backup> {
  const { db } = ctx;
  const settings = await ctx.settings();
  const tableNames = Object.keys(backupTables) as TableName[];
  const rows = await db.transaction('r', tableNames.map((t) => db.table(t)), () => Promise.all(tableNames.map((t) => db.table(t).toArray())));
  const tables = Object.fromEntries(tableNames.map((t, i) => [t, rows[i]])) as Backup['tables'];
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, dbVersion: db.verno, exportedAt: ctx.now(), settings, tables };
}

export interface BackupPreview {
  exportedAt: number;
  /** Records in the backup, per table. */
  incoming: Record<TableName, number>;
  /** Records now in the database that a 'replace' restore deletes, per table. */
  replaced: Record<TableName, number>;
}

/** Validate a parsed JSON backup; throws a readable error naming the first bad paths. */
export function parseBackup(json: unknown): Backup {
  const r = backupSchema.safeParse(json);
  if (r.success) return r.data;
  const where = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new Error(`This is not a valid Cardfile backup: ${where}`);
}

/** What a restore would do, for the confirmation dialog. */
export async function previewRestore(ctx: RepoContext, json: unknown): Promise<BackupPreview> {
  const backup = parseBackup(json);
  const names = Object.keys(backupTables) as TableName[];
  const counts = await Promise.all(names.map((t) => ctx.db.table(t).count()));
  return {
    exportedAt: backup.exportedAt,
    incoming: Object.fromEntries(names.map((t) => [t, backup.tables[t].length])) as Record<TableName, number>,
    replaced: Object.fromEntries(names.map((t, i) => [t, counts[i]])) as Record<TableName, number>,
  };
}

/**
 * Restore a backup, replacing every table in one transaction (all or nothing). The settings are
 * handed to `saveSettings` (browser.storage lives outside the database) after the data committed.
 */
export async function restoreBackup(
  ctx: RepoContext,
  json: unknown,
  options: { mode: 'replace'; saveSettings?: (s: Settings) => Promise<void> },
): Promise<BackupPreview> {
  const preview = await previewRestore(ctx, json);
  const backup = parseBackup(json);
  if (backup.dbVersion > ctx.db.verno) throw new Error(`This backup comes from a newer Cardfile (database v${backup.dbVersion}); update Cardfile first.`);
  const { db } = ctx;
  const names = Object.keys(backupTables) as TableName[];
  await db.transaction('rw', names.map((t) => db.table(t)), async () => {
    for (const t of names) {
      await db.table(t).clear();
      const rows = backup.tables[t] as object[];
      for (let i = 0; i < rows.length; i += 5000) await db.table(t).bulkAdd(rows.slice(i, i + 5000));
    }
  });
  if (options.saveSettings) await options.saveSettings(backup.settings);
  return preview;
}
