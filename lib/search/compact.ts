import { computeHot, emptyHot, packHot, unpackHot, type HotLists } from './hot';
import { compareTerm, FIELD_MASK, packPhones, SLOT_SHIFT, sortTerms, termCount, utf8, type Segment } from './segment';
import type { IndexState } from './state';

/**
 * Bumped whenever tokenising or the blob layout changes: a persisted index of another format is
 * rebuilt instead of being trusted. 1: terms as one "\n"-joined string; 2: terms as UTF-8 bytes
 * with offsets, and precomputed results of the costliest short prefixes; 3: Chinese hot keys
 * hold their literal matches first (hotPinyinOnly marks those with none).
 */
export const INDEX_FORMAT = 3;

/**
 * A serialised index: typed arrays plus three flat strings, so structured clone (idb-keyval)
 * copies it in a few memcpys and restoring builds no per-term objects.
 */
export interface SearchIndexBlob {
  format: number;
  /** Customer ids in slot order, "\n"-joined. */
  ids: string;
  termBytes: Uint8Array;
  termStart: Uint32Array;
  postStart: Uint32Array;
  postings: Uint32Array;
  phoneText: string;
  phoneStart: Uint32Array;
  phoneSlot: Uint32Array;
  /** Precomputed best results of short, costly prefixes (see hot.ts). */
  hotKeys: string;
  hotStart: Uint32Array;
  hotSlot: Uint32Array;
  hotScore: Float64Array;
  /** Chinese hot keys answered by pinyin alone ("\n"-joined); absent in a blob without hot lists. */
  hotPinyinOnly?: string;
}

/** What a compaction produces: a new segment, the ids of its slots and its hot lists. */
export interface Compacted {
  base: Segment;
  ids: string[];
  hot: HotLists;
}

/**
 * Fold the delta into a new segment and drop removed slots, renumbering the rest in order
 * (so ties keep their order). A linear merge of two sorted term lists, comparing UTF-8 bytes:
 * no re-tokenising and no per-term strings for the segment's terms.
 */
export function compactState(state: IndexState, withHot = true): Compacted {
  const { base, delta } = state;
  const remap = new Int32Array(state.slotCount).fill(-1);
  const ids: string[] = [];
  state.ids.forEach((id, slot) => {
    if (!id) return;
    remap[slot] = ids.length;
    ids.push(id);
  });
  const deltaTerms = sortTerms([...delta.terms]);
  const deltaBytes = deltaTerms.map(utf8);
  let deltaPostings = 0;
  let deltaByteCount = 0;
  for (const list of delta.lists.values()) deltaPostings += list.length;
  for (const b of deltaBytes) deltaByteCount += b.length + 1;
  const postings = new Uint32Array(base.postings.length + deltaPostings);
  const bytes = new Uint8Array(base.termBytes.length + 1 + deltaByteCount);
  const starts: number[] = [];
  const postStarts: number[] = [];
  let n = 0;
  let b = 0;
  const copy = (list: ArrayLike<number>, from: number, to: number, fromBase: boolean) => {
    for (let k = from; k < to; k++) {
      const p = list[k]!;
      const slot = p >>> SLOT_SHIFT;
      if (state.alive(slot, fromBase)) postings[n++] = (remap[slot]! << SLOT_SHIFT) | (p & FIELD_MASK);
    }
  };
  const baseCount = termCount(base);
  let i = 0;
  let j = 0;
  while (i < baseCount || j < deltaTerms.length) {
    const c = i >= baseCount ? 1 : j >= deltaTerms.length ? -1 : compareTerm(base, i, deltaBytes[j]!, false);
    const start = n;
    let term: Uint8Array;
    if (c <= 0) {
      copy(base.postings, base.postStart[i]!, base.postStart[i + 1]!, true);
      term = base.termBytes.subarray(base.termStart[i]!, base.termStart[i + 1]! - 1);
      i++;
    } else term = deltaBytes[j]!;
    if (c >= 0) {
      const list = delta.lists.get(deltaTerms[j]!)!;
      copy(list, 0, list.length, false);
      j++;
    }
    if (n > start) {
      starts.push(b);
      postStarts.push(start);
      bytes.set(term, b);
      b += term.length;
      bytes[b++] = 10;
    }
  }
  const termStart = new Uint32Array(starts.length + 1);
  termStart.set(starts);
  termStart[starts.length] = b;
  const phones: Array<[number, string]> = [];
  for (let e = 0; e < base.phoneStart.length; e++) {
    const slot = base.phoneSlot[e]!;
    if (!state.alive(slot, true)) continue;
    const from = base.phoneStart[e]!;
    const to = e + 1 < base.phoneStart.length ? base.phoneStart[e + 1]! - 1 : base.phoneText.length;
    phones.push([remap[slot]!, base.phoneText.slice(from, to)]);
  }
  for (const [slot, ct] of delta.bySlot) if (state.alive(slot, false)) for (const d of ct.phones) phones.push([remap[slot]!, d]);
  phones.sort((x, y) => x[0] - y[0]);
  const segment: Segment = {
    termBytes: bytes.slice(0, Math.max(0, b - 1)),
    termStart,
    postStart: Uint32Array.from([...postStarts, n]),
    postings: postings.slice(0, n),
    ...packPhones(phones),
  };
  return { base: segment, ids, hot: withHot ? computeHot(segment, ids) : emptyHot() };
}

/** The blob of a compacted index. */
export function toBlob({ base, ids, hot }: Compacted): SearchIndexBlob {
  return { format: INDEX_FORMAT, ids: ids.join('\n'), ...base, ...packHot(hot) };
}

/** The segment, ids and hot lists of a blob; throws on a blob of another format or a damaged one. */
export function fromBlob(blob: SearchIndexBlob): Compacted {
  if (blob.format !== INDEX_FORMAT) throw new Error(`Search index format ${String(blob.format)}, expected ${INDEX_FORMAT}`);
  const ids = blob.ids === '' ? [] : blob.ids.split('\n');
  const terms = blob.termStart.length - 1;
  if (
    !(blob.termBytes instanceof Uint8Array) || terms < 0 || blob.postStart.length !== terms + 1 ||
    blob.postStart[terms] !== blob.postings.length || blob.phoneStart.length !== blob.phoneSlot.length
  ) {
    throw new Error('Search index blob is damaged');
  }
  const base: Segment = {
    termBytes: blob.termBytes, termStart: blob.termStart, postStart: blob.postStart, postings: blob.postings,
    phoneText: blob.phoneText, phoneStart: blob.phoneStart, phoneSlot: blob.phoneSlot,
  };
  return { base, ids, hot: unpackHot(blob) };
}

/** The blob's buffers, to transfer (not copy) it between a worker and a page. */
export function transferables(blob: SearchIndexBlob): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const v of Object.values(blob)) if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  return [...out];
}
