import { vaultActivityItem as activityItem, vaultActivityItem, vaultAttemptsItem, vaultKeyItem, vaultMetaItem } from '../storage/items';
import { z } from 'zod';
import type { CardfileDb } from '../db/schema';
import { deriveKeyBits, DecryptError, fromBase64, importKeys, MAX_ITERATIONS, MIN_ITERATIONS, open, randomBytes, seal, toBase64 } from './crypto';
import { SEAL_VERSION, SEALED_TABLES, type SealedTable } from './records';
import { cryptoState, LockedError } from './state';
import { dueSnapshotItem } from '../storage/items';
import { scrubStorage } from './scrub';

const sealedSchema = z.object({ v: z.literal(1), iv: z.string(), ct: z.string() });
export const vaultMetaSchema = z.object({
  v: z.literal(1),
  enabled: z.boolean(),
  salt: z.string(),
  iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
  /** A known value sealed with the key: a wrong passphrase fails to open it, before any record is touched. */
  check: sealedSchema,
  /** Minutes without activity before the lock comes back (fractions allowed: 0.05 = 3 s, for tests). */
  autoLockMinutes: z.number().positive().max(24 * 60),
  /** A re-encryption pass in progress: which way, and the last record done per table. */
  pass: z.object({ target: z.enum(['on', 'off']), table: z.enum(SEALED_TABLES), lastId: z.string().optional() }).optional(),
  /** records.ts SEAL_VERSION the records were sealed with (absent: 1). */
  sealVersion: z.number().int().positive().optional(),
});
export type VaultMeta = z.infer<typeof vaultMetaSchema>;

// The lock's storage items live in lib/storage/items.ts; re-exported for existing callers.
export { vaultMetaItem, vaultKeyItem, vaultActivityItem as activityItem };

const CHECK_CONTEXT = 'vault/check';
const CHECK_VALUE = 'cardfile-vault-v1';
const BATCH = 100;

export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError';
  constructor() {
    super('Wrong passphrase');
  }
}

/** Too many wrong passphrases in a row: the next try is refused until `retryAt` (nothing is derived meanwhile). */
export class TooManyAttemptsError extends Error {
  override name = 'TooManyAttemptsError';
  constructor(readonly retryAt: number) {
    super('Too many wrong passphrases: wait before trying again');
  }
}

/** Wrong passphrases in a row and when the last was; local, so closing the page does not reset it. */
export const attemptsItem = vaultAttemptsItem;
/** Free tries before the back-off starts. */
export const FREE_ATTEMPTS = 3;
const MAX_WAIT_MS = 5 * 60_000;
/** How long after the last wrong passphrase the next try is allowed: 0 for the first three, then 2 s, 4 s, 8 s… up to 5 minutes. */
export function backoffMs(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : Math.min(MAX_WAIT_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS + 1));
}

/** keyBitsFor behind the back-off: refused early while waiting, failures counted, reset on success. */
async function checkedKeyBits(meta: VaultMeta, passphrase: string, now = Date.now()): Promise<Uint8Array<ArrayBuffer>> {
  const a = await attemptsItem.getValue();
  if (a) {
    const retryAt = a.lastAt + backoffMs(a.failures);
    if (now < retryAt) throw new TooManyAttemptsError(retryAt);
  }
  try {
    const bits = await keyBitsFor(meta, passphrase);
    if (a) await attemptsItem.setValue(null);
    return bits;
  } catch (e) {
    if (e instanceof WrongPassphraseError) {
      const failures = (a?.failures ?? 0) + 1;
      await attemptsItem.setValue({ failures, lastAt: Date.now() });
      if (backoffMs(failures) > 0) throw new TooManyAttemptsError(Date.now() + backoffMs(failures));
    }
    throw e;
  }
}

/**
 * Work that reads or writes through the key (a backup, a restore) and must not see it vanish
 * halfway: while it runs, a lock from any context (Lock now, the idle timer, another page) locks
 * every other context at once and this one when the work ends. Refused when already locked.
 */
let holds = 0;
let dropWhenFree = false;
export async function withKeyHeld<T>(work: () => Promise<T>): Promise<T> {
  if (cryptoState.ready) await cryptoState.ready;
  if (cryptoState.enabled && !cryptoState.keys) throw new LockedError();
  holds++;
  try {
    return await work();
  } finally {
    if (--holds === 0 && dropWhenFree) {
      dropWhenFree = false;
      if (!(await vaultKeyItem.getValue())) cryptoState.keys = undefined;
    }
  }
}
/** Is a backup or restore holding the key in this context (Lock now waits for it)? */
export const keyHeld = () => holds > 0;
function dropKeys(): void {
  if (holds > 0) dropWhenFree = true;
  else cryptoState.keys = undefined;
}

export async function readMeta(): Promise<VaultMeta | null> {
  const r = vaultMetaSchema.safeParse(await vaultMetaItem.getValue());
  return r.success ? r.data : null;
}

async function applyKeyBits(bits: string | null): Promise<void> {
  if (bits) cryptoState.keys = await importKeys(fromBase64(bits));
  else dropKeys();
}

function applyMeta(meta: VaultMeta | null): void {
  // During a pass to "off" sealed records remain: reads still open them with the keys held.
  cryptoState.enabled = !!meta?.enabled;
}

let started = false;
/**
 * Learn this context's lock state (meta + session key) and follow changes from other contexts.
 * Synchronous start: database writes wait on `cryptoState.ready` until the first read is done.
 */
export function startVault(): Promise<void> {
  if (started && cryptoState.ready) return cryptoState.ready;
  started = true;
  const ready = (async () => {
    applyMeta(await readMeta());
    await applyKeyBits(await vaultKeyItem.getValue());
  })().finally(() => { if (cryptoState.ready === ready) cryptoState.ready = undefined; });
  cryptoState.ready = ready;
  vaultMetaItem.watch((v) => applyMeta(vaultMetaSchema.safeParse(v).data ?? null));
  vaultKeyItem.watch((bits) => void applyKeyBits(bits));
  return ready;
}

/** Derive the key from a passphrase and check it against the stored check value; no record is read. */
async function keyBitsFor(meta: VaultMeta, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const bits = await deriveKeyBits(passphrase, fromBase64(meta.salt), meta.iterations);
  try {
    const value = await open(await importKeys(bits), meta.check, CHECK_CONTEXT);
    if (value !== CHECK_VALUE) throw new WrongPassphraseError();
  } catch (e) {
    if (e instanceof DecryptError) throw new WrongPassphraseError();
    throw e;
  }
  return bits;
}

async function holdKey(bits: Uint8Array<ArrayBuffer>): Promise<void> {
  const b64 = toBase64(bits);
  await applyKeyBits(b64);
  await vaultKeyItem.setValue(b64);
}

export interface PassOptions {
  /** Called after each batch with how many records were done; throwing stops the pass (it resumes later). */
  onProgress?(done: number): void;
  /** Records per batch (and per saved marker); 100 by default. */
  batchSize?: number;
}

/**
 * Re-write every sealed-table record so it matches the lock's target state. Reads go through the
 * crypto layer (opened), writes come back sealed or plain; the marker is saved after every batch,
 * and redoing a record is harmless, so an interrupted pass resumes without loss.
 */
export async function runPass(db: CardfileDb, opts: PassOptions = {}): Promise<void> {
  let meta = await readMeta();
  let done = 0;
  const size = opts.batchSize ?? BATCH;
  while (meta?.pass) {
    const { table, lastId } = meta.pass;
    const coll = lastId ? db.table(table).where(':id').above(lastId) : db.table(table).toCollection();
    const batch = (await coll.limit(size).toArray()) as { id: string }[];
    if (batch.length) await db.transaction('rw', db.table(table), () => db.table(table).bulkPut(batch));
    done += batch.length;
    const nextTable: SealedTable | undefined = SEALED_TABLES[SEALED_TABLES.indexOf(table) + 1];
    const pass = batch.length === size ? { ...meta.pass, lastId: batch[batch.length - 1]!.id } : nextTable ? { target: meta.pass.target, table: nextTable } : undefined;
    meta = { ...meta, pass };
    await vaultMetaItem.setValue(meta);
    opts.onProgress?.(done);
  }
  if (meta && !meta.enabled && !meta.pass) {
    // Lock turned off and every record is plain again: forget the vault.
    await vaultMetaItem.setValue(null);
    await lock();
  }
}

/** Turn the lock on: a new salt and key, then seal every record in one resumable pass. */
export async function enableLock(db: CardfileDb, passphrase: string, opts: PassOptions & { autoLockMinutes?: number; iterations?: number } = {}): Promise<void> {
  if (passphrase.length < 8) throw new RangeError('The passphrase needs at least 8 characters');
  if ((await readMeta())?.enabled) throw new Error('The lock is already on');
  const salt = randomBytes(16);
  const iterations = Math.max(opts.iterations ?? MIN_ITERATIONS, MIN_ITERATIONS);
  const bits = await deriveKeyBits(passphrase, salt, iterations);
  const check = await seal(await importKeys(bits), CHECK_VALUE, CHECK_CONTEXT);
  const meta: VaultMeta = { v: 1, enabled: true, salt: toBase64(salt), iterations, check, autoLockMinutes: opts.autoLockMinutes ?? 15, pass: { target: 'on', table: SEALED_TABLES[0] }, sealVersion: SEAL_VERSION };
  await holdKey(bits);
  await vaultMetaItem.setValue(meta);
  applyMeta(meta);
  await touchActivity(true);
  // The search index persists email and phone tokens: with the lock on it is kept in memory only.
  // Imported here: the search stack (pinyin-pro) is not loaded by every page that opens the database.
  await import('../search-index/store').then((m) => m.forgetPersistedIndex()).catch(() => undefined);
  // The popup's due list in storage.local keeps only what the locked popup shows (no notes).
  const snap = await dueSnapshotItem.getValue().catch(() => null);
  if (snap?.rows.some((r) => r.note)) await dueSnapshotItem.setValue({ ...snap, rows: snap.rows.map((r) => ({ ...r, note: '' })) });
  await runPass(db, opts);
  // Old plaintext versions still sit in the browser's LevelDB files: push them out (see scrub.ts).
  await scrubStorage(undefined, db.name).catch((e: unknown) => console.warn('Cardfile: the storage scrub after locking failed', e));
}

/** Turn the lock off (the passphrase is asked again): every record is opened and stored plain. */
export async function disableLock(db: CardfileDb, passphrase: string, opts: PassOptions = {}): Promise<void> {
  const meta = await readMeta();
  if (!meta) return;
  await holdKey(await checkedKeyBits(meta, passphrase));
  const next: VaultMeta = { ...meta, enabled: false, pass: { target: 'off', table: SEALED_TABLES[0] } };
  await vaultMetaItem.setValue(next);
  applyMeta(next);
  await runPass(db, opts);
}

/** Unlock with the passphrase; a wrong one throws WrongPassphraseError and changes nothing. Resumes a pending pass. */
export async function unlock(db: CardfileDb, passphrase: string): Promise<void> {
  const meta = await readMeta();
  if (!meta) return;
  await holdKey(await checkedKeyBits(meta, passphrase));
  await touchActivity(true);
  if (meta.enabled && !meta.pass && (meta.sealVersion ?? 1) < SEAL_VERSION) {
    // Sealed before more fields were: one pass re-seals every record with today's field set.
    await vaultMetaItem.setValue({ ...meta, sealVersion: SEAL_VERSION, pass: { target: 'on', table: SEALED_TABLES[0] } });
    await runPass(db);
  } else if (meta.pass) await runPass(db);
}

/** Drop the key in every context of this browser. */
export async function lock(): Promise<void> {
  dropKeys();
  await vaultKeyItem.setValue(null);
}

/** Change the idle minutes before the lock comes back. */
export async function setAutoLockMinutes(minutes: number): Promise<void> {
  const meta = await readMeta();
  if (meta) await vaultMetaItem.setValue(vaultMetaSchema.parse({ ...meta, autoLockMinutes: minutes }));
}

let lastTouch = 0;
/** Note user activity (throttled to one write every 5 s) so the idle lock counts from here. */
export async function touchActivity(force = false, now = Date.now()): Promise<void> {
  if (!force && now - lastTouch < 5_000) return;
  lastTouch = now;
  await activityItem.setValue(now);
}

/** Lock when the user has been idle longer than the set minutes; returns whether it locked. */
export async function lockIfIdle(now = Date.now()): Promise<boolean> {
  const meta = await readMeta();
  if (!meta?.enabled || !(await vaultKeyItem.getValue())) return false;
  const last = await activityItem.getValue();
  if (now - last < meta.autoLockMinutes * 60_000) return false;
  await lock();
  return true;
}
