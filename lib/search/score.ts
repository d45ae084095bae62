import { Field, fieldWeight, NOTES_MIN_QUERY, shortQueryFields } from './fields';
import { editNeighbours, type QueryTerm } from './query';
import { FIELD_MASK, findTerm, phoneEntryAt, prefixRange, SLOT_SHIFT, stringPrefixRange, termChars, utf8 } from './segment';
import type { IndexState } from './state';

/**
 * Tiers: every term's best match is exact (3), prefix (2) or fuzzy (1); a notes match counts one
 * tier lower. A customer's score is 100 × its weakest term's tier plus the mean of the terms'
 * field weights and closeness, so exact always ranks above prefix and prefix above fuzzy.
 */
const EXACT = 3;
const PREFIX = 2;
const FUZZY = 1;
/** A phone matched in the middle ("digits anywhere") ranks below a phone prefix or last-4. */
const PHONE_INFIX_WEIGHT = 30;
/** The whole query equal to the whole name ("zhang wei" → 张伟) beats a longer name with the same words. */
const WHOLE_NAME_BONUS = 8;
const HAN_START = /^\p{Script=Han}/u;
const WHOLE_NAME_FIELDS = new Set<number>([Field.name, Field.nameJoined]);

/** Scratch buffers reused across searches: a search allocates almost nothing. */
export class Scratch {
  best = new Float64Array(0);
  acc = new Float64Array(0);
  tier = new Uint8Array(0);
  touched: number[] = [];

  ensure(slots: number): void {
    if (this.best.length >= slots) return;
    const size = Math.max(1024, Math.ceil(slots * 1.25));
    this.best = new Float64Array(size);
    this.acc = new Float64Array(size);
    this.tier = new Uint8Array(size);
  }

  offer(slot: number, score: number): void {
    const had = this.best[slot]!;
    if (had === 0) this.touched.push(slot);
    if (score > had) this.best[slot] = score;
  }

  reset(): void {
    for (const slot of this.touched) this.best[slot] = 0;
    this.touched = [];
  }
}

/** Score of one posting; 0 when it does not count. */
function postingScore(tier: number, field: number, queryLength: number, termLength: number): number {
  if (field === Field.notes) tier -= 1;
  if (tier <= 0) return 0;
  return tier * 100 + fieldWeight[field]! + (10 * Math.min(queryLength, termLength)) / termLength;
}

interface Visit {
  shortOnly: boolean;
  /** Whether segment postings are visited (false: only the delta, see hot.ts). */
  base: boolean;
}

const SHORT_FIELD = new Uint8Array(16);
for (const f of shortQueryFields) SHORT_FIELD[f] = 1;
const WEIGHT = Float64Array.from(fieldWeight);

/** Offer the segment postings of terms in [from, to): a tight loop over typed arrays, no allocation. */
function visitBase(state: IndexState, s: Scratch, v: Visit, from: number, to: number, key: Uint8Array, qlen: number, shortKey: boolean, tierExact: number, tierPrefix: number): void {
  const { termStart, postStart, postings } = state.base;
  const masked = state.masked;
  const maskedLen = masked.length;
  const best = s.best;
  for (let i = from; i < to; i++) {
    const exact = termStart[i + 1]! - 1 - termStart[i]! === key.length;
    const tier0 = exact ? tierExact : tierPrefix;
    if (tier0 === 0) continue;
    const tlen = exact ? qlen : termChars(state.base, i);
    const closeness = (10 * Math.min(qlen, tlen)) / tlen;
    const end = postStart[i + 1]!;
    for (let k = postStart[i]!; k < end; k++) {
      const p = postings[k]!;
      const field = p & FIELD_MASK;
      if (v.shortOnly && SHORT_FIELD[field] === 0) continue;
      if (!exact && shortKey && (field === Field.phone || field === Field.notes)) continue;
      const slot = p >>> SLOT_SHIFT;
      if (slot < maskedLen && masked[slot] !== 0) continue;
      const tier = field === Field.notes ? tier0 - 1 : tier0;
      if (tier <= 0) continue;
      const score = tier * 100 + WEIGHT[field]! + closeness;
      const had = best[slot]!;
      if (had === 0) s.touched.push(slot);
      if (score > had) best[slot] = score;
    }
  }
}

/** Offer the delta postings of terms in [from, to) of its sorted term list. */
function visitDelta(state: IndexState, s: Scratch, v: Visit, from: number, to: number, key: string, qlen: number, shortKey: boolean, tierExact: number, tierPrefix: number): void {
  const { terms, lists } = state.delta;
  for (let i = from; i < to; i++) {
    const term = terms[i]!;
    const exact = term.length === key.length;
    const tier = exact ? tierExact : tierPrefix;
    if (tier === 0) continue;
    const tlen = exact ? qlen : codePoints(term);
    for (const p of lists.get(term)!) {
      const field = p & FIELD_MASK;
      if (v.shortOnly && SHORT_FIELD[field] === 0) continue;
      if (!exact && shortKey && (field === Field.phone || field === Field.notes)) continue;
      const score = postingScore(tier, field, qlen, tlen);
      if (score > 0) s.offer(p >>> SLOT_SHIFT, score);
    }
  }
}

/** Length in code points (UTF-16 length when there is no astral character). */
export function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) n--;
  }
  return n;
}

/** Offer the customers with terms equal to (tierPrefix 0) or starting with `key`. */
function visitKey(state: IndexState, s: Scratch, v: Visit, key: string, tierExact: number, tierPrefix: number): void {
  const qlen = codePoints(key);
  // Two Chinese characters are a word; two Latin letters begin half the words in any note.
  const shortKey = qlen < NOTES_MIN_QUERY && !HAN_START.test(key);
  if (v.base) {
    const bytes = utf8(key);
    let from: number;
    let to: number;
    if (tierPrefix === 0) {
      from = findTerm(state.base, bytes);
      to = from + 1;
    } else [from, to] = prefixRange(state.base, bytes);
    if (from >= 0) visitBase(state, s, v, from, to, bytes, qlen, shortKey, tierExact, tierPrefix);
  }
  const { delta } = state;
  if (delta.size === 0) return;
  let [from, to] = stringPrefixRange(delta.terms, key);
  if (tierPrefix === 0) to = Math.min(to, delta.terms[from] === key ? from + 1 : from);
  visitDelta(state, s, v, from, to, key, qlen, shortKey, tierExact, tierPrefix);
}

/**
 * Phones whose digits start with (prefix tier) or contain (lower weight) the typed digits:
 * one indexOf scan over the "|"-joined phone string, then a binary search for the owner.
 */
function visitPhoneDigits(state: IndexState, s: Scratch, v: Visit, digits: string): void {
  const { phoneText, phoneStart, phoneSlot } = state.base;
  const weight = fieldWeight[Field.phone]!;
  const scoreAt = (atStart: boolean, whole: boolean) =>
    whole ? EXACT * 100 + weight + 10 : atStart ? PREFIX * 100 + weight + 5 : PREFIX * 100 + PHONE_INFIX_WEIGHT;
  let at = v.base ? phoneText.indexOf(digits) : -1;
  while (at >= 0) {
    const entry = phoneEntryAt(phoneStart, at);
    const slot = phoneSlot[entry]!;
    const next = entry + 1 < phoneStart.length ? phoneStart[entry + 1]! : phoneText.length + 1;
    const start = phoneStart[entry]!;
    if (state.alive(slot, true)) s.offer(slot, scoreAt(at === start, at === start && digits.length === next - 1 - start));
    at = phoneText.indexOf(digits, Math.max(at + 1, next));
  }
  for (const [slot, ct] of state.delta.bySlot) {
    for (const p of ct.phones) {
      const i = p.indexOf(digits);
      if (i >= 0) s.offer(slot, scoreAt(i === 0, p === digits));
    }
  }
}

/** Fill s.best with each customer's best score for one query term. */
function scoreTerm(state: IndexState, s: Scratch, term: QueryTerm, v: Visit, fuzzy: boolean): void {
  for (const key of term.variants) visitKey(state, s, v, key, EXACT, PREFIX);
  if (term.digits) visitPhoneDigits(state, s, v, term.digits);
  if (!fuzzy || !term.fuzzy) return;
  const key = term.variants[0]!;
  for (const n of editNeighbours(key)) {
    // A neighbour shorter than the typed word is only taken whole: "wang" → "wan" must not
    // pull in every "wan…"; longer neighbours also match as a prefix (as-you-type typos).
    visitKey(state, s, v, n, FUZZY, n.length >= key.length ? FUZZY : 0);
  }
}

/** Slots matching every term, with their combined scores, best first, at most `limit`. */
export function rank(
  state: IndexState, s: Scratch, terms: QueryTerm[], limit: number, fuzzy: boolean, base = true, heap = new TopK(limit),
): Array<[slot: number, score: number]> {
  s.ensure(state.slotCount);
  const oneChar = terms.length === 1 && terms[0]!.variants[0]!.length === 1;
  const v: Visit = { shortOnly: oneChar, base };
  let candidates: number[] = [];
  let firstCandidates: number[] = [];
  for (let k = 0; k < terms.length; k++) {
    // Every word must match: once no customer is left, the other words need not be looked up.
    if (k > 0 && candidates.length === 0) break;
    scoreTerm(state, s, terms[k]!, v, fuzzy);
    if (k === 0) {
      for (const slot of s.touched) {
        const score = s.best[slot]!;
        s.tier[slot] = Math.floor(score / 100);
        s.acc[slot] = score % 100;
      }
      candidates = s.touched.slice();
      firstCandidates = candidates; // filter() below makes new arrays: this one stays whole
    } else {
      candidates = candidates.filter((slot) => {
        const score = s.best[slot]!;
        if (score === 0) return false;
        s.tier[slot] = Math.min(s.tier[slot]!, Math.floor(score / 100));
        s.acc[slot] = s.acc[slot]! + (score % 100);
        return true;
      });
    }
    s.reset();
  }
  const bonus = wholeNameMatches(state, terms);
  for (const slot of candidates) {
    const score = s.tier[slot]! * 100 + s.acc[slot]! / terms.length + (bonus.has(slot) ? WHOLE_NAME_BONUS : 0);
    heap.push(slot, score);
  }
  for (const slot of firstCandidates) {
    s.acc[slot] = 0;
    s.tier[slot] = 0;
  }
  return heap.sorted();
}

/**
 * A query with Chinese characters, each such term narrowed to the characters as typed (its pinyin
 * readings dropped); undefined for a query without any. `华信` must find 华信 before 胡秀英 (hx…).
 */
export function literalTerms(terms: readonly QueryTerm[]): QueryTerm[] | undefined {
  if (!terms.some((t) => HAN.test(t.variants[0]!))) return undefined;
  return terms.map((t) => (HAN.test(t.variants[0]!) ? { ...t, variants: [t.variants[0]!] } : t));
}
const HAN = /\p{Script=Han}/u;

/**
 * rank(), literal first: a Chinese query's literal matches are the result whenever there is one;
 * matches through pinyin alone (同音字, a card spelled in pinyin) only when there is none. Latin
 * queries rank as before, pinyin included.
 */
export function rankLiteralFirst(state: IndexState, s: Scratch, terms: QueryTerm[], limit: number, fuzzy: boolean): Array<[slot: number, score: number]> {
  const literal = literalTerms(terms);
  if (literal) {
    const found = rank(state, s, literal, limit, fuzzy);
    if (found.length > 0) return found;
  }
  return rank(state, s, terms, limit, fuzzy);
}

function wholeNameMatches(state: IndexState, terms: QueryTerm[]): Set<number> {
  const out = new Set<number>();
  if (terms.length < 2) return out;
  const joined = terms.map((t) => t.variants[0]!).join('');
  for (const [list, fromBase] of state.exactPostings(joined)) {
    for (let k = 0; k < list.length; k++) {
      const p = list[k]!;
      const slot = p >>> SLOT_SHIFT;
      if (WHOLE_NAME_FIELDS.has(p & FIELD_MASK) && state.alive(slot, fromBase)) out.add(slot);
    }
  }
  return out;
}

/**
 * The best `limit` of many candidates without sorting them all (a one-letter query can match
 * tens of thousands): a min-heap of packed keys, score high bits, earlier slot wins ties.
 */
export class TopK {
  private keys: number[] = [];
  constructor(private readonly limit: number) {}

  push(slot: number, score: number): void {
    const key = Math.round(score * 100) * 2 ** 24 + (2 ** 24 - 1 - slot);
    const h = this.keys;
    if (h.length < this.limit) {
      h.push(key);
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (h[parent]! <= key) break;
        h[i] = h[parent]!;
        i = parent;
      }
      h[i] = key;
      return;
    }
    if (this.limit === 0 || key <= h[0]!) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && h[r]! < h[l]! ? r : l;
      if (h[c]! >= key) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = key;
  }

  sorted(): Array<[number, number]> {
    return this.keys
      .sort((a, b) => b - a)
      .map((key) => [2 ** 24 - 1 - (key % 2 ** 24), Math.floor(key / 2 ** 24) / 100]);
  }
}
