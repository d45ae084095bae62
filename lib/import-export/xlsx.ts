/**
 * .xlsx import/export with read-excel-file / write-excel-file (the `universal` entry points:
 * Blob / ArrayBuffer in, Blob out; they run unchanged in the extension page and in vitest/Node).
 * Both are small (fflate-based) compared with exceljs / SheetJS, and are loaded with import() so
 * they only reach the workspace bundle.
 */
import type { Customer } from '../domain';
import { guessMapping, type ColumnMapping } from './columns';
import type { CsvParseResult } from './csv';
import { csvHeader, customerCsvRow } from './csv-write';
import { rowsToDrafts } from './rows';
import { t } from '../i18n';

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** Read the first sheet of an .xlsx file into drafts (row 1 = header, as in Excel). */
export async function parseContactsXlsx(data: ArrayBuffer | Blob, options: { mapping?: ColumnMapping[] } = {}): Promise<CsvParseResult> {
  const { readSheet } = await import('read-excel-file/universal');
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(data)) as unknown[][];
  } catch {
    const message = t('impx.badXlsx');
    return { drafts: [], errors: [{ row: 0, message }], mapping: [], rowNumbers: [], headers: [], preview: [], encoding: 'text', delimiter: '', hasHeader: true };
  }
  const rows = sheet.map((r) => r.map(cellText));
  const headers = (rows[0] ?? []).map((h) => h.trim());
  const body = rows.slice(1);
  const mapping = options.mapping ?? guessMapping(headers);
  const { drafts, errors, rowNumbers } = rowsToDrafts(body, mapping, 2, { locale: globalThis.navigator?.language });
  return { drafts, errors, mapping, rowNumbers, headers, preview: body.slice(0, 10), encoding: 'text', delimiter: '', hasHeader: true };
}

/** Customers as an .xlsx workbook (same columns as the CSV export). */
export async function toXlsx(customers: Customer[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const header = csvHeader().map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = customers.map((c) => customerCsvRow(c).map((value) => (value ? { value } : null)));
  return writeXlsxFile([header, ...rows]).toBlob();
}
