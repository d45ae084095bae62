import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';

// A quiet window for saved pages: no scripts, no stylesheet or frame loading (saved pages link to dead hosts).
const quiet = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    handleDisabledFileLoadingAsSuccess: true,
  },
});

/** Charset a saved page declares (BOM, <meta charset>, http-equiv), mapped to a TextDecoder label. */
export function declaredCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  const label = (m?.[1] ?? 'utf-8').toLowerCase();
  // GB2312 and GBK pages are decoded as their superset GB18030, as browsers do.
  return /^(gb2312|gbk|gb_2312-80|x-gbk|gb18030)$/.test(label) ? 'gb18030' : label;
}

/** Read a saved page with the encoding it declares. */
export function readPage(file: string): string {
  const bytes = new Uint8Array(readFileSync(file));
  return new TextDecoder(declaredCharset(bytes)).decode(bytes);
}

/** A Document parsed from HTML (scripts are not run by DOMParser). */
export function toDocument(html: string): Document {
  return new quiet.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Load a saved page file as a Document. */
export function loadPage(file: string): Document {
  return toDocument(readPage(file));
}

export const fixturesDir = path.resolve(__dirname, '..', 'fixtures');
export const fixture = (...parts: string[]) => path.join(fixturesDir, ...parts);
