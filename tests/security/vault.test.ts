import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// PBKDF2 at 1 iteration, after checking the floor of 600,000 was asked for (see fast-kdf.ts).
vi.mock('../../lib/security/crypto', async (importOriginal) => (await import('./fast-kdf')).withFastKdf(importOriginal));
import { addInteraction, createCustomer, findByEmail, findByPhone, getCustomer, timeline, updateCustomer } from '../../lib/db';
import { regenerateAll } from '../../lib/db/plan';
import { DecryptError } from '../../lib/security/crypto';
import { LockedError, cryptoState } from '../../lib/security/state';
import { disableLock, enableLock, lock, lockIfIdle, readMeta, runPass, setAutoLockMinutes, touchActivity, unlock, vaultMetaItem, WrongPassphraseError } from '../../lib/security/vault';
import { freshContext } from '../db/helpers';

const PASS = 'correct horse battery';

async function seed(ctx: ReturnType<typeof freshContext>, n = 3) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await createCustomer(ctx, {
      name: `张伟${i}`, company: '上海云帆科技有限公司',
      emails: [{ value: `zhang${i}@yunfan.cn` }], phones: [{ raw: `138 0013 80${String(i).padStart(2, '0')}` }],
      addresses: [{ formatted: '上海市浦东新区张江路88号' }], social: [{ network: 'wechat', handle: `wx_zw${i}` }], notes: 'likes tea',
    });
    await addInteraction(ctx, { customerId: c.id, type: 'email', occurredAt: ctx.clock.now, subject: 'Quote', content: 'Secret pricing 9,999', nextStep: { text: 'call back', dueAt: ctx.clock.now + 86_400_000 } });
    ids.push(c.id);
  }
  return ids;
}

/** Everything stored, as raw as IndexedDB holds it (no crypto layer). */
async function rawDump(ctx: ReturnType<typeof freshContext>): Promise<string> {
  const keys = cryptoState.keys;
  cryptoState.keys = undefined; // the layer cannot open anything: what is read is what is stored
  try {
    return JSON.stringify([await ctx.db.customers.toArray(), await ctx.db.interactions.toArray()]);
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

describe('passphrase lock', () => {
  it('turning it on seals every sensitive field at rest; reads and lookups still work while unlocked', async () => {
    const ctx = freshContext();
    const [id] = await seed(ctx);
    await enableLock(ctx.db, PASS);
    const raw = await rawDump(ctx);
    for (const secret of ['zhang0@yunfan.cn', '+8613800138000', '138 0013 8000', 'wx_zw0', '张江路', 'likes tea', 'Secret pricing', 'call back']) expect(raw).not.toContain(secret);
    expect(raw).toContain('张伟0'); // names stay readable for the locked popup
    const c = await getCustomer(ctx, id!);
    expect(c?.emails[0]?.value).toBe('zhang0@yunfan.cn');
    expect(c?.emailKeys).toEqual(['zhang0@yunfan.cn']);
    expect((await findByEmail(ctx, 'ZHANG0@yunfan.cn')).map((x) => x.id)).toEqual([id]);
    expect((await findByPhone(ctx, '+8613800138000')).map((x) => x.id)).toEqual([id]);
    const [ix] = await timeline(ctx, id!);
    expect(ix).toMatchObject({ content: 'Secret pricing 9,999', subject: 'Quote', nextStep: { text: 'call back' } });
  });

  it('new writes while unlocked are sealed too, and updates keep working', async () => {
    const ctx = freshContext();
    await enableLock(ctx.db, PASS);
    const c = await createCustomer(ctx, { name: 'Ada', emails: [{ value: 'ada@example.com' }] });
    const u = await updateCustomer(ctx, c.id, { phones: [{ raw: '+44 20 7946 0958' }] });
    expect(u.emails[0]?.value).toBe('ada@example.com');
    expect(await rawDump(ctx)).not.toMatch(/ada@example\.com|7946/);
    expect((await findByPhone(ctx, '+442079460958'))[0]?.name).toBe('Ada');
  });

  it('while locked: names readable, sealed fields empty, lookups find nothing, writes needing the key refused', async () => {
    const ctx = freshContext();
    const [id] = await seed(ctx, 1);
    await enableLock(ctx.db, PASS);
    await lock();
    const c = await ctx.db.customers.get(id!);
    expect(c?.name).toBe('张伟0');
    expect(c?.emails).toEqual([]);
    expect(await findByEmail(ctx, 'zhang0@yunfan.cn')).toEqual([]);
    await expect(createCustomer(ctx, { name: 'New' })).rejects.toBeInstanceOf(LockedError);
    await expect(updateCustomer(ctx, id!, { emails: [{ value: 'new@example.com' }] })).rejects.toBeInstanceOf(LockedError);
    await expect(addInteraction(ctx, { customerId: id!, type: 'note', occurredAt: ctx.clock.now, content: 'x' })).rejects.toBeInstanceOf(LockedError);
    // A change that needs no key (a title, a recomputed tier) goes through, sealed data and lookups intact.
    await updateCustomer(ctx, id!, { title: 'CEO' });
    expect((await ctx.db.customers.get(id!))?.title).toBe('CEO');
    // A forged ciphertext is not accepted while locked.
    const raw = (await ctx.db.customers.get(id!)) as unknown as { __enc: { ct: string; iv: string; v: 1 } };
    await expect(ctx.db.customers.put({ ...raw, __enc: { ...raw.__enc, ct: 'AAAA' } } as never)).rejects.toBeInstanceOf(LockedError);
    await unlock(ctx.db, PASS);
    const c2 = await getCustomer(ctx, id!);
    expect(c2).toMatchObject({ title: 'CEO', emails: [{ value: 'zhang0@yunfan.cn' }], notes: 'likes tea' });
    expect((await findByEmail(ctx, 'zhang0@yunfan.cn'))[0]?.id).toBe(id);
  });

  it('the daily follow-up pass runs while locked and leaves sealed data and lookups intact', async () => {
    const ctx = freshContext();
    const [id] = await seed(ctx, 3);
    await enableLock(ctx.db, PASS);
    await lock();
    ctx.clock.now += 200 * 86_400_000; // tiers and follow-ups change with time
    await regenerateAll(ctx);
    expect(await ctx.db.followUps.count()).toBeGreaterThan(0);
    expect(JSON.stringify(await ctx.db.customers.toArray())).not.toContain('yunfan.cn');
    await unlock(ctx.db, PASS);
    expect((await findByEmail(ctx, 'zhang0@yunfan.cn'))[0]?.id).toBe(id);
    expect((await getCustomer(ctx, id!))?.notes).toBe('likes tea');
  });

  it('a wrong passphrase is refused and touches nothing', { timeout: 20_000 }, async () => {
    const ctx = freshContext();
    await seed(ctx, 2);
    await enableLock(ctx.db, PASS);
    await lock();
    const before = await rawDump(ctx);
    const meta = await readMeta();
    await expect(unlock(ctx.db, 'wrong passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(disableLock(ctx.db, 'wrong passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await rawDump(ctx)).toBe(before);
    expect(await readMeta()).toEqual(meta);
    expect(cryptoState.keys).toBeUndefined();
    await unlock(ctx.db, PASS);
    expect((await findByEmail(ctx, 'zhang1@yunfan.cn'))[0]?.name).toBe('张伟1');
  });

  it('a tampered record fails to open with a clear error', async () => {
    const ctx = freshContext();
    const [a, b] = await seed(ctx, 2);
    await enableLock(ctx.db, PASS);
    const keys = cryptoState.keys;
    // Act as an attacker writing to IndexedDB directly: no crypto layer in the way.
    cryptoState.keys = undefined;
    cryptoState.enabled = false;
    const rawA = (await ctx.db.customers.get(a!)) as unknown as { __enc: { ct: string } };
    const rawB = (await ctx.db.customers.get(b!)) as unknown as { __enc: unknown };
    const flipped = rawA.__enc.ct.startsWith('A') ? `B${rawA.__enc.ct.slice(1)}` : `A${rawA.__enc.ct.slice(1)}`;
    await ctx.db.customers.update(a!, { '__enc.ct': flipped } as never);
    // Moving another record's ciphertext onto this one fails too (the id is authenticated).
    await ctx.db.customers.update(b!, { __enc: (await ctx.db.customers.get(a!) as unknown as { __enc: unknown }).__enc } as never);
    cryptoState.keys = keys;
    cryptoState.enabled = true;
    await expect(ctx.db.customers.get(a!)).rejects.toThrow(DecryptError);
    await expect(ctx.db.customers.get(b!)).rejects.toThrow(/could not be decrypted: it was altered/);
    expect(rawB).toBeTruthy();
  });

  it('an interrupted re-encryption resumes without loss (on, then off)', async () => {
    const ctx = freshContext();
    await seed(ctx, 25); // three batches of 10
    let batches = 0;
    await expect(enableLock(ctx.db, PASS, { batchSize: 10, onProgress: () => { if (++batches === 2) throw new Error('browser closed'); } })).rejects.toThrow('browser closed');
    expect((await readMeta())?.pass).toMatchObject({ target: 'on', table: 'customers' });
    // Half sealed, half plain: reads still work for both.
    expect((await findByEmail(ctx, 'zhang0@yunfan.cn')).length).toBe(1);
    await runPass(ctx.db, { batchSize: 10 });
    expect((await readMeta())?.pass).toBeUndefined();
    const raw = await rawDump(ctx);
    expect(raw).not.toMatch(/@yunfan\.cn|Secret pricing/);
    expect(await ctx.db.customers.count()).toBe(25);
    expect((await findByEmail(ctx, 'zhang24@yunfan.cn'))[0]?.name).toBe('张伟24');

    batches = 0;
    await expect(disableLock(ctx.db, PASS, { batchSize: 10, onProgress: () => { if (++batches === 1) throw new Error('crash'); } })).rejects.toThrow('crash');
    await unlock(ctx.db, PASS); // resumes the pending pass
    expect(await readMeta()).toBeNull();
    const plain = await rawDump(ctx);
    expect(plain).toContain('zhang24@yunfan.cn');
    expect(plain).not.toContain('__enc');
    expect((await findByEmail(ctx, 'zhang7@yunfan.cn'))[0]?.phones[0]?.e164).toBe('+8613800138007');
  }, 20_000);

  it('locks itself after the idle time', async () => {
    const ctx = freshContext();
    await enableLock(ctx.db, PASS, { autoLockMinutes: 1 });
    const t0 = Date.now();
    await touchActivity(true, t0);
    expect(await lockIfIdle(t0 + 30_000)).toBe(false);
    expect(cryptoState.keys).toBeDefined();
    await setAutoLockMinutes(0.05);
    expect(await lockIfIdle(t0 + 4_000)).toBe(true);
    expect(cryptoState.keys).toBeUndefined();
  });

  it('refuses weak settings', async () => {
    const ctx = freshContext();
    await expect(enableLock(ctx.db, 'short')).rejects.toThrow(RangeError);
    await vaultMetaItem.setValue({ v: 1, enabled: true, salt: 'AA==', iterations: 1000, check: { v: 1, iv: '', ct: '' }, autoLockMinutes: 5 });
    expect(await readMeta()).toBeNull(); // fewer than 600,000 iterations is not a valid vault
  });
});
