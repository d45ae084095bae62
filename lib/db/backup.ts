import Dexie, { type IndexableType } from 'dexie';
import { BACKUP_FORMAT, BACKUP_VERSION, EXPORT_PAGE, parseBackup, tableNames, type Backup, type BackupPreview, type TableName } from './backup-format';
import { restoreBackupSource, textSource } from './backup-restore';
import type { RepoContext } from './context';
import { cryptoState, LockedError } from '../security/state';

export * from './backup-format';
export * from './backup-restore';

/** Receives the backup's JSON text piece by piece, in order; a returned promise is awaited (back-pressure). */
export type BackupWriter = (text: string) => void | PromiseLike<void>;

/**
 * Write the JSON backup incrementally: the same text as `JSON.stringify(await exportBackup(ctx))`,
 * but each table is read in primary-key pages of `pageSize` records and each page is serialised on
 * its own, so no more than a page is ever in memory. One read transaction: a consistent snapshot.
 */
export async function writeBackup(
  ctx: RepoContext,
  write: BackupWriter,
  options: { pageSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ exportedAt: number; counts: Record<TableName, number> }> {
  const { db } = ctx;
  if (cryptoState.enabled && !cryptoState.keys) throw new LockedError();
  const settings = await ctx.settings(); // browser.storage: never awaited inside the transaction
  const exportedAt = ctx.now();
  const pageSize = options.pageSize ?? EXPORT_PAGE;
  const counts = Object.fromEntries(tableNames.map((t) => [t, 0])) as Record<TableName, number>;
  await db.transaction('r', tableNames.map((t) => db.table(t)), async () => {
    // The writer may await non-IndexedDB work (encryption): Dexie.waitFor keeps the transaction open.
    const put = async (text: string) => {
      const pending = write(text);
      if (pending) await Dexie.waitFor(pending);
    };
    const total = options.onProgress ? (await Promise.all(tableNames.map((t) => db.table(t).count()))).reduce((a, b) => a + b, 0) : 0;
    let done = 0;
    const head = JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, dbVersion: db.verno, exportedAt, settings });
    await put(`${head.slice(0, -1)},"tables":{`);
    const readPage = (t: TableName, after: IndexableType | undefined) => {
      const table = db.table(t);
      return (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(pageSize).toArray() as Promise<{ id: IndexableType }[]>;
    };
    // The next page is asked for as soon as a page arrives, so IndexedDB reads it while this one is serialised.
    let next = readPage(tableNames[0]!, undefined);
    for (const [ti, t] of tableNames.entries()) {
      await put(`${ti ? ',' : ''}${JSON.stringify(t)}:[`);
      for (;;) {
        const rows = await next;
        const following = tableNames[ti + 1];
        const full = rows.length === pageSize;
        next = full ? readPage(t, rows[rows.length - 1]!.id) : following ? readPage(following, undefined) : Promise.resolve([]);
        // A record still sealed means the key went away mid-backup: such a file would be unreadable anywhere else.
        if (rows.some((r) => '__enc' in r)) throw new LockedError();
        if (rows.length) {
          // One native stringify per page; its brackets are dropped so pages join into one array.
          await put(`${counts[t] ? ',' : ''}${JSON.stringify(rows).slice(1, -1)}`);
          counts[t] += rows.length;
          done += rows.length;
          options.onProgress?.(done, total);
        }
        if (!full) break;
      }
      await put(']');
    }
    await put('}}');
  });
  return { exportedAt, counts };
}

/** Blob parts of about this many characters: few enough parts, and the text leaves the JS heap early. */
const PART_CHARS = 4 << 20;

/** The JSON backup as a Blob, written page by page (the text goes into the Blob's storage, not the JS heap). */
export async function exportBackupBlob(
  ctx: RepoContext,
  options: { pageSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ blob: Blob; exportedAt: number; counts: Record<TableName, number> }> {
  const parts: Blob[] = [];
  let pending: string[] = [];
  let chars = 0;
  const flush = () => {
    parts.push(new Blob(pending));
    pending = [];
    chars = 0;
  };
  const r = await writeBackup(ctx, (text) => {
    pending.push(text);
    chars += text.length;
    if (chars >= PART_CHARS) flush();
  }, options);
  flush();
  return { blob: new Blob(parts, { type: 'application/json' }), ...r };
}

/** A versioned snapshot of every table and the settings, in memory (small databases and tests; files use writeBackup). */
export async function exportBackup(ctx: RepoContext): Promise<Backup> {
  const { db } = ctx;
  const settings = await ctx.settings();
  const rows = await db.transaction('r', tableNames.map((t) => db.table(t)), () => Promise.all(tableNames.map((t) => db.table(t).toArray())));
  const tables = Object.fromEntries(tableNames.map((t, i) => [t, rows[i]])) as Backup['tables'];
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, dbVersion: db.verno, exportedAt: ctx.now(), settings, tables };
}

/** What a restore of a backup held in memory would do, for the confirmation dialog (files: previewBackupSource). */
export async function previewRestore(ctx: RepoContext, json: unknown): Promise<BackupPreview> {
  const backup = parseBackup(json);
  const counts = await Promise.all(tableNames.map((t) => ctx.db.table(t).count()));
  return {
    exportedAt: backup.exportedAt,
    incoming: Object.fromEntries(tableNames.map((t) => [t, backup.tables[t].length])) as Record<TableName, number>,
    replaced: Object.fromEntries(tableNames.map((t, i) => [t, counts[i]])) as Record<TableName, number>,
  };
}

/**
 * Restore a backup held in memory (a parsed object): the same path as a file, through its JSON
 * text, so it is validated and written page by page in one all-or-nothing transaction.
 */
export async function restoreBackup(
  ctx: RepoContext,
  json: unknown,
  options: { mode: 'replace'; saveSettings?: (s: Backup['settings']) => Promise<void> },
): Promise<BackupPreview> {
  return restoreBackupSource(ctx, textSource(JSON.stringify(json) ?? 'null'), options);
}
