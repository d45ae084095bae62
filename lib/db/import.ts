import Dexie, { type DBCoreRangeType } from 'dexie';
import { bumpDataEpoch } from './data-epoch';
import {
  deriveCustomer, freshRecord, lookupKeys, mergeCustomerFields, newId,
  customerInputSchema, type AuditEntry, type Customer, type CustomerFields,
} from '../domain';
import type { ImportDraft, RowIssue } from '../import-export/draft';
import { prepareImport, yieldToPage, type PreparedImport } from '../import-export/prepare';
import type { RepoContext } from './context';

export type DuplicateMode = 'merge' | 'skip' | 'create';

export interface ImportOptions {
  duplicates: DuplicateMode;
  /** Called after the checks and after every written chunk: (done, total). Synchronous only. */
  onProgress?: (done: number, total: number) => void;
  /** Row number of each draft as the user sees it (defaults to 1, 2, 3 …). */
  rowNumbers?: number[];
  /** Cards per bulkAdd / bulkPut inside the one transaction. */
  chunkSize?: number;
}

export interface ImportReport {
  created: number;
  merged: number;
  skipped: number;
  warnings: RowIssue[];
}

/** Thrown when any draft is invalid: nothing was written. Lists every bad row. */
export class ImportValidationError extends Error {
  readonly errors: RowIssue[];
  constructor(errors: RowIssue[]) {
    super(`${errors.length} row(s) cannot be imported; nothing was imported. ${errors.slice(0, 3).map((e) => `Row ${e.row}: ${e.message}`).join(' ')}`);
    this.name = 'ImportValidationError';
    this.errors = errors;
  }
}

/** Email / E.164 phone key → the oldest live card holding it. */
type Matches = { email: Map<string, string>; phone: Map<string, string> };

/** Index lookups per batch (see existingMatches). */
const LOOKUP_BATCH = 1000;

/**
 * The live cards the file's emails / E.164 phones already belong to. One point lookup per distinct
 * key of the file, pipelined inside the caller's transaction: the cost follows the
 * file, not the workspace (walking whole indexes by cursor took 7 s for 10,000 cards in Chromium
 * and grows with every card; one awaited query per row is the naive 12 s). Lookups go through
 * Dexie, so the passphrase layer hashes the keys when the lock is on. The oldest live card wins.
 * Liveness comes from the deletedAt index (it holds only the Trash), not from reading the cards:
 * shared numbers (a switchboard) made 10,000 rows hit 16,000 cards at 100k, 2.8 s of bulkGet.
 */
async function existingMatches(ctx: RepoContext, inputs: readonly CustomerFields[]): Promise<Matches> {
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const f of inputs) {
    const k = lookupKeys(f);
    for (const e of k.emailKeys) emails.add(e);
    for (const p of k.phoneKeys) phones.add(p);
  }
  const { db } = ctx;
  // Through DBCore, the layer Dexie's own queries use, with every middleware (the passphrase layer
  // hashes the key when the lock is on) but without a Collection per lookup: ≈ 3× faster here.
  const table = db.core.table('customers');
  const trans = (Dexie.currentTransaction as unknown as { idbtrans: IDBTransaction }).idbtrans;
  const trashed = db.customers.orderBy('deletedAt').primaryKeys();
  const byEmail = new Map<string, string>();
  const byPhone = new Map<string, string>();
  const emailIndex = table.schema.getIndexByKeyPath('emailKeys')!;
  const phoneIndex = table.schema.getIndexByKeyPath('phoneKeys')!;
  const jobs: [Map<string, string>, typeof emailIndex, string][] = [];
  for (const k of emails) jobs.push([byEmail, emailIndex, k]);
  for (const k of phones) jobs.push([byPhone, phoneIndex, k]);
  const pairs: [Map<string, string>, string, string[]][] = [];
  const query = (batch: typeof jobs) => Promise.all(batch.map(async ([map, index, k]) => {
    const range = { type: 1 as DBCoreRangeType.Equal, lower: k, upper: k };
    const { result } = await table.query({ trans, values: false, query: { index, range } });
    pairs.push([map, k, result as string[]]);
  }));
  // In batches, the next one requested before the last is awaited: IndexedDB always has work,
  // and no single task issues 20,000 requests (≈ 2 s without a frame at 100k under load).
  let previous: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < jobs.length; i += LOOKUP_BATCH) {
    const batch = query(jobs.slice(i, i + LOOKUP_BATCH));
    batch.catch(() => undefined); // thrown where it is awaited
    await previous;
    previous = batch;
  }
  await previous;
  const trash = await trashed;
  const gone = new Set<string>(trash);
  for (const [map, k, found] of pairs) {
    let oldest: string | undefined;
    for (const id of found) if (!gone.has(id) && (oldest === undefined || id < oldest)) oldest = id;
    if (oldest) map.set(k, oldest);
  }
  return { email: byEmail, phone: byPhone };
}

/** The editable fields of a stored card (it was validated when written: no second parse). */
function editableOf(c: Customer): CustomerFields {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(customerInputSchema.shape)) if (k in c) out[k] = (c as Record<string, unknown>)[k];
  return out as CustomerFields;
}

/**
 * Import drafts as customers (source 'import'): every draft is validated first (with any bad row,
 * nothing is written and ImportValidationError lists them all), then importPrepared writes them.
 */
export async function importDrafts(ctx: RepoContext, drafts: ImportDraft[], options: ImportOptions): Promise<ImportReport> {
  const settings = await ctx.settings();
  const prepared = await prepareImport(drafts, { rowNumbers: options.rowNumbers, defaultRegion: settings.defaultRegion });
  return importPrepared(ctx, prepared, options);
}

/**
 * Write prepared rows: duplicates by email / E.164 phone (against the workspace and within the
 * file) are merged, skipped or created as asked; one transaction writes everything in chunks,
 * all or nothing. The CPU work for new cards is done before it, in slices that yield to the page;
 * inside it only IndexedDB requests are awaited, so the page keeps drawing while they run.
 */
export async function importPrepared(ctx: RepoContext, prepared: PreparedImport, options: ImportOptions): Promise<ImportReport> {
  if (prepared.errors.length) throw new ImportValidationError(prepared.errors);
  const settings = await ctx.settings();
  const { inputs } = prepared;
  const total = inputs.length;
  options.onProgress?.(0, total);
  const now = ctx.now();
  // Derived fields of every row as a new card (no interactions yet): pure, before the transaction.
  const fresh: Customer[] = [];
  let since = performance.now();
  for (const f of inputs) {
    // f was validated by customerInputSchema in draftToInput; the rest is generated here, so a
    // customerSchema.parse would only cost time (≈0.6 ms per card: 6 s for 10,000 rows).
    fresh.push({ ...freshRecord(now), ...f, ...deriveCustomer(f, [], settings, now) });
    if (performance.now() - since > 12) { await yieldToPage(); since = performance.now(); }
  }
  const { db } = ctx;
  const chunk = options.chunkSize ?? 500;
  const report: ImportReport = { created: 0, merged: 0, skipped: 0, warnings: prepared.warnings };

  await db.transaction('rw', db.customers, db.audit, async () => {
    const found: Matches = options.duplicates === 'create' ? { email: new Map(), phone: new Map() } : await existingMatches(ctx, inputs);
    const matchOf = (c: Pick<Customer, 'emailKeys' | 'phoneKeys'>): string | undefined => {
      for (const e of c.emailKeys) { const id = found.email.get(e); if (id) return id; }
      for (const p of c.phoneKeys) { const id = found.phone.get(p); if (id) return id; }
      return undefined;
    };
    // Only a merge reads the existing cards, and only those a row of the file matches.
    const existing = new Map<string, Customer>();
    if (options.duplicates === 'merge') {
      const wanted = [...new Set(fresh.map(matchOf).filter((id): id is string => !!id))];
      for (const c of await db.customers.bulkGet(wanted)) if (c) existing.set(c.id, c);
    }
    const created = new Map<string, Customer>();
    const merged = new Map<string, Customer>();
    fresh.forEach((record, i) => {
      const id = options.duplicates === 'create' ? undefined : matchOf(record);
      if (id && options.duplicates === 'skip') { report.skipped += 1; return; }
      const target = id ? (created.get(id) ?? merged.get(id) ?? existing.get(id)) : undefined;
      if (target) {
        const fields = mergeCustomerFields(editableOf(target), inputs[i]!);
        const next = { ...target, ...fields, ...lookupKeys(fields), updatedAt: now };
        // rev goes up once per import for an existing card; a card this file created stays at 1.
        if (created.has(target.id)) created.set(target.id, next);
        else merged.set(target.id, { ...next, rev: merged.has(target.id) ? target.rev : target.rev + 1 });
        report.merged += 1;
        return;
      }
      created.set(record.id, record);
      report.created += 1;
      for (const e of record.emailKeys) if (!found.email.has(e)) found.email.set(e, record.id);
      for (const p of record.phoneKeys) if (!found.phone.has(p)) found.phone.set(p, record.id);
    });
    const audit = (c: Customer, fields: string[]): AuditEntry => ({ id: newId(), at: now, who: settings.userName, entity: 'customer', entityId: c.id, action: 'import', fields });
    // New cards are added (no old record to read back and unindex), existing ones put.
    const writes: [Customer[], 'add' | 'put'][] = [[[...created.values()], 'add'], [[...merged.values()], 'put']];
    const count = created.size + merged.size;
    let written = 0;
    const inflight: Promise<number>[] = [];
    const settle = async () => {
      written += await inflight.shift()!;
      options.onProgress?.(Math.round((written / count) * total), total);
    };
    for (const [records, how] of writes) {
      for (let i = 0; i < records.length; i += chunk) {
        const part = records.slice(i, i + chunk);
        // A chunk's cards and audit rows are requested together, and the next chunk is requested
        // before this one is done: IndexedDB writes one while the page serialises the next.
        const done = Promise.all([
          how === 'add' ? db.customers.bulkAdd(part) : db.customers.bulkPut(part),
          db.audit.bulkAdd(part.map((c) => audit(c, how === 'add' ? [] : ['merged']))),
        ]).then(() => part.length);
        done.catch(() => undefined); // a failure is thrown where it is awaited (settle), not reported twice
        inflight.push(done);
        if (inflight.length > 1) await settle();
      }
    }
    while (inflight.length) await settle();
  });
  // Every open search index rebuilds, whatever the counts (lib/db/data-epoch).
  if (report.created + report.merged) await bumpDataEpoch(now);
  options.onProgress?.(total, total);
  return report;
}
