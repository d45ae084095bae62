import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// PBKDF2 at 1 iteration, after checking the floor of 600,000 was asked for (see fast-kdf.ts).
vi.mock('../../lib/security/crypto', async (importOriginal) => (await import('../security/fast-kdf')).withFastKdf(importOriginal));
import { createCustomer } from '../../lib/db';
import { importDrafts, type DuplicateMode } from '../../lib/db/import';
import { blankDraft, type ImportDraft } from '../../lib/import-export/draft';
import { cryptoState, LockedError } from '../../lib/security/state';
import { enableLock, lock } from '../../lib/security/vault';
import { freshContext } from '../db/helpers';

const draft = (patch: Partial<ImportDraft>): ImportDraft => ({ ...blankDraft(), ...patch });
const file = () => [
  draft({ name: 'Ada L.', title: 'CTO', emails: [{ value: 'ADA@example.com', label: '' }] }),
  draft({ name: 'Wei', phones: [{ raw: '138 0013 8000', label: 'mobile' }] }),
  draft({ name: 'New person', emails: [{ value: 'new@example.com', label: '' }] }),
];

beforeEach(() => { cryptoState.enabled = false; cryptoState.keys = undefined; cryptoState.ready = undefined; });
afterEach(() => { cryptoState.enabled = false; cryptoState.keys = undefined; });

describe('import with the passphrase lock on', () => {
  it.each([
    ['merge', { created: 1, merged: 2, skipped: 0 }, 3],
    ['skip', { created: 1, merged: 0, skipped: 2 }, 3],
  ] as [DuplicateMode, object, number][])('unlocked, %s: duplicates found through the hashed lookup keys', async (mode, counts, total) => {
    const ctx = freshContext();
    const ada = await createCustomer(ctx, { name: 'Ada', emails: [{ value: 'ada@example.com' }] });
    await createCustomer(ctx, { name: 'Wei Zhang', phones: [{ raw: '+86 13800138000' }] });
    await enableLock(ctx.db, 'correct horse battery');
    const report = await importDrafts(ctx, file(), { duplicates: mode, chunkSize: 1 });
    expect(report).toMatchObject(counts);
    expect(await ctx.db.customers.count()).toBe(total);
    expect((await ctx.db.customers.get(ada.id))!.title).toBe(mode === 'merge' ? 'CTO' : '');
  });

  it('locked: the import is refused and nothing is written', async () => {
    const ctx = freshContext();
    await createCustomer(ctx, { name: 'Ada', emails: [{ value: 'ada@example.com' }] });
    await enableLock(ctx.db, 'correct horse battery');
    await lock();
    await expect(importDrafts(ctx, file(), { duplicates: 'skip' })).rejects.toBeInstanceOf(LockedError);
    expect(await ctx.db.customers.count()).toBe(1);
  });
});
