import { describe, expect, it } from 'vitest';
import { createCustomer } from '../../lib/db';
import { importDrafts, type DuplicateMode } from '../../lib/db/import';
import { csvCell, csvLine } from '../../lib/import-export/csv-write';
import { blankDraft, type ImportDraft } from '../../lib/import-export/draft';
import { forEachCustomerPage } from '../../lib/import-export/export';
import { freshContext } from '../db/helpers';

const draft = (patch: Partial<ImportDraft>): ImportDraft => ({ ...blankDraft(), ...patch });

describe('csvCell (the fast paths keep the old rules)', () => {
  it.each([
    ['', ''],
    ['plain', 'plain'],
    ['张伟', '张伟'],
    ['=1+1', "'=1+1"],
    // An international number: a text formula spreadsheets show as the number, without an apostrophe.
    ['+86 138 0013 8000', '"=""+86 138 0013 8000"""'],
    ['+1 (415) 555-0100', '"=""+1 (415) 555-0100"""'],
    ['+1+cmd|calc', "'+1+cmd|calc"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-5', "'-5"],
    ['@handle', "'@handle"],
    ['\tx', `"'\tx"`],
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=A1,B1', `"'=A1,B1"`],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('csvLine joins cells with commas and ends with CRLF', () => {
    expect(csvLine(['a', '', 'b,c', '=x'])).toBe(`a,,"b,c",'=x\r\n`);
    expect(csvLine([])).toBe('\r\n');
  });
});

describe('forEachCustomerPage (read ahead)', () => {
  it.each([
    // cards, page size: a last page that is full (the read-ahead returns nothing), partial, single
    [9, 3],
    [10, 3],
    [4, 10],
  ])('%i cards in pages of %i: every live card once, in id order, filtered', async (n, size) => {
    const ctx = freshContext();
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await createCustomer(ctx, { name: `C${i}`, tags: i % 2 ? ['odd'] : [] })).id);
    await ctx.db.customers.update(ids[1]!, { deletedAt: 5 });
    const pages: string[][] = [];
    const count = await forEachCustomerPage(ctx, (page) => pages.push(page.map((c) => c.name)), (c) => !c.tags.includes('odd') || c.name !== 'C3', size);
    const expected = ids.map((_, i) => `C${i}`).filter((name) => name !== 'C1' && name !== 'C3');
    expect(pages.flat()).toEqual(expected);
    expect(count).toBe(expected.length);
    expect(pages.every((p) => p.length <= size)).toBe(true);
  });
});

describe('import duplicates: liveness from the Trash index, oldest live card wins', () => {
  it.each([
    ['merge', { created: 0, merged: 1, skipped: 0 }],
    ['skip', { created: 0, merged: 0, skipped: 1 }],
    ['create', { created: 1, merged: 0, skipped: 0 }],
  ] as [DuplicateMode, object][])('%s: the number shared by a trashed and two live cards', async (mode, counts) => {
    const ctx = freshContext();
    const phone = { raw: '+86 138 0013 8000', label: 'work' as const };
    const trashed = await createCustomer(ctx, { name: 'Old switchboard', phones: [phone] });
    const oldestLive = await createCustomer(ctx, { name: 'Acme', phones: [phone] });
    await createCustomer(ctx, { name: 'Acme too', phones: [phone] });
    await ctx.db.customers.update(trashed.id, { deletedAt: 1 });
    const report = await importDrafts(ctx, [draft({ name: 'Acme Ltd', title: 'Front desk', phones: [{ raw: '13800138000', label: 'work' }] })], { duplicates: mode });
    expect(report).toMatchObject(counts);
    const target = await ctx.db.customers.get(oldestLive.id);
    expect(target!.title).toBe(mode === 'merge' ? 'Front desk' : '');
    expect((await ctx.db.customers.get(trashed.id))!.title).toBe('');
  });

  it('progress is monotonic and ends at the total with several chunks in flight; one audit row per card', async () => {
    const ctx = freshContext();
    await createCustomer(ctx, { name: 'Ada', emails: [{ value: 'ada@example.com' }] });
    const drafts = Array.from({ length: 11 }, (_, i) => draft({ name: `P${i}`, emails: [{ value: i === 4 ? 'ADA@example.com' : `p${i}@example.com`, label: '' }] }));
    const progress: number[] = [];
    const report = await importDrafts(ctx, drafts, { duplicates: 'merge', chunkSize: 2, onProgress: (d) => progress.push(d) });
    expect(report).toMatchObject({ created: 10, merged: 1 });
    expect(progress.at(-1)).toBe(11);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThan(5);
    expect(await ctx.db.customers.count()).toBe(11);
    expect((await ctx.db.audit.toArray()).filter((a) => a.action === 'import')).toHaveLength(11);
  });
});
