import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// PBKDF2 at 1 iteration, after checking the bounds were respected (see fast-kdf.ts).
vi.mock('../../lib/security/crypto', async (importOriginal) => (await import('./fast-kdf')).withFastKdf(importOriginal));
import { addInteraction, createCustomer, getCustomer } from '../../lib/db';
import { previewBackupSource, restoreBackupSource, textSource } from '../../lib/db/backup';
import { dataEpochItem } from '../../lib/db/data-epoch';
import { storedSnapshot } from '../../lib/background/followups';
import { lang } from '../../lib/i18n';
import { backupSource, BackupError, exportBackupFile, exportBackupText, readBackupText } from '../../lib/security/backup';
import { MAX_ITERATIONS } from '../../lib/security/crypto';
import { securityErrorText } from '../../lib/security/messages';
import { cryptoState } from '../../lib/security/state';
import { attemptsItem, enableLock, lock, TooManyAttemptsError, unlock, vaultKeyItem, WrongPassphraseError } from '../../lib/security/vault';
import { freshContext } from '../db/helpers';

/**
 * Red-team attacks on the lock and the backups (issue 20), each kept as a test: a clear message in
 * both languages, every table unchanged when the attack is refused, nothing personal in clear.
 */
const PASS = 'correct horse battery';
type Ctx = ReturnType<typeof freshContext>;

beforeEach(() => {
  cryptoState.enabled = false;
  cryptoState.keys = undefined;
  cryptoState.ready = undefined;
  lang.value = 'en';
});
afterEach(() => {
  cryptoState.enabled = false;
  cryptoState.keys = undefined;
  lang.value = 'en';
});

async function seed(ctx: Ctx, n = 5) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await createCustomer(ctx, {
      name: `李娜${i}`, company: '杭州青禾', emails: [{ value: `lina${i}@qinghe.example` }], phones: [{ raw: `139 0571 00${String(i).padStart(2, '0')}` }],
      birthday: { month: 11, day: 28, year: 1988 }, websites: [`https://secret-site-${i}.example`], customFields: { 合同号: `HT-SECRET-${i}` },
      needs: { summary: `needs cold storage ${i}`, budget: '88万' }, notes: 'private note',
    });
    await addInteraction(ctx, {
      customerId: c.id, type: 'meeting', occurredAt: ctx.clock.now - 86_400_000, subject: 'Renewal terms', content: 'discount 12%',
      nextStep: { text: 'send the revised quote', dueAt: ctx.clock.now + 86_400_000 },
    });
    ids.push(c.id);
  }
  return ids;
}

/** A checksum of every table as stored (the crypto layer cannot open anything meanwhile). */
async function checksum(ctx: Ctx): Promise<string> {
  const keys = cryptoState.keys;
  cryptoState.keys = undefined;
  try {
    const tables = await Promise.all(['customers', 'interactions', 'followUps', 'audit'].map((t) => ctx.db.table(t).toArray()));
    const text = JSON.stringify(tables.map((rows) => (rows as { id: string }[]).map((r) => ({ ...r, __enc: (r as { __enc?: { ct: string } }).__enc?.ct })).sort((a, b) => a.id.localeCompare(b.id))));
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  } finally {
    cryptoState.keys = keys;
  }
}

async function rawDump(ctx: Ctx): Promise<string> {
  const keys = cryptoState.keys;
  cryptoState.keys = undefined;
  try {
    return JSON.stringify(await Promise.all(['customers', 'interactions', 'followUps', 'audit'].map((t) => ctx.db.table(t).toArray())));
  } finally {
    cryptoState.keys = keys;
  }
}

/** The message in both languages: neither is empty, and the Chinese one has no English words. */
function bothLanguages(e: unknown): { en: string; zh: string } {
  lang.value = 'en';
  const en = securityErrorText(e);
  lang.value = 'zh-CN';
  const zh = securityErrorText(e);
  lang.value = 'en';
  expect(zh).not.toMatch(/\b(?!Cardfile\b|JSON\b)[A-Za-z]{4,}\b/); // no English sentence in the Chinese UI
  expect(en).not.toBe('');
  return { en, zh };
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

describe('red team: backups', () => {
  it('"Encrypted" with an empty passphrase is refused, never written as plain JSON', async () => {
    const ctx = freshContext();
    await seed(ctx, 1);
    const e = await caught(exportBackupFile(ctx, ''));
    expect(e).toBeInstanceOf(BackupError);
    const { en, zh } = bothLanguages(e);
    expect(en).toMatch(/passphrase/);
    expect(zh).toMatch(/密码/);
  });

  it('"Lock now" during a backup: the backup finishes with every record opened, then the page locks', async () => {
    const ctx = freshContext();
    await seed(ctx, 30);
    await enableLock(ctx.db, PASS);
    let locked = false;
    const blob = await exportBackupFile(ctx, undefined, {
      pageSize: 5,
      onProgress: (done) => { if (!locked && done >= 5) { locked = true; void lock(); } },
    });
    expect(locked).toBe(true);
    const text = await blob.text();
    expect(text).not.toContain('__enc');
    expect(text.match(/lina\d+@qinghe\.example/g)?.length).toBeGreaterThanOrEqual(30);
    // The lock happened everywhere else at once, and here once the file was written.
    expect(await vaultKeyItem.getValue()).toBeNull();
    await vi.waitFor(() => expect(cryptoState.keys).toBeUndefined());
  });

  it('a backup while locked is refused with a clear message', async () => {
    const ctx = freshContext();
    await seed(ctx, 1);
    await enableLock(ctx.db, PASS);
    await lock();
    const { en, zh } = bothLanguages(await caught(exportBackupFile(ctx)));
    expect(en).toMatch(/locked/);
    expect(zh).toMatch(/锁定/);
  });

  it('a file holding records still sealed is refused at preview and restore; nothing is stripped', async () => {
    const source = freshContext();
    const [id] = await seed(source, 2);
    const plain = await exportBackupText(source);
    // A file written with the ciphertext still in (the old bug): the record carries __enc.
    const forged = plain.replace(`{"id":"${id}"`, `{"__enc":{"v":1,"iv":"AAAA","ct":"BBBB"},"id":"${id}"`);
    expect(forged).not.toBe(plain);
    const into = freshContext();
    await seed(into, 1);
    const before = await checksum(into);
    const p = await caught(previewBackupSource(into, textSource(forged)));
    const { en, zh } = bothLanguages(p);
    expect(en).toMatch(/still locked.*record 1 of customers/);
    expect(zh).toMatch(/客户表第 1 条/);
    await expect(restoreBackupSource(into, textSource(forged), { mode: 'replace' })).rejects.toThrow(/still locked/);
    expect(await checksum(into)).toBe(before);
  });

  it('duplicate ids are caught at preview with a clear message, before anything is touched', async () => {
    const source = freshContext();
    const ids = await seed(source, 3);
    const dup = (await exportBackupText(source)).replace(`"id":"${ids[2]}"`, `"id":"${ids[0]}"`);
    const into = freshContext();
    await seed(into, 1);
    const before = await checksum(into);
    const e = await caught(previewBackupSource(into, textSource(dup)));
    const { en, zh } = bothLanguages(e);
    expect(en).toMatch(/Record 3 of customers has the same id as record 1/);
    expect(zh).toMatch(/客户表第 3 条记录与第 1 条/);
    expect(await checksum(into)).toBe(before);
  });

  it('a crafted sealed backup asking for 2×10⁹ PBKDF2 iterations is refused at once', async () => {
    const ctx = freshContext();
    await seed(ctx, 1);
    const sealed = (await exportBackupText(ctx, 'backup pass')).replace(/"iterations":\d+/, '"iterations":2000000000');
    const t0 = performance.now();
    const e = await caught(readBackupText(sealed, 'backup pass'));
    expect(performance.now() - t0).toBeLessThan(5000); // refused before any derivation (which would take minutes)
    expect(e).toBeInstanceOf(BackupError);
    expect((e as BackupError).code).toBe('kdf');
    expect(bothLanguages(e).zh).toMatch(/密钥推导/);
    expect(MAX_ITERATIONS).toBeLessThan(2_000_000_000);
  });

  it('restore is all-or-nothing for tables and settings: a failing settings write leaves every table as it was', async () => {
    const source = freshContext();
    await seed(source, 3);
    const text = await exportBackupText(source);
    const into = freshContext();
    await seed(into, 2);
    const before = await checksum(into);
    await expect(restoreBackupSource(into, textSource(text), {
      mode: 'replace', saveSettings: async () => { throw new Error('storage quota'); },
    })).rejects.toThrow(/storage quota/);
    expect(await checksum(into)).toBe(before);
  });

  it('restore: when the tables fail after the settings were saved, the old settings are put back', async () => {
    const source = freshContext();
    await seed(source, 3);
    const text = await exportBackupText(source, undefined);
    const into = freshContext({ settings: { userName: 'before' } });
    await seed(into, 1);
    const before = await checksum(into);
    const saved: string[] = [];
    // The settings are saved, then the restore's transaction is aborted before it commits.
    let tx: { abort(): void } | undefined;
    into.db.customers.hook('creating', (_k, _o, trans) => { tx = trans; });
    await expect(restoreBackupSource(into, textSource(text), {
      mode: 'replace',
      saveSettings: async (s) => { saved.push(s.userName); if (saved.length === 1) tx?.abort(); },
    })).rejects.toThrow();
    expect(await checksum(into)).toBe(before);
    expect(saved).toEqual(['tester', 'before']);
  });

  it('a restore bumps the data epoch so every search index rebuilds, whatever the counts', async () => {
    const source = freshContext();
    await seed(source, 2);
    const text = await exportBackupText(source);
    const into = freshContext();
    await seed(into, 2);
    const before = await dataEpochItem.getValue();
    await restoreBackupSource(into, textSource(text), { mode: 'replace' });
    expect(await dataEpochItem.getValue()).toBeGreaterThan(before);
  });

  it('an encrypted backup without or with a wrong passphrase: clear messages in both languages', async () => {
    const ctx = freshContext();
    await seed(ctx, 1);
    const sealed = await exportBackupText(ctx, 'backup pass');
    expect(bothLanguages(await caught(backupSource(sealed))).zh).toMatch(/已加密/);
    expect(bothLanguages(await caught(readBackupText(sealed, 'nope'))).en).toMatch(/Wrong passphrase/);
  });
});

describe('red team: the lock', () => {
  it('seals birthday, custom fields, needs, websites and follow-up notes; names stay readable', async () => {
    const ctx = freshContext();
    const [id] = await seed(ctx, 3);
    await enableLock(ctx.db, PASS);
    const raw = await rawDump(ctx);
    for (const secret of ['"year":1988', '"month":11', 'secret-site-0', 'HT-SECRET-0', 'cold storage', '88万', 'send the revised quote', 'Renewal terms', 'discount', 'private note', 'lina0@']) {
      expect(raw, secret).not.toContain(secret);
    }
    expect(raw).toContain('李娜0');
    const c = await getCustomer(ctx, id!);
    expect(c?.birthday).toEqual({ month: 11, day: 28, year: 1988 });
    expect(c?.customFields).toEqual({ 合同号: 'HT-SECRET-0' });
    expect(c?.websites).toEqual(['https://secret-site-0.example']);
    expect(c?.needs?.summary).toBe('needs cold storage 0');
    const notes = (await ctx.db.followUps.toArray()).map((f) => f.note).join('|');
    expect(notes).toContain('send the revised quote');
  });

  it('while locked the daily plan keeps sealed cards\' follow-ups (a hidden birthday is not a removed one)', async () => {
    const ctx = freshContext();
    await seed(ctx, 2);
    const planned = (await ctx.db.followUps.toArray()).map((f) => f.reason);
    expect(planned).toContain('birthday');
    const { regenerateAll } = await import('../../lib/db/plan');
    await regenerateAll(ctx); // the workspace-level tasks exist already, as on any day after the first
    await enableLock(ctx.db, PASS);
    const before = await checksum(ctx);
    await lock();
    await regenerateAll(ctx);
    const open = (await ctx.db.followUps.toArray()).filter((f) => f.deletedAt === null);
    expect(open.some((f) => f.reason === 'birthday')).toBe(true);
    expect(open.some((f) => f.reason === 'next-step')).toBe(true);
    expect(await checksum(ctx)).toBe(before);
  });

  it('the stored due snapshot keeps no notes with the lock on', () => {
    const snap = { builtAt: 0, dueNow: 1, rows: [{ note: 'send the revised quote', name: '李娜' }] } as never;
    expect(JSON.stringify(storedSnapshot(snap, true))).not.toContain('revised');
    expect(JSON.stringify(storedSnapshot(snap, false))).toContain('revised');
  });

  it('backs off after three wrong passphrases, in both languages, and the right one works after the wait', async () => {
    const ctx = freshContext();
    await seed(ctx, 1);
    await enableLock(ctx.db, PASS);
    await lock();
    await expect(unlock(ctx.db, 'wrong 1')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(unlock(ctx.db, 'wrong 2')).rejects.toBeInstanceOf(WrongPassphraseError);
    const third = await caught(unlock(ctx.db, 'wrong 3'));
    expect(third).toBeInstanceOf(TooManyAttemptsError);
    // Even the right passphrase waits now: nothing is derived meanwhile.
    const fourth = await caught(unlock(ctx.db, PASS));
    expect(fourth).toBeInstanceOf(TooManyAttemptsError);
    const { en, zh } = bothLanguages(fourth);
    expect(en).toMatch(/try again in \d+ s/);
    expect(zh).toMatch(/\d+ 秒后再试/);
    expect(cryptoState.keys).toBeUndefined();
    // The wait is over (the last failure moved into the past): the right passphrase unlocks and resets the count.
    const a = (await attemptsItem.getValue())!;
    await attemptsItem.setValue({ ...a, lastAt: a.lastAt - 60_000 });
    await unlock(ctx.db, PASS);
    expect(cryptoState.keys).toBeDefined();
    expect(await attemptsItem.getValue()).toBeNull();
  });
});
