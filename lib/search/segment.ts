import type { CustomerTerms } from './tokens';

/**
 * The immutable bulk of the index, as typed arrays only (plus one phone string), so a persisted
 * segment comes back out of IndexedDB as a few memory copies and is searched in place: no
 * per-term JS strings are ever created on restore.
 * - Terms: sorted by UTF-8 bytes, concatenated in `termBytes`; term i is bytes
 *   [termStart[i], termStart[i+1]). Binary search over bytes gives exact and prefix ranges.
 * - Postings: per term, a slice [postStart[i], postStart[i+1]) of integers `slot << 4 | field`.
 * - Phones live apart in one "|"-joined digit string, so "digits anywhere in the number" is a
 *   plain indexOf scan instead of millions of suffix terms.
 */
export interface Segment {
  termBytes: Uint8Array;
  termStart: Uint32Array;
  postStart: Uint32Array;
  postings: Uint32Array;
  phoneText: string;
  phoneStart: Uint32Array;
  phoneSlot: Uint32Array;
}

export const SLOT_SHIFT = 4;
export const FIELD_MASK = 15;

/** A customer's terms together with the slot (dense integer id) it was given. */
export interface SlotTerms extends CustomerTerms {
  slot: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 bytes of a query key or term. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Compare two strings in code point order (= UTF-8 byte order), unlike `<` on UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Surrogates (astral characters) sort after U+E000–U+FFFF in code point order.
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** Sort strings in code point order; the fast default sort when no astral character is present. */
export function sortTerms(terms: string[]): string[] {
  return terms.some((t) => /[\ud800-\udfff]/.test(t)) ? terms.sort(compareCodePoints) : terms.sort();
}

/** Terms (already sorted, none containing "\n") packed as one UTF-8 buffer and offsets. */
export function packTerms(terms: readonly string[]): { termBytes: Uint8Array; termStart: Uint32Array } {
  const termBytes = encoder.encode(terms.join('\n'));
  const termStart = new Uint32Array(terms.length + 1);
  let t = 1;
  for (let b = 0; b < termBytes.length; b++) if (termBytes[b] === 10) termStart[t++] = b + 1;
  termStart[terms.length] = terms.length ? termBytes.length + 1 : 0;
  // Offsets include the "\n" separators: a term's end is the next start minus one.
  return { termBytes, termStart };
}

/** Number of terms in a segment. */
export const termCount = (seg: Segment): number => seg.termStart.length - 1;

/** End (exclusive) of term i's bytes; it starts at termStart[i]. */
export function termEnd(seg: Segment, i: number): number {
  return seg.termStart[i + 1]! - 1;
}

/** Term i as a string (tests, debugging and rare paths only). */
export function termAt(seg: Segment, i: number): string {
  return decoder.decode(seg.termBytes.subarray(seg.termStart[i]!, termEnd(seg, i)));
}

/**
 * Compare term i with a key: < 0 term before key, 0 equal, > 0 after. With `prefix`, a term that
 * starts with the key counts as equal.
 */
export function compareTerm(seg: Segment, i: number, key: Uint8Array, prefix: boolean): number {
  const bytes = seg.termBytes;
  const from = seg.termStart[i]!;
  const len = termEnd(seg, i) - from;
  const n = Math.min(len, key.length);
  for (let k = 0; k < n; k++) {
    const d = bytes[from + k]! - key[k]!;
    if (d !== 0) return d;
  }
  if (len === key.length || (prefix && len > key.length)) return 0;
  return len - key.length;
}

/** First term index ≥ key (or, with `after`, > key / past every term starting with it when `prefix`). */
function bound(seg: Segment, key: Uint8Array, prefix: boolean, after: boolean): number {
  let lo = 0;
  let hi = termCount(seg);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareTerm(seg, mid, key, prefix);
    if (c < 0 || (after && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [from, to) of the terms that start with key. */
export function prefixRange(seg: Segment, key: Uint8Array): [number, number] {
  return [bound(seg, key, true, false), bound(seg, key, true, true)];
}

/** Index of the term equal to key, or -1. */
export function findTerm(seg: Segment, key: Uint8Array): number {
  const at = bound(seg, key, false, false);
  return at < termCount(seg) && compareTerm(seg, at, key, false) === 0 ? at : -1;
}

/** Code points in term i (for closeness scoring, same as `[...term].length`). */
export function termChars(seg: Segment, i: number): number {
  const bytes = seg.termBytes;
  const end = termEnd(seg, i);
  let n = 0;
  for (let b = seg.termStart[i]!; b < end; b++) if ((bytes[b]! & 0xc0) !== 0x80) n++;
  return n;
}

/** Pack term → postings lists and slot → phone lists into a Segment. */
export function packSegment(postingLists: Map<string, ArrayLike<number>>, phones: Array<[slot: number, digits: string]>): Segment {
  const terms = sortTerms([...postingLists.keys()]);
  const postStart = new Uint32Array(terms.length + 1);
  let total = 0;
  for (let i = 0; i < terms.length; i++) {
    postStart[i] = total;
    total += postingLists.get(terms[i]!)!.length;
  }
  postStart[terms.length] = total;
  const postings = new Uint32Array(total);
  for (let i = 0; i < terms.length; i++) postings.set(postingLists.get(terms[i]!)!, postStart[i]!);
  return { ...packTerms(terms), postStart, postings, ...packPhones(phones) };
}

/** Slot → digits pairs (slots ascending) as the segment's phone string and tables. */
export function packPhones(phones: Array<[slot: number, digits: string]>): Pick<Segment, 'phoneText' | 'phoneStart' | 'phoneSlot'> {
  const phoneStart = new Uint32Array(phones.length);
  const phoneSlot = new Uint32Array(phones.length);
  const parts: string[] = [];
  let offset = 0;
  phones.forEach(([slot, digits], i) => {
    phoneStart[i] = offset;
    phoneSlot[i] = slot;
    parts.push(digits);
    offset += digits.length + 1;
  });
  return { phoneText: parts.join('|'), phoneStart, phoneSlot };
}

/** A segment built from customers' terms (slots ascending). */
export function buildSegment(docs: Iterable<SlotTerms>): Segment {
  const lists = new Map<string, number[]>();
  const phones: Array<[number, string]> = [];
  for (const doc of docs) {
    for (const [term, field] of doc.terms) {
      const posting = (doc.slot << SLOT_SHIFT) | field;
      const list = lists.get(term);
      if (list) list.push(posting);
      else lists.set(term, [posting]);
    }
    for (const digits of doc.phones) phones.push([doc.slot, digits]);
  }
  return packSegment(lists, phones);
}

/** An empty segment. */
export function emptySegment(): Segment {
  return packSegment(new Map(), []);
}

/** First index whose term is ≥ key, in a sorted string array (the delta's terms). */
export function lowerBound(terms: readonly string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [from, to) of the terms that start with prefix, in a sorted string array. */
export function stringPrefixRange(terms: readonly string[], prefix: string): [number, number] {
  return [lowerBound(terms, prefix), lowerBound(terms, prefix + '\uffff')];
}

/** Index of the phone entry containing text offset `at`. */
export function phoneEntryAt(phoneStart: Uint32Array, at: number): number {
  let lo = 0;
  let hi = phoneStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (phoneStart[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
