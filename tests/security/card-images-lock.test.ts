import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// PBKDF2 at 1 iteration, after checking the floor of 600,000 was asked for (see fast-kdf.ts).
vi.mock('../../lib/security/crypto', async (importOriginal) => (await import('./fast-kdf')).withFastKdf(importOriginal));
import { attachCardImages, cardImagesOf, createCustomer } from '../../lib/db';
import { restoreBackup } from '../../lib/db/backup';
import { exportBackupText, readBackupText } from '../../lib/security/backup';
import { cryptoState, LockedError } from '../../lib/security/state';
import { disableLock, enableLock, lock, readMeta, unlock, vaultMetaItem } from '../../lib/security/vault';
import { freshContext } from '../db/helpers';

const PASS = 'correct horse battery';
// Distinctive base64 so a leak is visible in a raw dump.
const PIXELS = 'SECRETPIXELSzhangwei138001380000ABCD';
const img = (data = PIXELS) => ({ side: 'front' as const, mime: 'image/jpeg' as const, data, width: 900, height: 540 });

/** The card images as IndexedDB holds them (the crypto layer cannot open anything). */
async function rawImages(ctx: ReturnType<typeof freshContext>) {
  const keys = cryptoState.keys;
  cryptoState.keys = undefined;
  try {
    return (await ctx.db.cardImages.toArray()) as (Record<string, unknown> & { data: string })[];
  } finally {
    cryptoState.keys = keys;
  }
}

beforeEach(() => {
  cryptoState.enabled = false;
  cryptoState.keys = undefined;
  cryptoState.ready = undefined;
});
afterEach(() => {
  cryptoState.enabled = false;
  cryptoState.keys = undefined;
});

describe('card images under the passphrase lock', () => {
  it('turning the lock on seals images already kept; unlocked reads show them; off unseals them', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: '张伟' });
    await attachCardImages(ctx, c.id, [img()]);
    await enableLock(ctx.db, PASS);
    const sealed = await rawImages(ctx);
    expect(sealed).toHaveLength(1);
    expect(JSON.stringify(sealed)).not.toContain(PIXELS);
    expect(sealed[0]).toMatchObject({ data: '', side: 'front', customerId: c.id, __enc: expect.anything() });
    expect((await cardImagesOf(ctx, c.id))[0]?.data).toBe(PIXELS);

    await disableLock(ctx.db, PASS);
    const plain = await rawImages(ctx);
    expect(plain[0]?.data).toBe(PIXELS);
    expect(plain[0]).not.toHaveProperty('__enc');
  });

  it('an image kept while unlocked is sealed at rest; while locked it reads empty and new images are refused', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: 'Ada' });
    await enableLock(ctx.db, PASS);
    await attachCardImages(ctx, c.id, [img()]);
    expect(JSON.stringify(await rawImages(ctx))).not.toContain(PIXELS);

    await lock();
    const locked = await cardImagesOf(ctx, c.id);
    expect(locked).toHaveLength(1);
    expect(locked[0]?.data).toBe(''); // the UI shows nothing for it (CardImages skips empty data)
    await expect(attachCardImages(ctx, c.id, [img('AAAA')])).rejects.toBeInstanceOf(LockedError);
    expect(await ctx.db.cardImages.count()).toBe(1);

    await unlock(ctx.db, PASS);
    expect((await cardImagesOf(ctx, c.id))[0]?.data).toBe(PIXELS);
  });

  it('a vault sealed before images were (seal version 2) seals the plain images on the next unlock', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: '李娜' });
    await enableLock(ctx.db, PASS);
    // As an older build left it: the image stored in clear, the vault marked with the older field set.
    const keys = cryptoState.keys;
    cryptoState.enabled = false;
    cryptoState.keys = undefined;
    await ctx.db.cardImages.add({ ...img(), id: 'old-image', customerId: c.id, createdAt: ctx.clock.now });
    cryptoState.enabled = true;
    cryptoState.keys = keys;
    await vaultMetaItem.setValue({ ...(await readMeta())!, sealVersion: 2 });
    expect((await rawImages(ctx))[0]?.data).toBe(PIXELS);

    await lock();
    await unlock(ctx.db, PASS);
    expect(JSON.stringify(await rawImages(ctx))).not.toContain(PIXELS);
    expect((await cardImagesOf(ctx, c.id))[0]?.data).toBe(PIXELS);
  });

  it('backups carry the image: a sealed backup keeps it sealed, and it restores whole (sealed again under the lock)', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: '王晓明' });
    await attachCardImages(ctx, c.id, [img()]);
    await enableLock(ctx.db, PASS);
    const sealedText = await exportBackupText(ctx, 'backup passphrase');
    expect(sealedText).not.toContain(PIXELS);
    const plainText = await exportBackupText(ctx);
    expect(plainText).toContain(PIXELS);
    await lock();
    await expect(exportBackupText(ctx)).rejects.toBeInstanceOf(LockedError);
    await unlock(ctx.db, PASS);

    const backup = await readBackupText(sealedText, 'backup passphrase');
    expect(backup.tables.cardImages.map((i) => i.data)).toEqual([PIXELS]);
    const target = freshContext();
    await restoreBackup(target, backup, { mode: 'replace' });
    expect((await cardImagesOf(target, c.id))[0]?.data).toBe(PIXELS);
    expect(JSON.stringify(await rawImages(target))).not.toContain(PIXELS);
  });
});
