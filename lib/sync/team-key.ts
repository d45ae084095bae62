import { deriveKeyBits, fromBase64, importKeys, lookupHash, MIN_ITERATIONS, open, randomBytes, seal, toBase64, type Sealed, type VaultKeys } from '../security/crypto';
import { protectedFields, type FieldConflict, type SyncedTable } from './wire';

/**
 * End-to-end encryption of a team workspace: the protected fields (the passphrase lock's sealed
 * fields, and every conflict value) travel sealed under a workspace key that members derive from
 * the team passphrase (PBKDF2-SHA-256, 600k, salt on the server). The server stores ciphertext and
 * keyed hashes of the lookup keys only. The same primitives as the local lock (lib/security).
 */
export interface TeamKeyMeta {
  salt: string;
  iterations: number;
  /** A known value sealed with the key: a wrong team passphrase is caught before anything is read. */
  check: Sealed;
}

const CHECK = 'cardfile-team-v1';

export class WrongTeamPassphraseError extends Error {
  override name = 'WrongTeamPassphraseError';
  constructor() { super('Wrong team passphrase'); }
}

export async function newTeamKey(passphrase: string, iterations = MIN_ITERATIONS): Promise<{ meta: TeamKeyMeta; bits: string; keys: VaultKeys }> {
  const salt = randomBytes(16);
  const bits = await deriveKeyBits(passphrase, salt, iterations);
  const keys = await importKeys(bits);
  return { meta: { salt: toBase64(salt), iterations, check: await seal(keys, CHECK, 'meta:check') }, bits: toBase64(bits), keys };
}

/** The key bits for a passphrase; throws WrongTeamPassphraseError when the check does not open. */
export async function unlockTeamKey(passphrase: string, meta: TeamKeyMeta): Promise<{ bits: string; keys: VaultKeys }> {
  const bits = await deriveKeyBits(passphrase, fromBase64(meta.salt), meta.iterations);
  const keys = await importKeys(bits);
  try {
    if ((await open(keys, meta.check, 'meta:check')) !== CHECK) throw new Error('check');
  } catch {
    throw new WrongTeamPassphraseError();
  }
  return { bits: toBase64(bits), keys };
}

export const keysFromBits = (bits: string) => importKeys(fromBase64(bits));

/** Seal a record's protected fields and its conflicts. Returns the data with those fields emptied. */
export async function sealDoc(keys: VaultKeys, table: SyncedTable, docId: string, data: Record<string, unknown>, conflicts: FieldConflict[], lookupKeys: string[]) {
  const empty = protectedFields(table);
  const secret: Record<string, unknown> = { conflicts };
  const out: Record<string, unknown> = { ...data };
  for (const [f, e] of Object.entries(empty)) if (f in data) { secret[f] = data[f]; out[f] = e; }
  if (table === 'interactions' && data.nextStep) {
    const next = data.nextStep as { text?: string };
    secret.nextStepText = next.text ?? '';
    out.nextStep = { ...next, text: '' };
  }
  const enc = await seal(keys, secret, docId);
  const lookup = await Promise.all(lookupKeys.map((k) => lookupHash(keys, k)));
  return { data: out, enc, lookup };
}

/** Open a sealed document back to its plain data and conflicts (throws DecryptError on tampering). */
export async function openDoc(keys: VaultKeys, table: SyncedTable, docId: string, data: Record<string, unknown>, enc: Sealed): Promise<{ data: Record<string, unknown>; conflicts: FieldConflict[] }> {
  const secret = await open<Record<string, unknown>>(keys, enc, docId);
  const out: Record<string, unknown> = { ...data };
  for (const f of Object.keys(protectedFields(table))) if (f in secret) out[f] = secret[f];
  if (table === 'interactions' && out.nextStep && typeof secret.nextStepText === 'string') out.nextStep = { ...(out.nextStep as object), text: secret.nextStepText };
  return { data: out, conflicts: (secret.conflicts as FieldConflict[] | undefined) ?? [] };
}
