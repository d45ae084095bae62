import { hasHan } from './fold';
import { parseQuery, type QueryTerm } from './query';
import { literalTerms, rank, Scratch, TopK } from './score';
import { prefixRange, termCount, utf8, type Segment } from './segment';
import { IndexState } from './state';

/**
 * Precomputed results of the costliest queries: one to four typed letters (or one Chinese
 * character, which also stands for its pinyin initial) whose prefix covers thousands of postings.
 * Without them "j" walks every term starting with j on each keystroke; with them it is a lookup
 * of ≤ HOT_K ready-ranked slots, merged with the (small) delta. Computed when the segment is
 * packed (in the worker that builds or compacts it) and persisted with it.
 */
export interface HotLists {
  /** Query key → [from, to) into slot/score. */
  byKey: Map<string, [number, number]>;
  slot: Uint32Array;
  score: Float64Array;
  /** Chinese keys whose list holds pinyin-only matches (the segment has no literal match for them). */
  pinyinOnly: Set<string>;
}

/** Results kept per hot key: more than a page of results, so a few changed cards do not empty it. */
export const HOT_K = 100;
/**
 * Postings a prefix must cover to be worth precomputing (below this a live search takes well under 1 ms), or
 * 1/64 of all postings in a small index, where precomputing is cheap anyway.
 */
export const HOT_WORK = 10_000;
const hotWork = (base: Segment) => Math.min(HOT_WORK, Math.max(200, base.postings.length >> 6));
const MAX_PREFIX = 4;

export const emptyHot = (): HotLists => ({ byKey: new Map(), slot: new Uint32Array(0), score: new Float64Array(0), pinyinOnly: new Set() });

/** The keys whose live search would visit at least HOT_WORK postings. */
export function hotCandidates(base: Segment, min = hotWork(base)): string[] {
  const { termBytes, termStart, postStart } = base;
  const n = termCount(base);
  const decoder = new TextDecoder();
  const out: string[] = [];
  for (let L = 1; L <= MAX_PREFIX; L++) {
    let i = 0;
    while (i < n) {
      const s = termStart[i]!;
      const len = termStart[i + 1]! - 1 - s;
      const lead = termBytes[s]!;
      let plen = 0;
      if (lead < 0x80) {
        if (L <= len) {
          plen = L;
          for (let k = 0; k < L; k++) if (termBytes[s + k]! >= 0x80) plen = 0;
        }
      } else if (L === 1) plen = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
      if (plen === 0) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && sameStart(termBytes, termStart[j]!, termStart[j + 1]! - 1, s, plen)) j++;
      const work = postStart[j]! - postStart[i]!;
      const key = decoder.decode(termBytes.subarray(s, s + plen));
      if (work >= min || (lead >= 0x80 && hasHan(key) && variantWork(base, key) >= min)) out.push(key);
      i = j;
    }
  }
  return out;
}

function sameStart(bytes: Uint8Array, from: number, end: number, s: number, plen: number): boolean {
  if (end - from < plen) return false;
  for (let k = 0; k < plen; k++) if (bytes[from + k] !== bytes[s + k]) return false;
  return true;
}

/** Postings a Chinese character's search visits, its pinyin readings included. */
function variantWork(base: Segment, key: string): number {
  let work = 0;
  for (const v of parseQuery(key)[0]?.variants ?? []) {
    const [from, to] = prefixRange(base, utf8(v));
    work += base.postStart[to]! - base.postStart[from]!;
  }
  return work;
}

/** A query the hot lists can answer: one term, no phone digits. */
function hotKey(terms: QueryTerm[]): string | undefined {
  const t = terms.length === 1 ? terms[0]! : undefined;
  return t && !t.digits ? t.variants[0] : undefined;
}

/** Rank every hot key over a freshly packed segment (no delta). */
export function computeHot(base: Segment, ids: string[], min = hotWork(base)): HotLists {
  const state = new IndexState(base, ids);
  const scratch = new Scratch();
  const byKey = new Map<string, [number, number]>();
  const pinyinOnly = new Set<string>();
  const slots: number[] = [];
  const scores: number[] = [];
  for (const key of hotCandidates(base, min)) {
    const terms = parseQuery(key);
    if (hotKey(terms) !== key || byKey.has(key)) continue;
    // A Chinese key keeps its literal matches; only when it has none, its pinyin matches, under a
    // marked key (hotSearch tells the two apart: a new literal match in the delta beats them).
    const literal = literalTerms(terms);
    let ranked = literal ? rank(state, scratch, literal, HOT_K, false) : [];
    if (!literal || ranked.length === 0) {
      ranked = rank(state, scratch, terms, HOT_K, false);
      if (literal) pinyinOnly.add(key);
    }
    byKey.set(key, [slots.length, slots.length + ranked.length]);
    for (const [slot, score] of ranked) {
      slots.push(slot);
      scores.push(score);
    }
  }
  return { byKey, slot: Uint32Array.from(slots), score: Float64Array.from(scores), pinyinOnly };
}

/**
 * The best `limit` results from a hot list merged with the delta, or undefined when the query is
 * not hot or too many of its precomputed results were changed since (then a live search runs).
 */
export function hotSearch(state: IndexState, scratch: Scratch, terms: QueryTerm[], limit: number): Array<[number, number]> | undefined {
  const key = hotKey(terms);
  if (key === undefined || limit > HOT_K) return undefined;
  const literal = literalTerms(terms);
  if (!literal) return fromList(state, scratch, terms, limit, state.hot.byKey.get(key));
  // A Chinese key: its literal list (merged with the delta) when that finds anything, else its
  // pinyin-only list unless the delta now holds a literal match; any other case a live search decides.
  const range = state.hot.byKey.get(key);
  if (!state.hot.pinyinOnly.has(key)) {
    const found = fromList(state, scratch, literal, limit, range);
    return found?.length ? found : undefined;
  }
  if (state.delta.size > 0 && rank(state, scratch, literal, 1, false, false).length > 0) return undefined;
  return fromList(state, scratch, terms, limit, range);
}

function fromList(state: IndexState, scratch: Scratch, terms: QueryTerm[], limit: number, range: [number, number] | undefined): Array<[number, number]> | undefined {
  if (!range) return undefined;
  const [from, to] = range;
  const { masked } = state;
  const { slot, score } = state.hot;
  const heap = new TopK(limit);
  let kept = 0;
  for (let k = from; k < to; k++) {
    const s = slot[k]!;
    if (masked[s] !== 0) continue;
    kept++;
    heap.push(s, score[k]!);
  }
  // A full list stands for more customers than it holds: once changes drop too many, it can no
  // longer vouch for the best `limit`.
  if (to - from >= HOT_K && kept < limit) return undefined;
  return state.delta.size === 0 ? heap.sorted() : rank(state, scratch, terms, limit, false, false, heap);
}

/** Hot lists as blob fields. */
export function packHot(hot: HotLists): { hotKeys: string; hotStart: Uint32Array; hotSlot: Uint32Array; hotScore: Float64Array; hotPinyinOnly: string } {
  const keys = [...hot.byKey.keys()];
  const hotStart = new Uint32Array(keys.length + 1);
  keys.forEach((k, i) => {
    const [from, to] = hot.byKey.get(k)!;
    hotStart[i] = from;
    hotStart[i + 1] = to;
  });
  return { hotKeys: keys.join('\n'), hotStart, hotSlot: hot.slot, hotScore: hot.score, hotPinyinOnly: [...hot.pinyinOnly].join('\n') };
}

/** Hot lists from blob fields. */
export function unpackHot(blob: { hotKeys: string; hotStart: Uint32Array; hotSlot: Uint32Array; hotScore: Float64Array; hotPinyinOnly?: string }): HotLists {
  const keys = blob.hotKeys === '' ? [] : blob.hotKeys.split('\n');
  if (blob.hotStart.length !== keys.length + 1 && !(keys.length === 0 && blob.hotStart.length <= 1)) throw new Error('Search index blob is damaged');
  const byKey = new Map<string, [number, number]>();
  keys.forEach((k, i) => byKey.set(k, [blob.hotStart[i]!, blob.hotStart[i + 1]!]));
  const pinyinOnly = new Set(blob.hotPinyinOnly ? blob.hotPinyinOnly.split('\n') : []);
  return { byKey, slot: blob.hotSlot, score: blob.hotScore, pinyinOnly };
}
