import { EMAIL_RE, blockText } from '../dom';

const LABEL = /(电话|電話|手机|手機|传真|傳真|地址|邮箱|郵箱|电邮|邮编|微信|QQ|Tel|Phone|Mobile|Fax|Address|E-?mail|WeChat)\s*[:：]/i;

/** Visible text of the page's main content (main/article/body), bounded for speed. */
export function pageText(doc: Document, maxChars = 200_000): string {
  const root = doc.querySelector('main, [role="main"], article') ?? doc.body;
  return root ? blockText(root, maxChars) : '';
}

/** Email addresses written as text (not links), at most `max`. */
export function textEmails(text: string, max = 200): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(EMAIL_RE)) {
    out.add(m[0].toLowerCase());
    if (out.size >= max) break;
  }
  return [...out];
}

/**
 * The lines of a contact block ("电话：…", "Address: …") with a little context above, for the
 * signature parser; undefined when the page has no labelled contact lines.
 */
export function contactBlock(text: string): string | undefined {
  const lines = text.split('\n');
  const hits = lines.map((l, i) => (LABEL.test(l) && l.length < 200 ? i : -1)).filter((i) => i >= 0);
  if (hits.length < 2) return undefined;
  const from = Math.max(0, hits[0]! - 3);
  const to = Math.min(lines.length, hits[hits.length - 1]! + 2);
  return lines.slice(from, Math.min(to, from + 60)).join('\n');
}
