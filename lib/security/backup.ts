import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { RepoContext } from '../db/context';
import { BACKUP_FORMAT, exportBackup, parseBackup, type Backup } from '../db/backup';
import { deriveKeyBits, fromBase64, importKeys, MIN_ITERATIONS, open, randomBytes, seal, toBase64 } from './crypto';
import { cryptoState, LockedError } from './state';

/**
 * The backup file: lib/db/backup's versioned JSON of every table and the settings, written as
 * it is or sealed with a passphrase (its own salt, the same PBKDF2 + AES-GCM as the lock).
 * Restores go through lib/db/backup (preview, then one all-or-nothing transaction).
 */
const sealedFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  encrypted: z.literal(true),
  exportedAt: z.number(),
  kdf: z.object({ salt: z.string(), iterations: z.number().int().min(MIN_ITERATIONS) }),
  sealed: z.object({ v: z.literal(1), iv: z.string(), ct: z.string() }),
});

/** The backup could not be read: not a Cardfile backup, damaged, or the passphrase is wrong. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export const backupInfoItem = storage.defineItem<{ lastBackupAt: number } | null>('local:backupInfo', { fallback: null });
const DAY = 86_400_000;

/** Whole days since the last backup, or undefined when there was none. */
export const backupAgeDays = (now: number, last: number | undefined) => (last === undefined ? undefined : Math.floor((now - last) / DAY));
/** Remind after 30 days, or when cards exist and there was never a backup. */
export function needsBackupReminder(now: number, last: number | undefined, hasData: boolean, afterDays = 30): boolean {
  const age = backupAgeDays(now, last);
  return age === undefined ? hasData : age >= afterDays;
}

/**
 * The backup file's text, sealed when a passphrase is given, and the time noted for the reminder.
 * The lock must be open: a backup of sealed records would be unreadable anywhere else.
 */
export async function exportBackupText(ctx: RepoContext, passphrase?: string): Promise<string> {
  if (cryptoState.enabled && !cryptoState.keys) throw new LockedError();
  const backup = await exportBackup(ctx);
  let text: string;
  if (!passphrase) text = JSON.stringify(backup);
  else {
    const salt = randomBytes(16);
    const keys = await importKeys(await deriveKeyBits(passphrase, salt, MIN_ITERATIONS));
    const sealed = await seal(keys, backup, 'backup');
    text = JSON.stringify({ format: BACKUP_FORMAT, encrypted: true, exportedAt: backup.exportedAt, kdf: { salt: toBase64(salt), iterations: MIN_ITERATIONS }, sealed });
  }
  await backupInfoItem.setValue({ lastBackupAt: backup.exportedAt });
  return text;
}

/** Is this backup text sealed (so the passphrase must be asked)? */
export function isEncryptedBackup(text: string): boolean {
  try {
    return (JSON.parse(text) as { encrypted?: unknown }).encrypted === true;
  } catch {
    return false;
  }
}

/** Read, unseal and validate a backup file; throws BackupError with the reason. */
export async function readBackupText(text: string, passphrase?: string): Promise<Backup> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError('This file is not a Cardfile backup (not JSON)');
  }
  const sealedFile = sealedFileSchema.safeParse(json);
  if (sealedFile.success) {
    if (!passphrase) throw new BackupError('This backup is encrypted: enter its passphrase');
    const { kdf, sealed } = sealedFile.data;
    const keys = await importKeys(await deriveKeyBits(passphrase, fromBase64(kdf.salt), kdf.iterations));
    json = await open(keys, sealed, 'backup').catch(() => {
      throw new BackupError('Wrong passphrase, or the backup is damaged');
    });
  }
  try {
    return parseBackup(json);
  } catch (e) {
    throw new BackupError(e instanceof Error ? e.message : String(e));
  }
}
