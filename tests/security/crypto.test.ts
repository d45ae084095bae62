import { describe, expect, it } from 'vitest';
import { DecryptError, deriveKeyBits, importKeys, lookupHash, MIN_ITERATIONS, open, randomBytes, seal, toBase64 } from '../../lib/security/crypto';

describe('lock crypto primitives', () => {
  it('derives 512 bits with PBKDF2-SHA-256 at 600,000 iterations, the same as WebCrypto does directly', { timeout: 30_000 }, async () => {
    const salt = randomBytes(16);
    const bits = await deriveKeyBits('pässword ✓', salt, MIN_ITERATIONS);
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode('pässword ✓'), 'PBKDF2', false, ['deriveBits']);
    const direct = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 }, base, 512));
    expect(toBase64(bits)).toBe(toBase64(direct));
    await expect(deriveKeyBits('x', salt, 100_000)).rejects.toThrow(RangeError);
  });

  const keysOf = async (seed: number) => importKeys(new Uint8Array(64).fill(seed));

  it.each([
    ['a string', 'hello'],
    ['Chinese and emoji', { name: '张伟', note: '🎉 价格敏感' }],
    ['a big value', { notes: 'x'.repeat(1_000_000) }],
  ])('seal/open round trip: %s, with a fresh IV each time', async (_n, value) => {
    const keys = await keysOf(1);
    const a = await seal(keys, value, 'customers/1');
    const b = await seal(keys, value, 'customers/1');
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
    expect(await open(keys, a, 'customers/1')).toEqual(value);
  });

  it.each([
    ['another key', async (s: Awaited<ReturnType<typeof seal>>) => ({ keys: await keysOf(2), sealed: s, ctx: 'customers/1' })],
    ['another record', async (s: Awaited<ReturnType<typeof seal>>) => ({ keys: await keysOf(1), sealed: s, ctx: 'customers/2' })],
    ['a flipped byte', async (s: Awaited<ReturnType<typeof seal>>) => ({ keys: await keysOf(1), sealed: { ...s, ct: (s.ct[0] === 'A' ? 'B' : 'A') + s.ct.slice(1) }, ctx: 'customers/1' })],
  ])('opening with %s fails with a clear DecryptError', async (_n, make) => {
    const sealed = await seal(await keysOf(1), { emails: ['a@b.c'] }, 'customers/1');
    const { keys, sealed: s, ctx } = await make(sealed);
    await expect(open(keys, s, ctx)).rejects.toThrow(DecryptError);
    await expect(open(keys, s, ctx)).rejects.toThrow(/could not be decrypted/);
  });

  it('lookup hashes are keyed, stable, and reveal nothing of the value', async () => {
    const k1 = await keysOf(1);
    const h = await lookupHash(k1, 'zhang@example.com');
    expect(h).toMatch(/^h:/);
    expect(h).not.toContain('zhang');
    expect(await lookupHash(k1, 'zhang@example.com')).toBe(h);
    expect(await lookupHash(await keysOf(2), 'zhang@example.com')).not.toBe(h);
    expect(await lookupHash(k1, h)).toBe(h); // already hashed: unchanged
  });
});
