import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addFollowUp, addInteraction, createCustomer, findByEmail } from '../../lib/db';
import { previewRestore, restoreBackup } from '../../lib/db/backup';
import { BackupError, backupAgeDays, backupInfoItem, exportBackupText, isEncryptedBackup, needsBackupReminder, readBackupText } from '../../lib/security/backup';
import { cryptoState, LockedError } from '../../lib/security/state';
import { enableLock, lock } from '../../lib/security/vault';
import { freshContext } from '../db/helpers';

// PBKDF2 at 1 iteration, after checking the floor of 600,000 was asked for (see fast-kdf.ts).
vi.mock('../../lib/security/crypto', async (importOriginal) => (await import('./fast-kdf')).withFastKdf(importOriginal));

beforeEach(() => {
  cryptoState.enabled = false;
  cryptoState.keys = undefined;
  cryptoState.ready = undefined;
});

async function seeded() {
  const ctx = freshContext();
  const c = await createCustomer(ctx, { name: '王晓明', emails: [{ value: 'wangxm@huateng.example' }], phones: [{ raw: '138 0013 8000' }], notes: 'VIP' });
  await addInteraction(ctx, { customerId: c.id, type: 'call', occurredAt: ctx.clock.now, content: 'price talk' });
  await addFollowUp(ctx, { customerId: c.id, dueAt: ctx.clock.now + 1000, reason: 'next-step', ruleKey: `manual:${c.id}` });
  return { ctx, c };
}

describe('backup and restore', () => {
  it.each([['plain', undefined], ['encrypted', 'backup passphrase']] as const)('%s backup restores losslessly into an empty workspace', async (_n, pass) => {
    const { ctx, c } = await seeded();
    const text = await exportBackupText(ctx, pass);
    expect(isEncryptedBackup(text)).toBe(!!pass);
    if (pass) expect(text).not.toMatch(/wangxm|王晓明|price talk/);
    expect((await backupInfoItem.getValue())?.lastBackupAt).toBe(ctx.clock.now);
    const backup = await readBackupText(text, pass);
    const target = freshContext();
    const preview = await previewRestore(target, backup);
    expect(preview.replaced).toEqual({ customers: 0, interactions: 0, followUps: 0, audit: 0, auditCampaigns: 0, auditChecks: 0, cardImages: 0 });
    expect(preview.incoming).toMatchObject({ customers: 1, interactions: 1 });
    await restoreBackup(target, backup, { mode: 'replace' });
    expect(await target.db.customers.get(c.id)).toEqual(await ctx.db.customers.get(c.id));
    expect(await target.db.interactions.count()).toBe(1);
    expect(await target.db.followUps.count()).toBe(await ctx.db.followUps.count());
    expect(await target.db.audit.count()).toBe(await ctx.db.audit.count());
  });

  it.each([
    ['not JSON', 'hello', undefined, /not JSON/],
    ['another JSON file', '{"a":1}', undefined, /not a valid Cardfile backup/],
    ['an encrypted backup without passphrase', null, undefined, /encrypted/],
    ['an encrypted backup with a wrong passphrase', null, 'wrong', /Wrong passphrase/],
  ])('refuses %s with a clear BackupError', async (_n, text, pass, message) => {
    const { ctx } = await seeded();
    const input = text ?? (await exportBackupText(ctx, 'right passphrase'));
    await expect(readBackupText(input, pass)).rejects.toThrow(BackupError);
    await expect(readBackupText(input, pass)).rejects.toThrow(message);
  });

  it('a restore into a locked-on workspace is sealed at rest, and lookups work', async () => {
    const { ctx } = await seeded();
    const backup = await readBackupText(await exportBackupText(ctx));
    const target = freshContext();
    await enableLock(target.db, 'correct horse battery');
    await restoreBackup(target, backup, { mode: 'replace' });
    expect((await findByEmail(target, 'wangxm@huateng.example'))[0]?.name).toBe('王晓明');
    await lock();
    expect(JSON.stringify(await target.db.customers.toArray())).not.toContain('wangxm');
    await expect(exportBackupText(target)).rejects.toBeInstanceOf(LockedError);
    await expect(restoreBackup(target, backup, { mode: 'replace' })).rejects.toBeInstanceOf(LockedError);
    expect(await target.db.customers.count()).toBe(1); // all or nothing: the failed restore cleared nothing
  });

  it.each([
    [undefined, false, false],
    [undefined, true, true],
    [0, true, false],
    [29, true, false],
    [30, true, true],
    [45, false, true],
  ])('last backup %s days ago, cards: %s → remind: %s', (days, hasData, remind) => {
    const now = Date.UTC(2026, 10, 22);
    const last = days === undefined ? undefined : now - days * 86_400_000;
    expect(needsBackupReminder(now, last, hasData)).toBe(remind);
    expect(backupAgeDays(now, last)).toBe(days);
  });
});
