import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { CardfileDb } from '../db/schema';
import { auditEntrySchema, customerSchema, followUpSchema, interactionSchema } from '../domain';
import { deriveKeyBits, fromBase64, importKeys, MIN_ITERATIONS, open, randomBytes, seal, toBase64 } from './crypto';
import { cryptoState, LockedError } from './state';

/**
 * Backup and restore of every table, optionally encrypted with a passphrase (its own salt, the
 * same PBKDF2 + AES-GCM as the lock). A restore is previewed first and applied in one transaction.
 */
export const BACKUP_FORMAT = 'cardfile-backup';
const tablesSchema = z.object({
  customers: z.array(customerSchema),
  interactions: z.array(interactionSchema),
  followUps: z.array(followUpSchema),
  audit: z.array(auditEntrySchema),
});
const plainSchema = z.object({ format: z.literal(BACKUP_FORMAT), version: z.literal(1), createdAt: z.number(), encrypted: z.literal(false), tables: tablesSchema });
const encryptedSchema = z.object({
  format: z.literal(BACKUP_FORMAT), version: z.literal(1), createdAt: z.number(), encrypted: z.literal(true),
  kdf: z.object({ salt: z.string(), iterations: z.number().int().min(MIN_ITERATIONS) }),
  sealed: z.object({ v: z.literal(1), iv: z.string(), ct: z.string() }),
});
export type BackupTables = z.infer<typeof tablesSchema>;

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

/** Every table as plain records (the lock must be open: a backup of sealed records would be unreadable). */
export async function exportBackup(db: CardfileDb, now: number, passphrase?: string): Promise<string> {
  if (cryptoState.enabled && !cryptoState.keys) throw new LockedError();
  const tables = await db.transaction('r', [db.customers, db.interactions, db.followUps, db.audit], async () => ({
    customers: await db.customers.toArray(),
    interactions: await db.interactions.toArray(),
    followUps: await db.followUps.toArray(),
    audit: await db.audit.toArray(),
  }));
  if (!passphrase) return JSON.stringify({ format: BACKUP_FORMAT, version: 1, createdAt: now, encrypted: false, tables });
  const salt = randomBytes(16);
  const keys = await importKeys(await deriveKeyBits(passphrase, salt, MIN_ITERATIONS));
  const sealed = await seal(keys, tables, 'backup');
  return JSON.stringify({ format: BACKUP_FORMAT, version: 1, createdAt: now, encrypted: true, kdf: { salt: toBase64(salt), iterations: MIN_ITERATIONS }, sealed });
}

/** Is this backup text encrypted (so the passphrase must be asked)? */
export function isEncryptedBackup(text: string): boolean {
  try {
    return (JSON.parse(text) as { encrypted?: unknown }).encrypted === true;
  } catch {
    return false;
  }
}

/** Read and validate a backup; throws BackupError with the reason. */
export async function readBackup(text: string, passphrase?: string): Promise<{ createdAt: number; tables: BackupTables }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError('This file is not a Cardfile backup (not JSON)');
  }
  const enc = encryptedSchema.safeParse(json);
  if (enc.success) {
    if (!passphrase) throw new BackupError('This backup is encrypted: enter its passphrase');
    const keys = await importKeys(await deriveKeyBits(passphrase, fromBase64(enc.data.kdf.salt), enc.data.kdf.iterations));
    const inner = await open(keys, enc.data.sealed, 'backup').catch(() => {
      throw new BackupError('Wrong passphrase, or the backup is damaged');
    });
    json = { format: BACKUP_FORMAT, version: 1, createdAt: enc.data.createdAt, encrypted: false, tables: inner };
  }
  const plain = plainSchema.safeParse(json);
  if (!plain.success) {
    const issue = plain.error.issues[0];
    throw new BackupError(`This file is not a valid Cardfile backup (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'})`);
  }
  return { createdAt: plain.data.createdAt, tables: plain.data.tables };
}

/** What a restore would replace, for the preview. */
export async function restorePreview(db: CardfileDb, tables: BackupTables) {
  return {
    customers: await db.customers.count(), interactions: await db.interactions.count(), followUps: await db.followUps.count(),
    bCustomers: tables.customers.length, bInteractions: tables.interactions.length, bFollowUps: tables.followUps.length,
  };
}

/** Replace everything with the backup, all or nothing (sealed again on the way in when the lock is on). */
export async function restoreBackup(db: CardfileDb, tables: BackupTables): Promise<void> {
  await db.transaction('rw', [db.customers, db.interactions, db.followUps, db.audit], async () => {
    await Promise.all([db.customers.clear(), db.interactions.clear(), db.followUps.clear(), db.audit.clear()]);
    await db.customers.bulkAdd(tables.customers);
    await db.interactions.bulkAdd(tables.interactions);
    await db.followUps.bulkAdd(tables.followUps);
    await db.audit.bulkAdd(tables.audit);
  });
}
