import { describe, expect, it } from 'vitest';
import { createCustomer } from '../../lib/db';
import { importDrafts, ImportValidationError } from '../../lib/db/import';
import { blankDraft, type ImportDraft } from '../../lib/import-export/draft';
import { parseContactsCsv } from '../../lib/import-export/csv';
import { freshContext } from '../db/helpers';

const draft = (patch: Partial<ImportDraft>): ImportDraft => ({ ...blankDraft(), ...patch });

describe('importDrafts', () => {
  it('one bad row → nothing written, every bad row listed with its number', async () => {
    const ctx = freshContext();
    const drafts = [
      draft({ name: 'Ada', emails: [{ value: 'ada@example.com', label: '' }] }),
      draft({ name: '' }),
      draft({ name: 'Bob', birthday: { month: 2, day: 30 } }),
    ];
    const error = await importDrafts(ctx, drafts, { duplicates: 'create', rowNumbers: [2, 3, 4] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    expect((error as ImportValidationError).errors.map((e) => e.row)).toEqual([3, 4]);
    expect(await ctx.db.customers.count()).toBe(0);
    expect(await ctx.db.audit.count()).toBe(0);
  });

  it('a failure inside the write transaction rolls everything back', async () => {
    const ctx = freshContext();
    const drafts = Array.from({ length: 30 }, (_, i) => draft({ name: `P${i}` }));
    let calls = 0;
    const error = await importDrafts(ctx, drafts, {
      duplicates: 'create', chunkSize: 10,
      onProgress: (done) => { calls += 1; if (done >= 20 && done < 30) throw new Error('disk full'); },
    }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/disk full/);
    expect(calls).toBeGreaterThan(2);
    expect(await ctx.db.customers.count()).toBe(0);
  });

  it.each([
    ['merge', { created: 1, merged: 2, skipped: 0 }, 2, ['CTO', ['vip', 'new']]],
    ['skip', { created: 1, merged: 0, skipped: 2 }, 2, ['', ['vip']]],
    ['create', { created: 3, merged: 0, skipped: 0 }, 4, ['', ['vip']]],
  ] as const)('duplicates = %s → %j', async (mode, counts, total, [title, tags]) => {
    const ctx = freshContext();
    const existing = await createCustomer(ctx, { name: 'Ada', emails: [{ value: 'ada@example.com' }], tags: ['vip'] });
    const drafts = [
      draft({ name: 'Ada L.', emails: [{ value: 'ADA@example.com', label: 'work' }], title: 'CTO', tags: ['new'] }),
      draft({ name: 'Wei', phones: [{ raw: '138 0013 8000', label: 'mobile' }] }),
      draft({ name: 'Wei Zhang', phones: [{ raw: '+86 13800138000', label: 'work' }] }), // same E.164 as the row above
    ];
    const progress: number[] = [];
    const report = await importDrafts(ctx, drafts, { duplicates: mode, onProgress: (d) => progress.push(d) });
    expect(report).toMatchObject(counts);
    expect(progress.at(-1)).toBe(3);
    expect(await ctx.db.customers.count()).toBe(total);
    const ada = await ctx.db.customers.get(existing.id);
    expect(ada).toMatchObject({ name: 'Ada', title, tags: [...tags] });
    if (mode === 'merge') expect(ada!.rev).toBe(2);
    const all = await ctx.db.customers.toArray();
    expect(all.every((c) => c.id === existing.id || c.source === 'import')).toBe(true);
  });

  it('a soft-deleted card is not a duplicate target', async () => {
    const ctx = freshContext();
    const gone = await createCustomer(ctx, { name: 'Ada', emails: [{ value: 'ada@example.com' }] });
    await ctx.db.customers.update(gone.id, { deletedAt: 1 });
    const report = await importDrafts(ctx, [draft({ name: 'Ada', emails: [{ value: 'ada@example.com', label: '' }] })], { duplicates: 'merge' });
    expect(report).toMatchObject({ created: 1, merged: 0 });
  });

  it('timing (Node, fake-indexeddb; printed, not asserted): parse 10,000 CSV rows + import into a db of 2,000', async () => {
    const ctx = freshContext();
    const seed = Array.from({ length: 2000 }, (_, i) => draft({ name: `Seed ${i}`, emails: [{ value: `seed${i}@example.com`, label: '' }] }));
    await importDrafts(ctx, seed, { duplicates: 'create' });
    const lines = ['姓名,公司,邮箱,手机,标签'];
    for (let i = 0; i < 10_000; i += 1) lines.push(`客户${i},公司${i % 500},${i % 10 === 0 ? `seed${i}` : `c${i}`}@example.com,1380013${String(i).padStart(4, '0')},"A,B"`);
    const csv = new TextEncoder().encode(lines.join('\r\n'));
    let t = performance.now();
    const parsed = parseContactsCsv(csv);
    const parseMs = performance.now() - t;
    expect(parsed.errors).toEqual([]);
    t = performance.now();
    const report = await importDrafts(ctx, parsed.drafts, { duplicates: 'merge', rowNumbers: parsed.rowNumbers });
    const importMs = performance.now() - t;
    console.log(JSON.stringify({ bench: 'csv-import-node', rows: 10_000, existing: 2000, parseMs: Math.round(parseMs), importMs: Math.round(importMs), ...report, warnings: report.warnings.length }));
    expect(report.created + report.merged).toBe(10_000);
    expect(report.merged).toBe(200); // every 10th row has a seed email (seeds 0…1999)
  }, 60_000);
});
