import { download, stamp } from '../workspace/download';

export type SheetRows = Array<Array<string | number>>;

/**
 * Sheets as one .xlsx workbook (write-excel-file, already used for the card export; loaded on use).
 * The first row of each sheet is its header, in bold.
 */
export async function saveXlsx(name: string, sheets: Array<{ name: string; rows: SheetRows }>): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const data = sheets.map((s) => ({
    sheet: s.name.slice(0, 31),
    data: s.rows.map((row, i) => row.map((value) => ({ value, ...(i === 0 ? { fontWeight: 'bold' as const } : {}) }))),
  }));
  download(await writeXlsxFile(data).toBlob(), `${stamp(name)}.xlsx`);
}

/**
 * PDF through the browser's own print-to-PDF: the report section is marked printable and
 * everything else is hidden by the print stylesheet. Chosen over a JS PDF library because the
 * reports are Chinese: jsPDF / pdf-lib need a CJK font embedded (a 10–20 MB download in the
 * bundle), while Chromium's printer uses the system's CJK fonts and lays out the same HTML the
 * user sees, tables and all, with no new dependency.
 */
export function printSection(el: HTMLElement | null): void {
  if (!el) return;
  el.classList.add('print-target');
  document.body.classList.add('printing');
  const done = () => { el.classList.remove('print-target'); document.body.classList.remove('printing'); removeEventListener('afterprint', done); };
  addEventListener('afterprint', done);
  window.print();
  // Browsers that print synchronously (and headless ones) may not fire afterprint.
  setTimeout(done, 1000);
}

/** A chart's canvas as a PNG file. */
export function saveChartImage(canvas: HTMLCanvasElement | null, name: string): void {
  canvas?.toBlob((blob) => { if (blob) download(blob, `${stamp(name)}.png`); }, 'image/png');
}
