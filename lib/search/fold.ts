/**
 * Text folding shared by indexing and querying, so both sides agree on what a "term" is:
 * NFKC (full-width → ASCII), lower case, Latin diacritics removed ("José" → "jose").
 */

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const MARKS = /\p{M}+/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** Lower-case, width- and diacritic-folded text; Han characters are left as they are. */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  // NFKD splits "é" into "e" + a combining mark; NFC afterwards recomposes what is left.
  return text.normalize('NFKD').replace(MARKS, '').normalize('NFC').toLowerCase();
}

/** True when the text contains at least one Han (Chinese) character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** The runs of consecutive Han characters in the text. */
export function hanRuns(text: string): string[] {
  return text.match(HAN_RUN) ?? [];
}

/** Latin/digit words of folded text; inner ' . - _ + are kept, the word's parts are added too. */
export function latinWords(folded: string): string[] {
  const out: string[] = [];
  for (const raw of folded.split(/[^\p{L}\p{N}'._+\-@]+/u)) {
    const word = raw.replace(/^['._+\-@]+|['._+\-@]+$/g, '');
    if (!word || HAN.test(word)) continue;
    out.push(word);
    if (/['._+\-]/.test(word)) {
      out.push(word.replace(/['._+\-]/g, ''));
      for (const part of word.split(/['._+\-]+/)) if (part) out.push(part);
    }
  }
  return out;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Chinese word segmentation by the platform's ICU dictionary (Intl.Segmenter): no library
 * ships a better one at this size, and it exists in Node, Chromium and workers alike.
 */
export function hanWords(run: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const s of segmenter.segment(run)) if (s.isWordLike) out.push(s.segment);
  return out;
}

const suffixCache = new Map<string, string[]>();

/**
 * Suffixes of a Han run starting at each word boundary ("字节跳动科技" → itself, "跳动科技", "科技"),
 * so a prefix search finds a word inside a company name. Cached: company names and titles repeat.
 */
export function hanSuffixes(run: string): string[] {
  const hit = suffixCache.get(run);
  if (hit) return hit;
  if (suffixCache.size > 100_000) suffixCache.clear();
  const out = segmentSuffixes(run);
  suffixCache.set(run, out);
  return out;
}

function segmentSuffixes(run: string): string[] {
  const out: string[] = [];
  let offset = 0;
  for (const word of hanWords(run)) {
    const at = run.indexOf(word, offset);
    if (at < 0) continue;
    out.push(run.slice(at));
    offset = at + word.length;
  }
  if (out[0] !== run) out.unshift(run);
  return out;
}

/** Only the digits of a string. */
export function digitsOf(text: string): string {
  return text.replace(/\D+/g, '');
}
