/** DOM reading helpers shared by the adapters: text only, never HTML. */

export const EMAIL_RE = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const EMAIL_ONLY = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/** Collapse whitespace (incl. nbsp) and trim. */
export function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0\u200b\u3000]+/g, ' ').trim();
}

/** Is this string one email address and nothing else? */
export function isEmail(s: string): boolean {
  return EMAIL_ONLY.test(s.trim());
}

/** Email from "mailto:a@b.c?subject=…", lower-cased; undefined if not an address. */
export function emailFromMailto(href: string): string | undefined {
  const raw = href.replace(/^mailto:/i, '').split(/[?#]/)[0] ?? '';
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    /* keep raw */
  }
  const first = decoded.split(',')[0]?.trim() ?? '';
  return isEmail(first) ? first.toLowerCase() : undefined;
}

/** First element matching any selector of an ordered fallback chain. */
export function firstMatch(root: ParentNode, chain: readonly string[]): Element | undefined {
  for (const sel of chain) {
    const el = root.querySelector(sel);
    if (el) return el;
  }
  return undefined;
}

/** All elements of the first selector in the chain that matches anything. */
export function allOfFirst(root: ParentNode, chain: readonly string[]): Element[] {
  for (const sel of chain) {
    const els = Array.from(root.querySelectorAll(sel));
    if (els.length) return els;
  }
  return [];
}

export interface Address {
  name: string;
  email: string;
}

const LABELS = /^(from|to|cc|bcc|an|von|de|da|para|à|a|van|aan|发件人|發件人|收件人|抄送|密送|寄件者|差出人|宛先)$/i;

/**
 * Parse `Name <a@b.c>`, `"Name" <a@b.c>`, `a@b.c`, "To: A <a@b.c>; B <b@c.d>" from header text.
 * Each address is found first (leftmost, longest); its name is the text since the previous
 * separator. The same address twice keeps the first reading that has a name.
 */
export function parseAddressList(text: string): Address[] {
  const out: Address[] = [];
  let last = 0;
  for (const m of text.matchAll(EMAIL_RE)) {
    const start = m.index ?? 0;
    let before = text.slice(last, start).replace(/^[\s>)）\]]+/, '');
    // Commas inside a quoted name ("Doe, Jane") are not separators.
    before = before.replace(/"[^"]*"/g, (q) => q.replace(/,/g, '\u0001'));
    before = (before.split(/[,;，；]/).pop() ?? '').replace(/\u0001/g, ',');
    before = before.replace(/^[^:：]*[:：]/, (label) => (LABELS.test(clean(label.slice(0, -1))) ? '' : label));
    let name = clean(before.replace(/[<>"“”（）()[\]]/g, ' ').replace(/\bmailto\s*$/i, ''));
    if (isEmail(name) || LABELS.test(name)) name = '';
    const email = m[0].toLowerCase();
    const seen = out.find((a) => a.email === email);
    if (seen) seen.name ||= name;
    else out.push({ name, email });
    last = start + m[0].length;
  }
  return out;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TR', 'UL', 'TBODY', 'THEAD',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'SVG', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);
const QUOTE_CLASS = /(?:^|\s)(gmail_quote|yahoo_quoted|moz-cite-prefix|divRplyFwdMsg|OLK_SRC_BODY_SECTION|qmQuote|ntes-quote)(?:\s|$)/;

/**
 * Plain text of an element with line breaks where the page shows them (block elements, <br>,
 * table cells). Quoted replies (<blockquote>, gmail_quote …) get "> " prefixes so the signature
 * parser skips them. Independent of layout, so it gives the same result in happy-dom and Chromium.
 */
export function blockText(root: Node, maxChars = 100_000): string {
  const lines: string[] = [];
  let cur = '';
  let total = 0;
  // A block boundary ends a line; only an explicit <br> on an empty line makes a blank line.
  const flush = (quoted: boolean, explicit = false) => {
    const line = clean(cur);
    if (line) lines.push(quoted ? `> ${line}` : line);
    else if (explicit && lines.length && lines[lines.length - 1] !== '') lines.push('');
    cur = '';
  };
  const walk = (node: Node, quoted: boolean) => {
    if (total > maxChars) return;
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      cur += t;
      total += t.length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const el = node as Element;
    const tag = el.tagName ?? '';
    if (SKIP.has(tag)) return;
    if (tag === 'BR') return flush(quoted, true);
    const q = quoted || tag === 'BLOCKQUOTE' || QUOTE_CLASS.test(el.getAttribute?.('class') ?? '');
    const block = BLOCK.has(tag);
    if (block) flush(quoted);
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c, q);
    if (tag === 'TD' || tag === 'TH') cur += ' ';
    if (block) flush(q);
  };
  walk(root, false);
  flush(false);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** Lines of text not marked as quoted, collapsed to one line, cut to `max` characters. */
export function snippetOf(text: string, max = 500): string {
  const s = clean(text.split('\n').filter((l) => !l.startsWith('>')).join(' '));
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
