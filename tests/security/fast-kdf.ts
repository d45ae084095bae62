type CryptoModule = typeof import('../../lib/security/crypto');

/**
 * lib/security/crypto with PBKDF2 run at 1 iteration, after checking the caller asked for at least
 * the real floor (600,000): that many take 1–2 s per call here, and crypto.test.ts checks the real
 * derivation. Use as `vi.mock('…/lib/security/crypto', async (orig) => (await import('…/fast-kdf')).withFastKdf(orig))`.
 */
export async function withFastKdf(importOriginal: <T>() => Promise<T>): Promise<CryptoModule> {
  const real = await importOriginal<CryptoModule>();
  return {
    ...real,
    deriveKeyBits: async (passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) => {
      if (iterations < real.MIN_ITERATIONS) throw new RangeError('too few iterations');
      if (!(iterations <= real.MAX_ITERATIONS)) throw new RangeError('too many iterations');
      const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits']);
      return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1 }, base, 512));
    },
  };
}
