/**
 * WebCrypto primitives of the passphrase lock: PBKDF2-SHA-256 key derivation, AES-GCM sealing of a
 * record's sensitive fields (bound to its table and id), and HMAC-SHA-256 lookup keys.
 * Nothing here touches storage; keys are passed in.
 */

/** OWASP 2023 floor for PBKDF2-HMAC-SHA256. */
export const MIN_ITERATIONS = 600_000;
/**
 * The most iterations Cardfile derives with (5× the floor, about 1.5 s here). Salt and iterations
 * are read from files and storage: a crafted backup asking for 2×10⁹ would hang the page for
 * minutes, so anything above is refused before deriving.
 */
export const MAX_ITERATIONS = 3_000_000;
const enc = new TextEncoder();
const dec = new TextDecoder();

export interface VaultKeys {
  aes: CryptoKey;
  hmac: CryptoKey;
}

/** A sealed value as stored: AES-GCM ciphertext with its own random IV. */
export interface Sealed {
  v: 1;
  iv: string;
  ct: string;
}

/** The ciphertext could not be opened: the record was altered, or the key is not the one it was sealed with. */
export class DecryptError extends Error {
  override name = 'DecryptError';
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** 64 bytes from the passphrase: the first 32 are the AES key, the last 32 the HMAC key. */
export async function deriveKeyBits(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  if (iterations < MIN_ITERATIONS) throw new RangeError(`PBKDF2 needs at least ${MIN_ITERATIONS} iterations`);
  if (!(iterations <= MAX_ITERATIONS)) throw new RangeError(`PBKDF2 is limited to ${MAX_ITERATIONS} iterations`);
  const base = await crypto.subtle.importKey('raw', enc.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512));
}

/** Non-extractable CryptoKeys from derived bits. */
export async function importKeys(bits: Uint8Array<ArrayBuffer>): Promise<VaultKeys> {
  const aes = await crypto.subtle.importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  const hmac = await crypto.subtle.importKey('raw', bits.slice(32, 64), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return { aes, hmac };
}

/** Seal any JSON value; `context` (table + id) is authenticated so a sealed value cannot be moved to another record. */
export async function seal(keys: VaultKeys, value: unknown, context: string): Promise<Sealed> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(context) }, keys.aes, enc.encode(JSON.stringify(value)));
  return { v: 1, iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Open a sealed value; throws DecryptError when it was tampered with or the key is wrong. */
export async function open<T = unknown>(keys: VaultKeys, sealed: Sealed, context: string): Promise<T> {
  try {
    const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: enc.encode(context) }, keys.aes, fromBase64(sealed.ct));
    return JSON.parse(dec.decode(pt)) as T;
  } catch {
    throw new DecryptError(`Encrypted data of ${context} could not be decrypted: it was altered, or the key is not the one it was locked with`);
  }
}

/** Prefix that marks a lookup key as an HMAC (plain keys are lower-case emails or +E.164 numbers). */
export const HMAC_PREFIX = 'h:';

/** The keyed hash of a normalised lookup value (an email or an E.164 phone). */
export async function lookupHash(keys: VaultKeys, normalised: string): Promise<string> {
  if (normalised.startsWith(HMAC_PREFIX)) return normalised;
  const mac = await crypto.subtle.sign('HMAC', keys.hmac, enc.encode(normalised));
  return HMAC_PREFIX + toBase64(new Uint8Array(mac).slice(0, 16));
}
