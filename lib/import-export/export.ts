import type { Customer } from '../domain';
import type { RepoContext } from '../db/context';
import { csvHeader, csvLine, customerCsvRow } from './csv-write';
import { toVCard } from './vcard-write';

const PAGE = 2000;

/**
 * Visit live customers page by page in primary-key order (time-ordered ids = creation order),
 * so an export of 100k never holds the whole table (SPEC §9: `toArray` of 100k ≈ 260 MB).
 */
export async function forEachCustomerPage(
  ctx: RepoContext,
  visit: (page: Customer[]) => void,
  filter: (c: Customer) => boolean = () => true,
): Promise<number> {
  let after: string | undefined;
  let count = 0;
  for (;;) {
    const base = after === undefined ? ctx.db.customers.orderBy(':id') : ctx.db.customers.where(':id').above(after);
    const tr = performance.now();
    const page = await base.limit(Number((globalThis as any).__page) || PAGE).toArray();
    (globalThis as any).__read = ((globalThis as any).__read ?? 0) + performance.now() - tr;
    if (page.length === 0) return count;
    after = page[page.length - 1]!.id;
    const kept = page.filter((c) => c.deletedAt === null && filter(c));
    count += kept.length;
    if (kept.length) visit(kept);
  }
}

/** Stream live customers (optionally filtered) into a CSV Blob with a UTF-8 BOM, one Blob part per page. */
export async function exportCustomersCsv(ctx: RepoContext, filter?: (c: Customer) => boolean): Promise<Blob> {
  const parts: BlobPart[] = [`\uFEFF${csvLine(csvHeader())}`];
  await forEachCustomerPage(ctx, (page) => {
    const tw = performance.now();
    let text = '';
    for (const c of page) text += csvLine(customerCsvRow(c));
    parts.push(new Blob([text]));
    (globalThis as any).__write = ((globalThis as any).__write ?? 0) + performance.now() - tw;
  }, filter);
  console.log(`[stage] read ${Math.round((globalThis as any).__read)} write ${Math.round((globalThis as any).__write)} page ${(globalThis as any).__page}`);
  (globalThis as any).__read = 0; (globalThis as any).__write = 0;
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

/** Stream live customers into a .vcf Blob. */
export async function exportCustomersVCard(ctx: RepoContext, version: '3.0' | '4.0', filter?: (c: Customer) => boolean): Promise<Blob> {
  const parts: BlobPart[] = [];
  await forEachCustomerPage(ctx, (page) => parts.push(new Blob([toVCard(page, version)])), filter);
  return new Blob(parts, { type: 'text/vcard;charset=utf-8' });
}
