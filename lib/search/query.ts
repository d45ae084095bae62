import { digitsOf, fold, hasHan } from './fold';
import { pinyinVariants } from './pinyin';

/** One whitespace-separated part of a query and the strings it may stand for. */
export interface QueryTerm {
  /** The folded term as typed, then its pinyin readings when it has Chinese characters. */
  variants: string[];
  /** Digits to look for anywhere inside phone numbers (3 or more digits typed). */
  digits: string;
  /** Whether a one-letter typo is tolerated (Latin letters only, 4 or more). */
  fuzzy: boolean;
}

/** Fuzzy matching starts at this length: shorter words have too many neighbours. */
export const FUZZY_MIN = 4;
const PHONE_LIKE = /^\+?[\d\s().\-]+$/;

/** Split a query into terms; [] for an empty or blank query. */
export function parseQuery(query: string): QueryTerm[] {
  const folded = fold(query).trim();
  if (!folded) return [];
  if (PHONE_LIKE.test(folded) && digitsOf(folded).length >= 3) {
    const digits = digitsOf(folded);
    return [{ variants: [digits], digits, fuzzy: false }];
  }
  const out: QueryTerm[] = [];
  for (const raw of folded.split(/\s+/)) {
    const term = raw.replace(/^@+/, '').replace(/[,;]+$/, '');
    if (!term) continue;
    const variants = [term, ...pinyinVariants(term).filter((v) => v !== term)];
    const digits = /^\d{3,}$/.test(term) ? term : '';
    out.push({ variants, digits, fuzzy: !hasHan(term) && /^[a-z]+$/.test(term) && term.length >= FUZZY_MIN });
  }
  return out;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every string at Damerau–Levenshtein distance 1 from a Latin word (deletions, substitutions,
 * adjacent transpositions, insertions): ~55 × length strings, each an O(log n) lookup in the
 * sorted term array — far cheaper than keeping a deletion-neighbourhood index in memory.
 */
export function editNeighbours(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    out.add(word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (const ch of ALPHABET) if (ch !== word[i]) out.add(word.slice(0, i) + ch + word.slice(i + 1));
  }
  for (let i = 0; i <= word.length; i++) for (const ch of ALPHABET) out.add(word.slice(0, i) + ch + word.slice(i));
  out.delete(word);
  return [...out];
}
