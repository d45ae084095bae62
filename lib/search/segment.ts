import type { CustomerTerms } from './tokens';

/**
 * The immutable bulk of the index, in a form that serialises to a few typed arrays and two
 * strings: a sorted term array (binary search gives exact and prefix ranges) and, per term, a
 * slice of integer postings `slot << 4 | field`. Phones live apart in one "|"-joined digit string
 * so "digits anywhere in the number" is a plain indexOf scan instead of millions of suffix terms.
 */
export interface Segment {
  terms: string[];
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

/** Pack term → postings lists and slot → phone lists into a Segment. */
export function packSegment(postingLists: Map<string, number[]>, phones: Array<[slot: number, digits: string]>): Segment {
  // The default sort compares UTF-16 code units: the order `<` and binary search use.
  const terms = [...postingLists.keys()].sort();
  const postStart = new Uint32Array(terms.length + 1);
  let total = 0;
  for (let i = 0; i < terms.length; i++) {
    postStart[i] = total;
    total += postingLists.get(terms[i]!)!.length;
  }
  postStart[terms.length] = total;
  const postings = new Uint32Array(total);
  for (let i = 0; i < terms.length; i++) postings.set(postingLists.get(terms[i]!)!, postStart[i]!);
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
  return { terms, postStart, postings, phoneText: parts.join('|'), phoneStart, phoneSlot };
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

/** First index whose term is ≥ key. */
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

/** [from, to) of the terms that start with prefix. */
export function prefixRange(terms: readonly string[], prefix: string): [number, number] {
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
