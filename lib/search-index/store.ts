import { liveQuery, type Subscription } from 'dexie';
import { del, get, set, type UseStore } from 'idb-keyval';
import { cryptoState } from '../security/state';
import type { Customer } from '../domain/customer';
import type { CardfileDb } from '../db/schema';
import { dataEpochItem } from '../db/data-epoch';
import { INDEX_FORMAT } from '../search/compact';
import { buildFromDb, changedSince, type BuiltIndex } from './from-db';
import { loadSearchIndex, type SearchHit, type SearchIndex } from '../search/index';
import { defaultIndexStore, PERSISTED_KEY } from './persisted';

export type SearchStatus = 'loading' | 'building' | 'ready' | 'error';

interface Persisted extends BuiltIndex {
  format: number;
  /** lib/db/data-epoch's stamp when built: another stamp means a restore or import the watermark cannot see. */
  epoch?: number;
}

export interface SearchStoreOptions {
  /** The idb-keyval store the index is kept in (SPEC §6: page-local blobs live in idb-keyval). */
  kv?: UseStore;
  /** How to build when nothing usable is persisted; the default builds on this thread. */
  build?(db: CardfileDb): Promise<BuiltIndex>;
  /** Save again once this many customers changed since the last save. */
  persistAfter?: number;
  /** The persisted index, already being read (readPersistedEarly); read here when not given. */
  preRead?: Promise<unknown>;
}

const KEY = PERSISTED_KEY;
const kvOf = (opts: SearchStoreOptions) => opts.kv ?? defaultIndexStore();

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
 * Opening restores the persisted index (a structured-clone read of a few typed arrays, searched
 * in place) instead of rebuilding it (seconds), then applies what changed since it was
 * saved: customers are read by the indexed `updatedAt` from the saved watermark on. The same
 * liveQuery keeps following changes from any context (background, popup, workspace), so writes
 * cost one small incremental update each; the blob is saved again only after many changes,
 * since the catch-up on the next open covers the rest.
 */
export class SearchStore {
  status: SearchStatus = 'loading';
  error: unknown;
  /** Milliseconds spent restoring / building / catching up, for the benchmark and diagnostics. */
  readonly timings: { readMs?: number; restoreMs?: number; buildMs?: number; catchUpMs?: number; readyMs?: number; readyAt?: number } = {};
  readonly ready: Promise<void>;
  /** Cards applied incrementally since opening (catch-up and live changes), for tests and diagnostics. */
  applied = 0;
  private index: SearchIndex | undefined;
  private watermark = 0;
  private changedSinceSave = 0;
  private atWatermark = new Set<string>();
  private subscription: Subscription | undefined;
  private listeners = new Set<() => void>();
  private readonly kv: UseStore;
  private saving: Promise<void> | undefined;
  /** Rows applied while a compacted index is being adopted (see adopt). */
  private meanwhile: Customer[] | undefined;
  private saveChain: Promise<void> | undefined;
  /** The data epoch the index reflects (see lib/db/data-epoch). */
  private epoch = 0;
  private unwatchEpoch: (() => void) | undefined;

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
    this.unwatchEpoch?.();
    this.subscription?.unsubscribe();
    this.listeners.clear();
  }

  /**
   * Fold the changes into a fresh packed index and save it; resolves when stored. The packing runs
   * where `build` runs (a worker in extension pages): the page only swaps the result in and
   * re-applies what changed meanwhile, so a compaction never blocks typing for seconds.
   */
  save(): Promise<void> {
    // One at a time: two adoptions interleaving would each miss the other's catch-up.
    const run = (this.saveChain ?? Promise.resolve()).then(() => this.saveNow(), () => this.saveNow());
    this.saveChain = run;
    return run;
  }

  private async saveNow(): Promise<void> {
    if (!this.index) return;
    this.changedSinceSave = 0;
    const epoch = await readEpoch();
    const built = await (this.opts.build ?? buildFromDb)(this.db);
    await this.adopt(built);
    this.epoch = epoch;
    if (cryptoState.enabled) return; // the lock is on: the index stays in memory only
    await set(KEY, { ...built, format: INDEX_FORMAT, epoch } satisfies Persisted, this.kv);
  }

  /** Replace the index by a freshly built one and bring it up to date with the table. */
  private async adopt(built: BuiltIndex): Promise<void> {
    const fresh = loadSearchIndex(built.blob);
    this.meanwhile = [];
    const rows = await changedSince(this.db, built.watermark, new Set(built.atWatermark));
    // Rows the live query applied to the old index while that read ran are applied again here.
    for (const c of [...rows, ...this.meanwhile]) fresh.update(c);
    this.meanwhile = undefined;
    this.index = fresh;
    this.emit();
  }

  private async open(): Promise<void> {
    let t = performance.now();
    // Open the customer database while the index is read (both are needed; neither waits on the other).
    if (!this.db.isOpen()) this.db.open().catch(() => undefined);
    const early = this.opts.kv ? undefined : this.opts.preRead;
    const read = early ? (early as Promise<Persisted | undefined>) : cryptoState.enabled ? undefined : get<Persisted>(KEY, this.kv);
    const [saved, epoch] = await Promise.all([cryptoState.enabled ? undefined : read?.catch(() => undefined), readEpoch()]);
    this.epoch = epoch;
    this.timings.readMs = performance.now() - t;
    // A blob of an older format, one that does not load, or one built before a restore or import is rebuilt rather than trusted.
    const restored = saved?.format === INDEX_FORMAT && (saved.epoch ?? 0) === epoch ? tryLoad(saved.blob) : undefined;
    if (saved && restored) {
      this.index = restored;
      this.watermark = saved.watermark;
      this.atWatermark = new Set(saved.atWatermark);
      this.timings.restoreMs = performance.now() - t;
    } else {
      this.status = 'building';
      this.emit();
      const built = await (this.opts.build ?? buildFromDb)(this.db);
      this.timings.buildMs = performance.now() - t;
      this.index = loadSearchIndex(built.blob);
      this.watermark = built.watermark;
      this.atWatermark = new Set(built.atWatermark);
      if (!cryptoState.enabled) void set(KEY, { ...built, format: INDEX_FORMAT, epoch } satisfies Persisted, this.kv).catch((e: unknown) => console.warn('search index not saved', e));
    }
    t = performance.now();
    await this.follow();
    this.timings.catchUpMs = performance.now() - t;
    this.status = 'ready';
    this.emit();
    // A restore or import in any page: rebuild here too (the catch-up by watermark cannot see restored cards).
    this.unwatchEpoch = watchEpoch((e) => { if (e !== this.epoch) void this.save().catch((err: unknown) => console.warn('search index: rebuild after restore failed', err)); });
    // Rows purged (not soft-deleted) since the save leave no updatedAt trace: a table smaller than
    // when saved means the index may hold cards that are gone. Counting 100,000 rows takes a while,
    // so it is checked after the panel is usable, and a rebuild in the background fixes it.
    if (saved && restored) void this.checkPurged(saved.total);
  }

  private async checkPurged(total: number): Promise<void> {
    try {
      if ((await this.db.customers.count()) < total) await this.save();
    } catch (e) {
      console.warn('search index: purge check failed', e);
    }
  }

  /** Apply every customer changed since the watermark (see changedSince), now and whenever the table changes. */
  private follow(): Promise<void> {
    return new Promise((resolve, reject) => {
      let first = true;
      this.subscription = liveQuery(() => changedSince(this.db, this.watermark, this.atWatermark)).subscribe({
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
      this.meanwhile?.push(c);
      if (c.updatedAt === top) atTop.add(c.id);
      index.update(c);
      changed++;
    }
    if (top > this.watermark) this.atWatermark = atTop;
    else for (const key of atTop) this.atWatermark.add(key);
    this.watermark = top;
    if (changed === 0) return;
    this.applied += changed;
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

/** The data epoch, or 0 where browser.storage is not available (a worker, a test without it). */
async function readEpoch(): Promise<number> {
  try {
    return await dataEpochItem.getValue();
  } catch {
    return 0;
  }
}
function watchEpoch(cb: (epoch: number) => void): (() => void) | undefined {
  try {
    return dataEpochItem.watch((v) => cb(v ?? 0));
  } catch {
    return undefined;
  }
}

function tryLoad(blob: Persisted['blob']): SearchIndex | undefined {
  try {
    return loadSearchIndex(blob);
  } catch (e) {
    console.warn('search index: the saved index does not load, rebuilding', e);
    return undefined;
  }
}
