import { Delta } from './delta';
import { emptyHot, type HotLists } from './hot';
import { findTerm, SLOT_SHIFT, utf8, type Segment } from './segment';
import { customerTerms, type SearchableCustomer } from './tokens';

/**
 * Everything a search reads: the packed segment, the delta of later changes, and the slot table.
 * A slot is a dense integer standing for one customer id; postings carry slots, not ids.
 * A base slot whose customer changed or went away is masked: its segment postings no longer count.
 */
export class IndexState {
  /** slot → customer id; '' once removed. */
  readonly ids: string[];
  readonly delta = new Delta();
  /** 1 for a base slot whose segment postings no longer count (changed or removed). */
  readonly masked: Uint8Array;
  private live = 0;
  private slots: Map<string, number> | undefined;

  constructor(
    readonly base: Segment,
    ids: string[],
    readonly hot: HotLists = emptyHot(),
  ) {
    this.ids = ids;
    this.masked = new Uint8Array(ids.length);
    for (const id of ids) if (id) this.live++;
  }

  /** id → slot, built on first use: a restored index that is only searched never needs it. */
  get slotOf(): Map<string, number> {
    if (this.slots) return this.slots;
    this.slots = new Map();
    this.ids.forEach((id, slot) => {
      if (id) this.slots!.set(id, slot);
    });
    return this.slots;
  }

  get slotCount(): number {
    return this.ids.length;
  }

  get size(): number {
    return this.live;
  }

  /** Whether a posting for this slot counts (segment postings of a masked slot do not). */
  alive(slot: number, fromBase: boolean): boolean {
    // A removed or changed base slot is masked; the delta drops its own postings on removal.
    return !fromBase || slot >= this.masked.length || this.masked[slot] === 0;
  }

  /** Add or replace a customer; a deleted one is removed instead. */
  upsert(c: SearchableCustomer): void {
    if (c.deletedAt !== null) {
      this.remove(c.id);
      return;
    }
    let slot = this.slotOf.get(c.id);
    if (slot === undefined) {
      slot = this.ids.length;
      if (slot >= 2 ** 24) throw new RangeError('Search index is full: compact it');
      this.ids.push(c.id);
      this.slotOf.set(c.id, slot);
      this.live++;
    } else if (slot < this.masked.length) {
      this.masked[slot] = 1;
    }
    this.delta.add(slot, customerTerms(c));
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.ids[slot] = '';
    this.live--;
    if (slot < this.masked.length) this.masked[slot] = 1;
    this.delta.remove(slot);
  }

  /** Posting lists of exactly this term, segment first, each with whether it came from the segment. */
  exactPostings(term: string): Array<[ArrayLike<number>, boolean]> {
    const out: Array<[ArrayLike<number>, boolean]> = [];
    const at = findTerm(this.base, utf8(term));
    if (at >= 0) out.push([this.base.postings.subarray(this.base.postStart[at]!, this.base.postStart[at + 1]!), true]);
    const list = this.delta.lists.get(term);
    if (list) out.push([list, false]);
    return out;
  }

  /** Ids of the live customers having exactly this term in one of the fields (all fields when none given). */
  lookup(term: string, fields?: ReadonlySet<number>): string[] {
    const slots = new Set<number>();
    for (const [list, fromBase] of this.exactPostings(term)) {
      for (let k = 0; k < list.length; k++) {
        const p = list[k]!;
        const slot = p >>> SLOT_SHIFT;
        if ((!fields || fields.has(p & 15)) && this.alive(slot, fromBase)) slots.add(slot);
      }
    }
    return [...slots].sort((a, b) => a - b).map((slot) => this.ids[slot]!);
  }
}
