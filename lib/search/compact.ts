import { FIELD_MASK, SLOT_SHIFT, type Segment } from './segment';
import type { IndexState } from './state';

/**
 * Bumped whenever tokenising or the blob layout changes: a persisted index of another format is
 * rebuilt instead of being trusted.
 */
export const INDEX_FORMAT = 1;

/** A serialised index: strings and typed arrays only, so structured clone (idb-keyval) stores it as is. */
export interface SearchIndexBlob {
  format: number;
  /** Customer ids in slot order, "\n"-joined. */
  ids: string;
  /** Sorted terms, "\n"-joined (terms never contain a newline). */
  terms: string;
  postStart: Uint32Array;
  postings: Uint32Array;
  phoneText: string;
  phoneStart: Uint32Array;
  phoneSlot: Uint32Array;
}

/**
 * Fold the delta into a new segment and drop removed slots, renumbering the rest in order
 * (so ties keep their order). A linear merge of two sorted term lists: no re-tokenising.
 */
export function compactState(state: IndexState): { base: Segment; ids: string[] } {
  const { base, delta } = state;
  const remap = new Int32Array(state.slotCount).fill(-1);
  const ids: string[] = [];
  state.ids.forEach((id, slot) => {
    if (!id) return;
    remap[slot] = ids.length;
    ids.push(id);
  });
  let deltaPostings = 0;
  for (const list of delta.lists.values()) deltaPostings += list.length;
  const postings = new Uint32Array(base.postings.length + deltaPostings);
  const terms: string[] = [];
  const starts: number[] = [];
  let n = 0;
  const copy = (list: ArrayLike<number>, fromBase: boolean) => {
    for (let k = 0; k < list.length; k++) {
      const p = list[k]!;
      const slot = p >>> SLOT_SHIFT;
      if (state.alive(slot, fromBase)) postings[n++] = (remap[slot]! << SLOT_SHIFT) | (p & FIELD_MASK);
    }
  };
  let i = 0;
  let j = 0;
  while (i < base.terms.length || j < delta.terms.length) {
    const bt = base.terms[i];
    const dt = delta.terms[j];
    const term = bt === undefined ? dt! : dt === undefined || bt <= dt ? bt : dt;
    const start = n;
    if (bt === term) copy(base.postings.subarray(base.postStart[i]!, base.postStart[++i]!), true);
    if (dt === term) copy(delta.lists.get(delta.terms[j++]!)!, false);
    if (n > start) {
      terms.push(term);
      starts.push(start);
    }
  }
  starts.push(n);
  const phones: Array<[number, string]> = [];
  for (let e = 0; e < base.phoneStart.length; e++) {
    const slot = base.phoneSlot[e]!;
    if (!state.alive(slot, true)) continue;
    const from = base.phoneStart[e]!;
    const to = e + 1 < base.phoneStart.length ? base.phoneStart[e + 1]! - 1 : base.phoneText.length;
    phones.push([remap[slot]!, base.phoneText.slice(from, to)]);
  }
  for (const [slot, ct] of delta.bySlot) if (state.alive(slot, false)) for (const d of ct.phones) phones.push([remap[slot]!, d]);
  phones.sort((a, b) => a[0] - b[0]);
  return {
    base: {
      terms,
      postStart: Uint32Array.from(starts),
      postings: postings.slice(0, n),
      phoneText: phones.map((p) => p[1]).join('|'),
      phoneStart: phoneStarts(phones),
      phoneSlot: Uint32Array.from(phones, (p) => p[0]),
    },
    ids,
  };
}

function phoneStarts(phones: Array<[number, string]>): Uint32Array {
  const out = new Uint32Array(phones.length);
  let offset = 0;
  phones.forEach(([, digits], i) => {
    out[i] = offset;
    offset += digits.length + 1;
  });
  return out;
}

/** The blob of a compacted segment. */
export function toBlob(base: Segment, ids: string[]): SearchIndexBlob {
  return {
    format: INDEX_FORMAT,
    ids: ids.join('\n'),
    terms: base.terms.join('\n'),
    postStart: base.postStart,
    postings: base.postings,
    phoneText: base.phoneText,
    phoneStart: base.phoneStart,
    phoneSlot: base.phoneSlot,
  };
}

/** The segment and ids of a blob; throws on a blob of another format or a damaged one. */
export function fromBlob(blob: SearchIndexBlob): { base: Segment; ids: string[] } {
  if (blob.format !== INDEX_FORMAT) throw new Error(`Search index format ${String(blob.format)}, expected ${INDEX_FORMAT}`);
  const terms = blob.terms === '' ? [] : blob.terms.split('\n');
  const ids = blob.ids === '' ? [] : blob.ids.split('\n');
  if (blob.postStart.length !== terms.length + 1 || blob.phoneStart.length !== blob.phoneSlot.length) {
    throw new Error('Search index blob is damaged');
  }
  const base: Segment = {
    terms, postStart: blob.postStart, postings: blob.postings,
    phoneText: blob.phoneText, phoneStart: blob.phoneStart, phoneSlot: blob.phoneSlot,
  };
  return { base, ids };
}
