import { backupInfoItem } from '../storage/items';
import { z } from 'zod';
import type { RepoContext } from '../db/context';
import {
  BACKUP_FORMAT, blobTextSource, exportBackupBlob, InvalidBackupError, readBackupSource, tableNames, textSource, writeBackup,
  type Backup, type TableName, type TextSource,
} from '../db/backup';
import { JsonSplitter } from '../db/json-stream';
import { deriveKeyBits, fromBase64, importKeys, MAX_ITERATIONS, MIN_ITERATIONS, randomBytes, toBase64, type VaultKeys } from './crypto';
import { withKeyHeld } from './vault';

/**
 * The backup file: lib/db/backup's versioned JSON of every table and the settings, written as it
 * is or sealed with a passphrase (its own salt, the same PBKDF2 + AES-GCM as the lock). Both are
 * written and read as streams (a page of records, a 1 MiB chunk of ciphertext at a time), so a
 * backup of 100,000 customers never sits whole in memory. Sealed files (v2) are the plain JSON's
 * UTF-8 bytes cut into 1 MiB chunks, each sealed on its own; its IV is the file's random IV with
 * the chunk's index in the last 4 bytes, and its additional data names the index and whether it is
 * the last chunk, so chunks cannot be reordered, dropped or cut off. v1 files (the whole JSON
 * sealed at once, before streaming) are still read.
 * `{"format":"cardfile-backup","encrypted":true,"exportedAt":ms,"kdf":{"salt","iterations"},
 *   "sealed":{"v":2,"iv":"…","chunks":["<base64>",…]}}`
 */
const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  encrypted: z.literal(true),
  exportedAt: z.number(),
  kdf: z.object({ salt: z.string(), iterations: z.number().int().min(MIN_ITERATIONS) }),
});
/** The KDF parameters a file may ask for: more iterations than MAX_ITERATIONS are refused before deriving. */
const kdfBoundSchema = z.object({ iterations: z.number().int().max(MAX_ITERATIONS) });
const sealedV1Schema = z.object({ v: z.literal(1), iv: z.string(), ct: z.string() });
const sealedV2Schema = z.object({ v: z.literal(2), iv: z.string() });
/** Plaintext bytes per sealed chunk. */
const CHUNK_BYTES = 1 << 20;
const enc = new TextEncoder();

/**
 * Why a backup could not be written or read, for the user's message (lib/security/messages):
 * 'needPassphrase' "Encrypted" without a passphrase, 'encrypted' a sealed file opened without one,
 * 'wrongOrDamaged' wrong passphrase or altered ciphertext, 'damaged' an unreadable envelope,
 * 'kdf' a file asking for a key derivation too slow to run, 'invalid' the plain JSON is not a
 * valid backup (InvalidBackupError's kind and place in `cause`).
 */
export type BackupErrorCode = 'needPassphrase' | 'encrypted' | 'wrongOrDamaged' | 'damaged' | 'kdf' | 'invalid';

/** The backup could not be read: not a Cardfile backup, damaged, or the passphrase is wrong. */
export class BackupError extends Error {
  override name = 'BackupError';
  constructor(message: string, readonly code: BackupErrorCode = 'invalid', options?: { cause?: unknown }) {
    super(message, options);
  }
}

export { backupInfoItem };
const DAY = 86_400_000;

/** Whole days since the last backup, or undefined when there was none. */
export const backupAgeDays = (now: number, last: number | undefined) => (last === undefined ? undefined : Math.floor((now - last) / DAY));
/** Remind after 30 days, or when cards exist and there was never a backup. */
export function needsBackupReminder(now: number, last: number | undefined, hasData: boolean, afterDays = 30): boolean {
  const age = backupAgeDays(now, last);
  return age === undefined ? hasData : age >= afterDays;
}


/** The IV of chunk `index`: the file's IV with the index XORed into its last 4 bytes. */
function chunkIv(base: Uint8Array, index: number): Uint8Array<ArrayBuffer> {
  const iv = new Uint8Array(base);
  const view = new DataView(iv.buffer);
  view.setUint32(8, view.getUint32(8) ^ index);
  return iv;
}
const chunkAad = (index: number, last: boolean) => enc.encode(`${BACKUP_FORMAT}:${index}:${last ? 'last' : 'more'}`);

/** Collects the plain JSON's bytes and seals them 1 MiB at a time into Blob parts (off the JS heap). */
class Sealer {
  readonly parts: Blob[] = [];
  private pieces: Uint8Array[] = [];
  private bytes = 0;
  private index = 0;

  constructor(private readonly keys: VaultKeys, private readonly iv: Uint8Array, private readonly chunkBytes: number) {}

  write = (text: string): Promise<void> | undefined => {
    const b = enc.encode(text);
    this.pieces.push(b);
    this.bytes += b.length;
    return this.bytes >= this.chunkBytes ? this.seal(false) : undefined;
  };

  async seal(last: boolean): Promise<void> {
    const plain = new Uint8Array(this.bytes);
    let at = 0;
    for (const p of this.pieces) { plain.set(p, at); at += p.length; }
    this.pieces = [];
    this.bytes = 0;
    const i = this.index++;
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: chunkIv(this.iv, i), additionalData: chunkAad(i, last) }, this.keys.aes, plain);
    this.parts.push(new Blob([`${i ? ',' : ''}"${toBase64(new Uint8Array(ct))}"`]));
  }
}

/**
 * The backup file as a Blob, written page by page (sealed chunk by chunk when a passphrase is
 * given), and the time noted for the reminder. The lock must be open: a backup of sealed records
 * would be unreadable anywhere else.
 */
export async function exportBackupFile(
  ctx: RepoContext,
  passphrase?: string,
  options: { onProgress?: (done: number, total: number) => void; pageSize?: number; chunkBytes?: number } = {},
): Promise<Blob> {
  // "Encrypted" ticked with no passphrase must never fall back to a plain file.
  if (passphrase !== undefined && passphrase.length === 0) throw new BackupError('An encrypted backup needs a passphrase', 'needPassphrase');
  // The key is held for the whole backup: a lock meanwhile waits until the file is written (lib/security/vault).
  return withKeyHeld(() => writeBackupFile(ctx, passphrase, options));
}

async function writeBackupFile(
  ctx: RepoContext,
  passphrase: string | undefined,
  options: { onProgress?: (done: number, total: number) => void; pageSize?: number; chunkBytes?: number },
): Promise<Blob> {
  let blob: Blob;
  let exportedAt: number;
  if (!passphrase) ({ blob, exportedAt } = await exportBackupBlob(ctx, options));
  else {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const sealer = new Sealer(await importKeys(await deriveKeyBits(passphrase, salt, MIN_ITERATIONS)), iv, options.chunkBytes ?? CHUNK_BYTES);
    ({ exportedAt } = await writeBackup(ctx, sealer.write, options));
    await sealer.seal(true);
    const head = JSON.stringify({ format: BACKUP_FORMAT, encrypted: true, exportedAt, kdf: { salt: toBase64(salt), iterations: MIN_ITERATIONS }, sealed: { v: 2, iv: toBase64(iv) } });
    blob = new Blob([`${head.slice(0, -2)},"chunks":[`, ...sealer.parts, ']}}'], { type: 'application/json' });
  }
  await backupInfoItem.setValue({ lastBackupAt: exportedAt });
  return blob;
}

/** The backup file's text (small backups and tests; the UI downloads exportBackupFile's Blob). */
export async function exportBackupText(ctx: RepoContext, passphrase?: string): Promise<string> {
  return (await exportBackupFile(ctx, passphrase)).text();
}

/** The top-level values found in the first characters of a backup (its header), without reading further. */
function sniffHeader(head: string): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const splitter = new JsonSplitter({
    descend: (p) => p.length === 0,
    stream: () => false,
    value: (p, v) => { if (p.length === 1) found[p[0]!] = v; },
    element: () => undefined,
  });
  try {
    splitter.push(head);
  } catch {
    // not JSON: the reader says so
  }
  return found;
}
const SNIFF = 64 * 1024;

/** Is this backup sealed (so the passphrase must be asked)? Reads only the start of the file. */
export async function isEncryptedBackupFile(file: Blob): Promise<boolean> {
  return sniffHeader(await file.slice(0, SNIFF).text()).encrypted === true;
}

/** Is this backup text sealed (so the passphrase must be asked)? */
export function isEncryptedBackup(text: string): boolean {
  return sniffHeader(text.slice(0, SNIFF)).encrypted === true;
}

const damaged = () => new BackupError('Wrong passphrase, or the backup is damaged', 'wrongOrDamaged');

/** The plain JSON text inside a sealed file, chunk by chunk (the key is derived once per source). */
function sealedSource(outer: TextSource, passphrase: string): TextSource {
  let keys: Promise<VaultKeys> | undefined;
  const keysFor = (kdf: { salt: string; iterations: number }) => (keys ??= deriveKeyBits(passphrase, fromBase64(kdf.salt), kdf.iterations).then(importKeys));
  const decrypt = async (k: VaultKeys, iv: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>, ct: Uint8Array<ArrayBuffer>) => {
    try {
      return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad }, k.aes, ct));
    } catch {
      throw damaged();
    }
  };
  return async function* read() {
    const head: Record<string, unknown> = {};
    const sealed: Record<string, unknown> = {};
    const chunks: string[] = [];
    let ended = false;
    const splitter = new JsonSplitter({
      descend: (p) => p.length === 0 || (p.length === 1 && p[0] === 'sealed'),
      stream: (p) => p.length === 2 && p[0] === 'sealed' && p[1] === 'chunks',
      value: (p, v) => { (p.length === 1 ? head : sealed)[p[p.length - 1]!] = v; },
      element: (_p, text) => chunks.push(text),
      arrayEnd: () => { ended = true; },
    });
    const envelope = () => {
      const e = envelopeSchema.safeParse(head);
      if (!e.success) throw new BackupError('This encrypted backup is damaged (its header is not readable)', 'damaged');
      if (!kdfBoundSchema.safeParse(e.data.kdf).success) throw new BackupError('This encrypted backup asks for a key derivation far slower than Cardfile writes: refused', 'kdf');
      return e.data;
    };
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let held: string | undefined;
    let index = 0;
    let v2: { k: VaultKeys; iv: Uint8Array } | undefined;
    const open = async (b64: string, last: boolean) => {
      if (!v2) {
        const s = sealedV2Schema.safeParse(sealed);
        if (!s.success) throw new BackupError('This encrypted backup is damaged (its header is not readable)', 'damaged');
        v2 = { k: await keysFor(envelope().kdf), iv: fromBase64(s.data.iv) };
      }
      const i = index++;
      const pt = await decrypt(v2.k, chunkIv(v2.iv, i), chunkAad(i, last), fromBase64(JSON.parse(b64) as string));
      return decoder.decode(pt, { stream: !last });
    };
    for await (const text of outer()) {
      splitter.push(text);
      // One chunk is held back: only the last may be opened as the last.
      while (chunks.length) {
        if (held !== undefined) yield await open(held, false);
        held = chunks.shift();
      }
    }
    splitter.end();
    const v1 = sealedV1Schema.safeParse(sealed);
    if (v1.success) {
      // Before streaming the whole JSON was sealed at once (lib/security/crypto seal, context 'backup').
      const k = await keysFor(envelope().kdf);
      yield decoder.decode(await decrypt(k, fromBase64(v1.data.iv), enc.encode('backup'), fromBase64(v1.data.ct)));
      return;
    }
    if (held === undefined || !ended) throw damaged();
    yield await open(held, true);
  };
}

/**
 * A backup file (or text) as the plain JSON text source lib/db/backup reads (previewBackupSource,
 * restoreBackupSource), unsealed chunk by chunk when it is encrypted. Throws BackupError when a
 * passphrase is needed; a wrong one fails on the first chunk read.
 */
export async function backupSource(file: Blob | string, passphrase?: string): Promise<TextSource> {
  const source = typeof file === 'string' ? textSource(file) : blobTextSource(file);
  const encrypted = typeof file === 'string' ? isEncryptedBackup(file) : await isEncryptedBackupFile(file);
  if (!encrypted) return source;
  if (!passphrase) throw new BackupError('This backup is encrypted: enter its passphrase', 'encrypted');
  return sealedSource(source, passphrase);
}

/** Turn a file's "not a valid backup" into the BackupError the UI shows; other errors pass through. */
export function asBackupError(e: unknown): unknown {
  return e instanceof InvalidBackupError ? new BackupError(e.message, 'invalid', { cause: e }) : e;
}

/** Read, unseal and validate a whole backup into memory (small backups and tests); throws BackupError with the reason. */
export async function readBackupText(text: string, passphrase?: string): Promise<Backup> {
  const tables = Object.fromEntries(tableNames.map((t) => [t, [] as unknown[]])) as Record<TableName, unknown[]>;
  try {
    const header = await readBackupSource(await backupSource(text, passphrase), (t, records) => {
      for (const r of records) tables[t].push(r);
    });
    return { ...header, tables: tables as Backup['tables'] };
  } catch (e) {
    throw asBackupError(e);
  }
}
