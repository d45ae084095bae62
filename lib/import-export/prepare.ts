import { normalisePhone, type CustomerFields } from '../domain';
import { draftToInput, type ImportDraft, type RowIssue } from './draft';

/**
 * Import rows validated and normalised once: the preview lists its errors and the commit writes
 * its inputs, so no row is validated twice (zod runs without its JIT in an extension page, where
 * eval is forbidden: ≈ 0.1 ms a row, paid once instead of on every render).
 */
export interface PreparedImport {
  inputs: CustomerFields[];
  /** The row number of each input as the user sees it. */
  rows: number[];
  /** Every bad row; with any of these an import writes nothing. */
  errors: RowIssue[];
  warnings: RowIssue[];
}

export interface PrepareOptions {
  /** Row number of each draft as the user sees it (defaults to 1, 2, 3 …). */
  rowNumbers?: number[];
  /** Region for numbers typed without a country code. */
  defaultRegion?: string;
  /** Called between slices: (rows checked, total). */
  onProgress?: (done: number, total: number) => void;
  /** Longest stretch of work between two yields to the event loop, in ms. */
  sliceMs?: number;
}

/** Let the page draw and handle input: a macrotask (setTimeout) so rendering can run in between. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Validate and normalise drafts (draftToInput + E.164 phones) in time slices, yielding to the page
 * between them so a 10,000-row file keeps the page responsive. Nothing is written.
 */
export async function prepareImport(drafts: readonly ImportDraft[], options: PrepareOptions = {}): Promise<PreparedImport> {
  const region = options.defaultRegion ?? 'CN';
  const slice = options.sliceMs ?? 12;
  const out: PreparedImport = { inputs: [], rows: [], errors: [], warnings: [] };
  let since = performance.now();
  for (let i = 0; i < drafts.length; i++) {
    const row = options.rowNumbers?.[i] ?? i + 1;
    const r = draftToInput(drafts[i]!);
    if (!r.ok) out.errors.push(...r.messages.map((message) => ({ row, message })));
    else {
      out.inputs.push({ ...r.input, phones: r.input.phones.map((p) => normalisePhone(p, region)) });
      out.rows.push(row);
      out.warnings.push(...r.warnings.map((message) => ({ row, message })));
    }
    if (performance.now() - since > slice && i + 1 < drafts.length) {
      options.onProgress?.(i + 1, drafts.length);
      await yieldToPage();
      since = performance.now();
    }
  }
  options.onProgress?.(drafts.length, drafts.length);
  return out;
}
