import Papa from 'papaparse';
import { guessMapping, guessTarget, type ColumnMapping } from './columns';
import type { ImportDraft, RowIssue } from './draft';
import { t } from '../i18n';
import { decodeText, encodingLabel, FileFormatError, type TextEncodingName } from './encoding';
import { rowsToDrafts } from './rows';

export { toCsv, csvHeader, customerCsvRow } from './csv-write';

export interface CsvParseOptions {
  /** A mapping the user edited; by default it is guessed from the header row. */
  mapping?: ColumnMapping[];
  /** Force an encoding instead of detecting it (bytes input only). */
  encoding?: TextEncodingName;
  /** Force whether row 1 is a header; by default: detected. */
  hasHeader?: boolean;
  /** The user's locale: decides D/M/Y vs M/D/Y date columns no value decides, and ties between encodings. */
  locale?: string;
}

export interface CsvParseResult {
  drafts: ImportDraft[];
  /** Rows that cannot be imported; with any of these the importer writes nothing. */
  errors: RowIssue[];
  mapping: ColumnMapping[];
  /** The spreadsheet row number of each draft (header = row 1). */
  rowNumbers: number[];
  headers: string[];
  /** The first data rows as read, for the preview. */
  preview: string[][];
  encoding: TextEncodingName | 'text';
  delimiter: string;
  hasHeader: boolean;
}

const EMAIL_CELL = /^[^\s@]+@[^\s@]+$/;

/** A header row has no email addresses or long numbers, and a recognised name or contact data below it. */
function looksLikeHeader(row: string[], next: string[] = []): boolean {
  const contact = (cells: string[]) => cells.some((c) => EMAIL_CELL.test(c.trim()) || /^\+?[\d\s()-]{6,}$/.test(c.trim()));
  if (contact(row)) return false;
  return contact(next) || row.some((c) => { const t = guessTarget(c); return t !== null && t !== 'custom'; });
}

/** Without a header, guess columns from their content: emails, phones, and the first text column as the name. */
function mappingFromContent(rows: string[][]): ColumnMapping[] {
  const width = Math.max(...rows.map((r) => r.length));
  const sample = rows.slice(0, 50);
  let named = false;
  return Array.from({ length: width }, (_, index) => {
    const cells = sample.map((r) => (r[index] ?? '').trim()).filter(Boolean);
    const header = `Column ${index + 1}`;
    if (cells.length && cells.every((c) => EMAIL_CELL.test(c))) return { index, header, target: 'email' as const };
    if (cells.length && cells.every((c) => /^\+?[\d\s()-]{6,}$/.test(c))) return { index, header, target: 'phone:mobile' as const };
    if (!named && cells.length) {
      named = true;
      return { index, header, target: 'name' as const };
    }
    return { index, header, target: 'custom' as const };
  });
}

function fail(message: string, base: Partial<CsvParseResult> = {}): CsvParseResult {
  return { drafts: [], errors: [{ row: 0, message }], mapping: [], rowNumbers: [], headers: [], preview: [], encoding: 'text', delimiter: ',', hasHeader: false, ...base };
}

/**
 * Read a contacts CSV (Google, Outlook, Thunderbird, Excel, hand-made; UTF-8 / BOM / GBK; comma,
 * semicolon or tab) into drafts. Row numbers in errors are spreadsheet rows (header = row 1);
 * row 0 means the whole file. With any error, an importer must import nothing.
 */
export function parseContactsCsv(data: string | Uint8Array, options: CsvParseOptions = {}): CsvParseResult {
  let text: string;
  let encoding: CsvParseResult['encoding'] = 'text';
  if (typeof data === 'string') text = data.replace(/^\uFEFF/, '');
  else {
    try {
      ({ text, encoding } = decodeText(data, options.encoding));
    } catch (e) {
      if (e instanceof FileFormatError) return fail(e.message);
      throw e;
    }
  }
  if (text.includes('\uFFFD') && !options.encoding) return fail(t('impx.undecodable', { encoding: encoding === 'text' ? '' : encodingLabel(encoding) }), { encoding });
  if (!text.trim()) return fail(t('impx.empty'), { encoding });
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const rows = parsed.data;
  const delimiter = parsed.meta.delimiter;
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  const hasHeader = options.hasHeader ?? looksLikeHeader(rows[0] ?? [], rows[1]);
  const firstRow = hasHeader ? 2 : 1;
  if (broken) {
    const row = (broken.row ?? rows.length - 1) + 1;
    return fail(t('impx.unclosedQuote'), { encoding, delimiter, errors: [{ row, message: t('impx.unclosedQuote') }] });
  }
  const headers = hasHeader ? rows[0]!.map((h) => h.trim()) : [];
  const body = hasHeader ? rows.slice(1) : rows;
  const mapping = options.mapping ?? (hasHeader ? guessMapping(headers) : mappingFromContent(body));
  const width = hasHeader ? headers.length : mapping.length;
  const shapeErrors: RowIssue[] = [];
  body.forEach((cells, i) => {
    const extra = cells.slice(width).filter((c) => c.trim());
    if (extra.length) shapeErrors.push({ row: firstRow + i, message: t('impx.tooManyCells', { cells: cells.length, width }) });
  });
  const last = body.at(-1);
  if (hasHeader && last && last.length < width && !/[\r\n]$/.test(text) && body.length > 0) {
    shapeErrors.push({ row: firstRow + body.length - 1, message: t('impx.truncated', { cells: last.length, width }) });
  }
  const { drafts, errors, rowNumbers } = rowsToDrafts(body, mapping, firstRow, { locale: options.locale });
  const all = [...shapeErrors, ...errors].sort((a, b) => a.row - b.row);
  return { drafts, errors: all, mapping, rowNumbers, headers, preview: body.slice(0, 10), encoding, delimiter, hasHeader };
}
