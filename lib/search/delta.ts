import { lowerBound, SLOT_SHIFT } from './segment';
import type { CustomerTerms } from './tokens';

/**
 * The mutable overlay of the index: customers added or changed since the segment was packed.
 * Small by design (the store compacts it into a new segment when it grows), so sorted-array
 * splicing is cheap here.
 */
export class Delta {
  /** Sorted, like a segment's terms. */
  readonly terms: string[] = [];
  readonly lists = new Map<string, number[]>();
  /** What each slot contributed, so a change can take it back out. */
  readonly bySlot = new Map<number, CustomerTerms>();

  get size(): number {
    return this.bySlot.size;
  }

  add(slot: number, ct: CustomerTerms): void {
    this.remove(slot);
    this.bySlot.set(slot, ct);
    for (const [term, field] of ct.terms) {
      const list = this.lists.get(term);
      if (list) {
        list.push((slot << SLOT_SHIFT) | field);
        continue;
      }
      this.lists.set(term, [(slot << SLOT_SHIFT) | field]);
      this.terms.splice(lowerBound(this.terms, term), 0, term);
    }
  }

  remove(slot: number): void {
    const ct = this.bySlot.get(slot);
    if (!ct) return;
    this.bySlot.delete(slot);
    for (const term of ct.terms.keys()) {
      const list = this.lists.get(term);
      if (!list) continue;
      const kept = list.filter((p) => p >>> SLOT_SHIFT !== slot);
      if (kept.length) {
        this.lists.set(term, kept);
        continue;
      }
      this.lists.delete(term);
      const at = lowerBound(this.terms, term);
      if (this.terms[at] === term) this.terms.splice(at, 1);
    }
  }
}
