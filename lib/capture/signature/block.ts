import { ATTACHMENT_LINE, CLOSING, COMPANY, DISCLAIMER, TITLE } from './lexicon';
import { looksLikeName } from './names';
import { DEVICE_FOOTER } from './quotes';

/** Where a block came from: after a "-- " delimiter, after a closing, or the trailing contact lines. */
export type BlockKind = 'delimiter' | 'closing' | 'trailing';
export interface SignatureBlock {
  kind: BlockKind;
  lines: string[];
  /** A name written on the closing line itself ("Thanks, Bob"). */
  closingName?: string;
}

const MAX_BLOCK_LINES = 15;
const SEARCH_LINES = 25;
const DELIMITER = /^\s*(--\s?|—+|–{2,}|_{3,}|-{3,}|={3,}|\*{3,})\s*$/;
const CONTACT_SIGNAL = /@|https?:\/\/|www\.|\d[\d\s().-]{6,}\d|微信|QQ|wechat|电话|手机|传真|地址/i;

/** A line that looks like a contact detail, a company or a title. */
export function contactish(line: string): boolean {
  return CONTACT_SIGNAL.test(line) || COMPANY.test(line) || (line.length <= 60 && TITLE.test(line));
}

/** Prose: a sentence ending in punctuation with several words, and nothing contact-like in it. */
const LABELLED = /@|https?:\/\/|www\.|微信|QQ|wechat|电话|手机|传真|地址|tel|fax|phone|mobile|cell/i;
function prose(line: string): boolean {
  const t = line.trim();
  // Bare digit runs do not excuse a sentence ("快递单号SF1234567890。"); labels, companies and titles do.
  if (LABELLED.test(t) || COMPANY.test(t) || (t.length <= 60 && TITLE.test(t))) return false;
  const words = t.split(/\s+/).length;
  const cjk = (t.match(/[\u4e00-\u9fff]/g) ?? []).length;
  return t.length > 80 || (/[.?!。？！;；]$/.test(t) && (words >= 4 || cjk >= 8));
}

function shapeOk(lines: string[]): boolean {
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  return nonEmpty.length > 0 && nonEmpty.length <= MAX_BLOCK_LINES && nonEmpty.every((l) => l.trim().length <= 100);
}


/** Does a line hold the sender's display name ("Yoho, Lisa" → "Lisa Yoho")? */
export function isSenderName(line: string, senderName: string): boolean {
  const tokens = senderName.toLowerCase().replace(/["'<>()]/g, ' ').split(/[\s,]+/).filter((t) => t.length >= 2 && !t.includes('@'));
  const l = line.toLowerCase();
  return tokens.length >= 2 && line.trim().length <= 40 && tokens.filter((t) => l.includes(t)).length >= 2;
}

/**
 * A company's boxed promotion under the signature ("FairAir is the world's only …" between rules
 * of stars): the last rule-bounded part with no contact detail and sentence-long lines goes.
 */
function dropPromo(lines: string[]): void {
  for (let round = 0; round < 2; round++) {
    let rule = -1;
    for (let i = lines.length - 1; i >= Math.max(0, lines.length - 12); i--) if (DELIMITER.test(lines[i]!)) { rule = i; break; }
    if (rule < 0) return;
    const tail = lines.slice(rule + 1).filter((l) => l.trim() !== '');
    if (!tail.length || tail.some((l) => /@|\d{3}[\s.-]?\d{3,4}/.test(l))) return;
    const words = tail.join(' ').split(/\s+/).length;
    if (words < 12 || tail.some((l) => looksLikeName(l))) return;
    lines.length = rule;
    while (lines.length && (lines[lines.length - 1]!.trim() === '' || DELIMITER.test(lines[lines.length - 1]!))) lines.pop();
  }
}

/** The signature block among the reply's lines, or undefined when there is none. */
export function findBlock(reply: string[], senderName?: string): SignatureBlock | undefined {
  // Only the end of the reply can hold its signature.
  const lines = reply.slice(-SEARCH_LINES * 3).filter((l) => !DEVICE_FOOTER.test(l) && !ATTACHMENT_LINE.test(l));
  const disclaimer = lines.findIndex((l, i) => i >= lines.length - SEARCH_LINES * 2 && DISCLAIMER.test(l));
  if (disclaimer > 0) lines.length = disclaimer;
  const trim = () => {
    while (lines.length && (lines[lines.length - 1]!.trim() === '' || DELIMITER.test(lines[lines.length - 1]!))) lines.pop();
  };
  trim();
  dropPromo(lines);
  trim();
  if (lines.length === 0) return undefined;
  const from = Math.max(0, lines.length - SEARCH_LINES);

  // 1. The last "-- " style delimiter: the standard signature separator.
  for (let i = lines.length - 1; i >= from; i--) {
    if (!DELIMITER.test(lines[i]!)) continue;
    const after = lines.slice(i + 1);
    const strict = /^\s*--\s?$/.test(lines[i]!);
    if (shapeOk(after) && (strict || after.some(contactish)) && !after.some(prose)) return { kind: 'delimiter', lines: after };
    break;
  }

  // 2. The last closing line ("Best regards,", "此致 敬礼").
  for (let i = lines.length - 1; i >= from; i--) {
    const t = lines[i]!.trim();
    if (t.length > 40) continue;
    const m = CLOSING.exec(t);
    if (!m) continue;
    const rest = (m[2] ?? '').replace(/\p{Extended_Pictographic}/gu, '').trim();
    if (rest && !looksLikeName(rest)) continue;
    const after = lines.slice(i + 1);
    if (after.some(prose) || !shapeOk([...after, rest])) continue;
    return { kind: 'closing', lines: after, closingName: rest || undefined };
  }

  // 3. The trailing run of short contact-ish lines.
  const run: string[] = [];
  let nonEmpty = 0;
  for (let i = lines.length - 1; i >= from; i--) {
    const l = lines[i]!;
    if (l.trim() === '') {
      run.unshift(l);
      continue;
    }
    if (prose(l) || l.trim().length > 70 || nonEmpty >= MAX_BLOCK_LINES) break;
    run.unshift(l);
    nonEmpty++;
  }
  // Greetings and short remarks above the block are not part of it.
  while (run.length && !(looksLikeName(run[0]!) || contactish(run[0]!))) run.shift();
  const kept = run.filter((l) => l.trim() !== '');
  const signals = kept.filter((l) => CONTACT_SIGNAL.test(l)).length;
  const orgOrTitle = kept.some((l) => COMPANY.test(l) || TITLE.test(l));
  // "Lisa Yoho / Government Affairs": a short block that starts with the sender's own name.
  const ownName = !!senderName && kept.length >= 2 && kept.length <= 5 && isSenderName(kept[0]!, senderName);
  if (kept.length >= 2 && (signals >= 1 || orgOrTitle || ownName)) return { kind: 'trailing', lines: run };
  return undefined;
}
