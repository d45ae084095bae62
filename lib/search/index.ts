import { compactState, fromBlob, toBlob, type SearchIndexBlob } from './compact';
import { computeHot, hotSearch } from './hot';
import { domainFields, Field } from './fields';
import { fold } from './fold';
import { parseQuery } from './query';
import { rankLiteralFirst, Scratch } from './score';
import { buildSegment, emptySegment } from './segment';
import { IndexState } from './state';
import { customerTerms, hostOf, socialKey, type SearchableCustomer } from './tokens';

export type { SearchIndexBlob } from './compact';
export { INDEX_FORMAT } from './compact';
export type { SearchableCustomer } from './tokens';
export { hostOf, socialKey } from './tokens';

/** One search result: the customer's id and how well it matched (higher is better). */
export interface SearchHit {
  id: string;
  score: number;
}

/** A customer search index: pure data structures, usable in a worker, a page or Node. */
export interface SearchIndex {
  /** Customers matching every word of the query, best first; [] for a blank query. */
  search(query: string, limit?: number): SearchHit[];
  /** Index a new customer (or re-index one already there). */
  add(customer: SearchableCustomer): void;
  /** Re-index a changed customer; a soft-deleted one is dropped. */
  update(customer: SearchableCustomer): void;
  /** Drop a customer. */
  remove(id: string): void;
  has(id: string): boolean;
  /** Number of customers indexed. */
  readonly size: number;
  /** Customers changed since the last compaction (kept in the small mutable overlay). */
  readonly pending: number;
  /** Ids of customers whose email domain or website is this domain or a parent of it ("On this page"). */
  byDomain(host: string): string[];
  /** Ids of customers with this exact email address. */
  byEmail(email: string): string[];
  /** Ids of customers with this social profile (URL or handle). */
  bySocial(handle: string): string[];
  /** Merge the overlay into the packed part and drop removed customers. */
  compact(): void;
  /** A compact, structured-clone-friendly snapshot; loadSearchIndex restores it. */
  serialize(): SearchIndexBlob;
}

export const DEFAULT_LIMIT = 50;

/** Build an index over the live (not soft-deleted) customers. */
export function buildSearchIndex(customers: readonly SearchableCustomer[]): SearchIndex {
  // Slots in id order: ids are UUIDv7, so ties rank oldest card first, and stay that way.
  const live = customers.filter((c) => c.deletedAt === null).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids: string[] = [];
  const seen = new Set<string>();
  const docs = [];
  for (const c of live) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    docs.push({ slot: ids.length, ...customerTerms(c) });
    ids.push(c.id);
  }
  const base = docs.length ? buildSegment(docs) : emptySegment();
  return wrap(new IndexState(base, ids, computeHot(base, ids)));
}

/** Restore an index from serialize()'s blob; throws when the blob is of another format. */
export function loadSearchIndex(blob: SearchIndexBlob): SearchIndex {
  const { base, ids, hot } = fromBlob(blob);
  return wrap(new IndexState(base, ids, hot));
}

const EMAIL_FIELDS = new Set<number>([Field.email]);
const SOCIAL_FIELDS = new Set<number>([Field.social]);

function wrap(initial: IndexState): SearchIndex {
  let state = initial;
  const scratch = new Scratch();
  return {
    search(query, limit = DEFAULT_LIMIT) {
      const terms = parseQuery(query);
      if (terms.length === 0 || limit <= 0) return [];
      let ranked = hotSearch(state, scratch, terms, limit) ?? rankLiteralFirst(state, scratch, terms, limit, false);
      // Fuzzy matches always rank below exact and prefix ones, so they are only looked for
      // when those leave room: a typo costs nothing while the query still finds enough.
      if (ranked.length < limit && terms.some((t) => t.fuzzy)) ranked = rankLiteralFirst(state, scratch, terms, limit, true);
      return ranked.map(([slot, score]) => ({ id: state.ids[slot]!, score }));
    },
    add: (c) => state.upsert(c),
    update: (c) => state.upsert(c),
    remove: (id) => state.remove(id),
    has: (id) => state.slotOf.has(id),
    get size() {
      return state.size;
    },
    get pending() {
      return state.delta.size;
    },
    byDomain(host) {
      const labels = hostOf(host).split('.');
      const found = new Set<string>();
      for (let i = 0; i < labels.length - 1; i++) for (const id of state.lookup(labels.slice(i).join('.'), domainFields)) found.add(id);
      return [...found];
    },
    byEmail: (email) => state.lookup(fold(email).trim(), EMAIL_FIELDS),
    bySocial: (handle) => state.lookup(socialKey(handle), SOCIAL_FIELDS),
    compact() {
      const { base, ids, hot } = compactState(state);
      state = new IndexState(base, ids, hot);
    },
    serialize() {
      if (state.delta.size === 0 && state.size === state.slotCount) return toBlob({ base: state.base, ids: state.ids, hot: state.hot });
      const compacted = compactState(state);
      state = new IndexState(compacted.base, compacted.ids, compacted.hot);
      return toBlob(compacted);
    },
  };
}

