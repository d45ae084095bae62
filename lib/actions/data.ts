// Whole-workspace writes: an import's commit, a backup's restore (each all or nothing, in its own
// transaction over the tables it writes; see lib/db/import.ts and lib/db/backup-restore.ts).
import type { RepoContext } from '../db/context';
import { restoreBackupSource, type TextSource } from '../db/backup';
import { importPrepared } from '../db/import';

export { ImportValidationError, type DuplicateMode } from '../db/import';
export { previewBackupSource, type BackupPreview, type TextSource } from '../db/backup';

/** Commit a prepared import: every row or none (ImportValidationError names the rows). */
export function commitImport(ctx: RepoContext, ...args: Parameters<typeof importPrepared> extends [RepoContext, ...infer R] ? R : never) {
  return importPrepared(ctx, ...args);
}

/** Replace the workspace with a backup: all or nothing; its settings are saved once the data committed. */
export function restoreFromBackup(ctx: RepoContext, source: TextSource, ...rest: Parameters<typeof restoreBackupSource> extends [RepoContext, TextSource, ...infer R] ? R : never) {
  return restoreBackupSource(ctx, source, ...rest);
}
