import { liveQuery, type Subscription } from 'dexie';
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { cryptoState } from '../security/state';
import type { Customer } from '../domain/customer';
import type { CardfileDb } from '../db/schema';
import { INDEX_FORMAT } from './compact';
import { buildFromDb, type BuiltIndex } from './from-db';
import { loadSearchIndex, type SearchHit, type SearchIndex } from './index';

export type SearchStatus = 'loading' | 'building' | 'ready' | 'error';

interface Persisted extends BuiltIndex {
  format: number;
}

export interface SearchStoreOptions {
  /** The idb-keyval store the index is kept in (SPEC §6: page-local blobs live in idb-keyval). */
  kv?: UseStore;
  /** How to build when nothing usable is persisted; the default builds on this thread. */
  build?(db: CardfileDb): Promise<BuiltIndex>;
  /** Save again once this many customers changed since the last save. */
  persistAfter?: number;
}

const KEY = 'customers';
let defaultKv: UseStore | undefined;
const kvOf = (opts: SearchStoreOptions) => opts.kv ?? (defaultKv ??= createStore('cardfile-search', 'index'));

/**
 * Drop the persisted index. Called when the passphrase lock turns on: the index holds email and
 * phone tokens, so while the lock is on it lives in memory only (SPEC §8: nothing in clear at rest).
 */
export async function forgetPersistedIndex(opts: SearchStoreOptions = {}): Promise<void> {
  await del(KEY, kvOf(opts));
}

/**
 * The search index of one extension page, kept current with the customer table.
 *
 * Opening restores the persisted index (a structured-clone read and two string splits, ~100 ms
 * at 100,000 cards) instead of rebuilding it (seconds), then applies what changed since it was
 * saved: customers are read by the indexed `updatedAt` from the saved watermark on. The same
 * liveQuery keeps following changes from any context (background, popup, workspace), so writes
 * cost one small incremental update each; the blob is saved again only after many changes,
 * since the catch-up on the next open covers the rest.
 */
export class SearchStore {
  status: SearchStatus = 'loading';
  error: unknown;
  /** Milliseconds spent restoring / building / catching up, for the benchmark and diagnostics. */
  readonly timings: { restoreMs?: number; buildMs?: number; catchUpMs?: number; readyMs?: number; readyAt?: number } = {};
  readonly ready: Promise<void>;
  private index: SearchIndex | undefined;
  private watermark = 0;
  private changedSinceSave = 0;
  private atWatermark = new Set<string>();
  private subscription: Subscription | undefined;
  private listeners = new Set<() => void>();
  private readonly kv: UseStore;
  private saving: Promise<void> | undefined;

  constructor(
    private readonly db: CardfileDb,
    private readonly opts: SearchStoreOptions = {},
  ) {
    this.kv = kvOf(opts);
    const started = performance.now();
    this.ready = this.open().then(
      () => {
        this.timings.readyMs = performance.now() - started;
        this.timings.readyAt = performance.now();
      },
      (e: unknown) => {
        this.status = 'error';
        this.error = e;
        this.emit();
      },
    );
  }

  /** Best matches for a query; [] until the index is ready. */
  search(query: string, limit?: number): SearchHit[] {
    return this.index?.search(query, limit) ?? [];
  }

  byDomain(host: string): string[] {
    return this.index?.byDomain(host) ?? [];
  }

  byEmail(email: string): string[] {
    return this.index?.byEmail(email) ?? [];
  }

  bySocial(handle: string): string[] {
    return this.index?.bySocial(handle) ?? [];
  }

  /** Called whenever the status or the indexed data changes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.subscription?.unsubscribe();
    this.listeners.clear();
  }

  /** Save the index now (compacting it); resolves when stored. */
  async save(): Promise<void> {
    if (!this.index) return;
    const watermark = this.watermark;
    const blob = this.index.serialize();
    const total = await this.db.customers.count();
    const record: Persisted = { format: INDEX_FORMAT, blob, watermark, total };
    this.changedSinceSave = 0;
    if (cryptoState.enabled) return; // the lock is on: the index stays in memory only
    await set(KEY, record, this.kv);
  }

  private async open(): Promise<void> {
    let t = performance.now();
    const saved = cryptoState.enabled ? undefined : await get<Persisted>(KEY, this.kv).catch(() => undefined);
    if (saved?.format === INDEX_FORMAT && (await this.db.customers.count()) >= saved.total) {
      this.index = loadSearchIndex(saved.blob);
      this.watermark = saved.watermark;
      this.timings.restoreMs = performance.now() - t;
    } else {
      this.status = 'building';
      this.emit();
      const built = await (this.opts.build ?? buildFromDb)(this.db);
      this.timings.buildMs = performance.now() - t;
      this.index = loadSearchIndex(built.blob);
      this.watermark = built.watermark;
      if (!cryptoState.enabled) await set(KEY, { ...built, format: INDEX_FORMAT } satisfies Persisted, this.kv);
    }
    t = performance.now();
    await this.follow();
    this.timings.catchUpMs = performance.now() - t;
    this.status = 'ready';
    this.emit();
  }

  /** Apply every customer changed from the watermark on, now and whenever the table changes. */
  private follow(): Promise<void> {
    return new Promise((resolve, reject) => {
      let first = true;
      this.subscription = liveQuery(() => this.db.customers.where('updatedAt').aboveOrEqual(this.watermark).toArray()).subscribe({
        next: (rows) => {
          this.apply(rows);
          if (first) resolve();
          first = false;
        },
        error: (e: unknown) => (first ? reject(e) : console.error('search index follow failed', e)),
      });
    });
  }

  private apply(rows: Customer[]): void {
    const index = this.index;
    if (!index) return;
    let changed = 0;
    let top = this.watermark;
    for (const c of rows) if (c.updatedAt > top) top = c.updatedAt;
    const atTop = new Set<string>();
    for (const c of rows) {
      const key = `${c.id}:${c.rev}`;
      if (c.updatedAt === top) atTop.add(key);
      // Rows exactly at the old watermark were already applied last time (aboveOrEqual).
      if (c.updatedAt === this.watermark && this.atWatermark.has(key)) continue;
      index.update(c);
      changed++;
    }
    if (top > this.watermark) this.atWatermark = atTop;
    else for (const key of atTop) this.atWatermark.add(key);
    this.watermark = top;
    if (changed === 0) return;
    this.changedSinceSave += changed;
    this.emit();
    if (this.changedSinceSave >= (this.opts.persistAfter ?? 2000) && !this.saving) {
      this.saving = this.save().finally(() => {
        this.saving = undefined;
      });
    }
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
