import { describe, expect, it } from 'vitest';
import { importDrafts } from '../../lib/db/import';
import { blankDraft } from '../../lib/import-export/draft';
import { parseContactsCsv } from '../../lib/import-export/csv';
import { exportCustomersCsv, exportCustomersVCard } from '../../lib/import-export/export';
import { parseVCards } from '../../lib/import-export/vcard';
import { parseContactsXlsx, toXlsx } from '../../lib/import-export/xlsx';
import { freshContext } from '../db/helpers';
import { cardData } from './helpers';

async function withCustomers(n: number) {
  const ctx = freshContext();
  const drafts = Array.from({ length: n }, (_, i) => ({
    ...blankDraft(), name: `客户 ${i}`, company: i % 2 ? '云帆' : 'Acme, Inc.', emails: [{ value: `c${i}@example.com`, label: 'work' }],
    phones: [{ raw: `+86 138 0013 ${String(i).padStart(4, '0')}`, label: 'mobile' as const }], tags: i % 3 ? [] : ['高价值'],
  }));
  await importDrafts(ctx, drafts, { duplicates: 'create' });
  return ctx;
}

describe('streaming export', () => {
  it('pages through the table, skips deleted cards, applies the filter, and reads back', async () => {
    const ctx = await withCustomers(4500);
    const first = await ctx.db.customers.orderBy(':id').first();
    await ctx.db.customers.update(first!.id, { deletedAt: 5 });
    const blob = await exportCustomersCsv(ctx);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const back = parseContactsCsv(bytes);
    expect(back.errors).toEqual([]);
    expect(back.drafts).toHaveLength(4499);
    expect(back.drafts[0]!.name).toBe('客户 1');
    const highOnly = parseContactsCsv(new Uint8Array(await (await exportCustomersCsv(ctx, (c) => c.tags.includes('高价值'))).arrayBuffer()));
    expect(highOnly.drafts).toHaveLength(1499);
    const vcf = parseVCards(new Uint8Array(await (await exportCustomersVCard(ctx, '4.0')).arrayBuffer()));
    expect(vcf).toHaveLength(4499);
  }, 120_000); // fake-indexeddb is slow; paging itself (pages of 3) is in io-fast-paths.test.ts
});

describe('xlsx', () => {
  it('customers → .xlsx → drafts keeps the data (read-excel-file / write-excel-file work in vitest)', async () => {
    const ctx = await withCustomers(5);
    const customers = await ctx.db.customers.orderBy(':id').toArray();
    const blob = await toXlsx(customers);
    const parsed = await parseContactsXlsx(await blob.arrayBuffer());
    expect(parsed.errors).toEqual([]);
    expect(parsed.drafts.map(cardData)).toEqual(customers.map(cardData));
    expect(parsed.rowNumbers).toEqual([2, 3, 4, 5, 6]);
  });

  it('a file that is not a workbook gives a clear error', async () => {
    const r = await parseContactsXlsx(new TextEncoder().encode('Name,Email\nA,a@b.cn').buffer as ArrayBuffer);
    expect(r.drafts).toEqual([]);
    expect(r.errors[0]!.message).toMatch(/not a readable \.xlsx/);
  });
});
