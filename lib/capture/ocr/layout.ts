import type Tesseract from 'tesseract.js';
import { hasCjk } from './repair';

/** One text line as read: its text and box (pixels of the preprocessed image). */
export interface OcrLine {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Height of the line's characters, the layout's measure of "large". */
  size: number;
  confidence: number;
}

interface Piece extends OcrLine {
  words: Tesseract.Word[];
}

const CJK_CHAR = /[\u3400-\u9fff]/;

/** A line's text from its words: no space inside Chinese, one between Latin words, two across a wide gap. */
function wordsText(words: Tesseract.Word[], size: number): string {
  let out = '';
  let prev: Tesseract.Word | undefined;
  for (const w of words) {
    const t = w.text.trim();
    if (!t) continue;
    if (prev) {
      const gap = w.bbox.x0 - prev.bbox.x1;
      const cjkJoin = CJK_CHAR.test(prev.text.slice(-1)) && CJK_CHAR.test(t[0]!);
      if (gap > size * 1.6) out += '  ';
      else if (!cjkJoin || gap > size * 0.9) out += ' ';
    }
    out += t;
    prev = w;
  }
  return out;
}

/** Pieces whose words mostly are noise: low confidence and no letter, digit or Chinese character of size. */
function noise(p: Piece): boolean {
  const t = p.text.replace(/\s/g, '');
  if (!t) return true;
  if (!/[A-Za-z0-9\u3400-\u9fff@]/.test(t)) return true;
  if (p.confidence < 25 && t.length <= 3) return true;
  if (p.confidence < 45 && t.length <= 2 && !CJK_CHAR.test(t)) return true;
  return false;
}

/**
 * The page's lines in reading order. Sparse-text mode returns fragments (a label apart from its value,
 * columns apart); fragments on one row close together are joined, a wide gap keeps two columns apart.
 */
export function pageLines(page: Tesseract.Page): OcrLine[] {
  const pieces: Piece[] = [];
  for (const b of page.blocks ?? []) for (const p of b.paragraphs) for (const l of p.lines) {
    const words = l.words.filter((w) => w.text.trim());
    if (!words.length) continue;
    const { x0, y0, x1, y1 } = l.bbox;
    // The line's character height: the median word height (a descender or a logo does not inflate it).
    const hs = words.map((w) => w.bbox.y1 - w.bbox.y0).sort((a, b) => a - b);
    const size = hs[Math.floor(hs.length / 2)]!;
    const piece: Piece = { text: wordsText(words, size), x0, y0, x1, y1, size, confidence: l.confidence, words };
    if (!noise(piece)) pieces.push(piece);
  }
  pieces.sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
  const rows: Piece[][] = [];
  for (const p of pieces) {
    const row = rows.find((r) => {
      const last = r[r.length - 1]!;
      const overlap = Math.min(last.y1, p.y1) - Math.max(last.y0, p.y0);
      const h = Math.min(last.y1 - last.y0, p.y1 - p.y0);
      const gap = p.x0 - last.x1;
      const similar = Math.max(last.size, p.size) / Math.max(1, Math.min(last.size, p.size)) < 2;
      return overlap > h * 0.5 && similar && gap > -h && gap < Math.max(last.size, p.size) * 3;
    });
    if (row) {
      row.push(p);
      row.sort((a, b) => a.x0 - b.x0);
    } else rows.push([p]);
  }
  const lines = rows.map((r): OcrLine => {
    const size = Math.max(...r.map((p) => p.size));
    let text = '';
    for (let i = 0; i < r.length; i++) {
      if (i) {
        const gap = r[i]!.x0 - r[i - 1]!.x1;
        const cjk = CJK_CHAR.test(r[i - 1]!.text.slice(-1)) && CJK_CHAR.test(r[i]!.text[0]!);
        text += gap > size * 1.2 ? '  ' : cjk && gap < size * 0.6 ? '' : ' ';
      }
      text += r[i]!.text;
    }
    return {
      text, size, confidence: Math.min(...r.map((p) => p.confidence)),
      x0: Math.min(...r.map((p) => p.x0)), y0: Math.min(...r.map((p) => p.y0)),
      x1: Math.max(...r.map((p) => p.x1)), y1: Math.max(...r.map((p) => p.y1)),
    };
  });
  // Reading order: top to bottom; a line's column decides ties within half a line.
  return lines.sort((a, b) => (Math.abs(a.y0 - b.y0) < Math.min(a.size, b.size) * 0.5 ? a.x0 - b.x0 : a.y0 - b.y0));
}

const COMPANY_HINT = /(有限公司|有限责任公司|股份有限公司|集团|公司|事务所|研究院|工作室|银行|\b(?:Ltd|Limited|GmbH|Inc|LLC|LLP|Corp|Corporation|Co\.|AG|S\.A\.|SARL|B\.V\.|Pty|PLC|KG|S\.p\.A\.|Oy|AB)\b\.?)/i;
const NOT_NAME = /[@\d:：/]|www\.|https?|有限|公司|集团|大学|经理|总监|主管|工程师|总裁|董事|主任|^(手机|电话|传真|邮箱|网址|地址|微信|座机)$|Director|Manager|Engineer|Officer|Head|President|Sales|Marketing|Mobile|Email|Phone|Address|Street/i;

/** The line most likely the person's name: the largest text that is shaped like a name. */
export function nameHint(lines: OcrLine[]): string | undefined {
  const candidates = lines
    .map((l) => ({ l, t: l.text.trim() }))
    .filter(({ t }) => !NOT_NAME.test(t) && !COMPANY_HINT.test(t) && (
      hasCjk(t)
        ? /^[\u3400-\u9fff]{2,4}$/.test(t.replace(/\s/g, '')) || /^[\u3400-\u9fff]{2,4}\s{1,2}[A-Z][a-z]+(?: [A-Z][a-z]+)*$/.test(t)
        : /^[A-Z][A-Za-z'’.-]+(?:\s[A-Z][A-Za-z'’.-]+){1,3}$/.test(t)
    ));
  if (!candidates.length) return undefined;
  const biggest = Math.max(...lines.map((l) => l.size));
  candidates.sort((a, b) => b.l.size - a.l.size);
  const best = candidates[0]!;
  // Only a hint when the name really stands out (or is the one name-shaped line).
  if (candidates.length > 1 && best.l.size < biggest * 0.7 && best.l.size < candidates[1]!.l.size * 1.15) return undefined;
  const t = best.t;
  const zh = /^([\u3400-\u9fff](?:\s?[\u3400-\u9fff]){1,3})/.exec(t);
  return zh ? zh[1]!.replace(/\s/g, '') : t;
}

/** The line holding the company: 有限公司 / Ltd / GmbH …, the largest such line when there are several. */
export function companyHint(lines: OcrLine[]): string | undefined {
  const c = lines.filter((l) => COMPANY_HINT.test(l.text) && l.text.length <= 60 && !/[@]|www\.|^(地址|网址|邮箱)/.test(l.text));
  c.sort((a, b) => b.size - a.size);
  return c[0]?.text.trim().replace(/\s{2,}.*$/, '');
}

/** Label words read alone on a line (their value in the next fragment). */
export const LABEL_ONLY = /^(手机|移动电话|电话|座机|传真|邮箱|电子邮件|网址|主页|地址|微信|Mobile|Mob|Cell|Tel|Phone|Fax|E-?mail|Web|Website|Add|Address|WeChat)\s*[:：.]?$/i;

/**
 * Lines as a parser wants them: a label alone on its line joined to the value that follows it; a name
 * set on two lines in a narrow column ("Sophie" / "Hoffmann", same size, same left edge) made one.
 */
export function joinLabels(lines: OcrLine[]): OcrLine[] {
  const out: OcrLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1];
    if (next && LABEL_ONLY.test(l.text.trim()) && !LABEL_ONLY.test(next.text.trim()) && next.y0 - l.y1 < l.size * 2) {
      const label = l.text.trim().replace(/[:：.]$/, '');
      out.push({ ...next, text: `${label}${/[\u3400-\u9fff]/.test(label) ? '：' : ': '}${next.text}`, x0: Math.min(l.x0, next.x0), y0: Math.min(l.y0, next.y0) });
      i++;
      continue;
    }
    const word = /^[A-Z][a-z'’-]+$/;
    if (next && word.test(l.text.trim()) && word.test(next.text.trim()) && Math.abs(l.size - next.size) < l.size * 0.15 && Math.abs(l.x0 - next.x0) < l.size && next.y0 - l.y1 < l.size * 0.8) {
      out.push({ ...l, text: `${l.text.trim()} ${next.text.trim()}`, y1: next.y1, x1: Math.max(l.x1, next.x1) });
      i++;
      continue;
    }
    out.push(l);
  }
  return out;
}

/** A title where the parser found none: the short line just under the name, neither contact nor company. */
export function titleHint(lines: OcrLine[], name: string | undefined): string | undefined {
  if (!name) return undefined;
  const i = lines.findIndex((l) => l.text.includes(name));
  if (i < 0) return undefined;
  for (const l of lines.slice(i + 1, i + 3)) {
    const t = l.text.trim();
    if (!t || t.length > 40 || /[@\d:：]|www\./i.test(t) || COMPANY_HINT.test(t) || LABEL_ONLY.test(t)) continue;
    if (l.size < lines[i]!.size * 0.9 && (hasCjk(t) ? /^[\u3400-\u9fff]{2,10}$/.test(t) : /^[A-Z][A-Za-z&,.' -]{2,39}$/.test(t))) return t;
  }
  return undefined;
}
