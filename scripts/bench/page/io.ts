import { demoCustomer, rng } from '../../../lib/demo/generate';
import { customerInputSchema, customerSchema, deriveCustomer, freshRecord, normalisePhone, type Customer } from '../../../lib/domain';
import { CardfileDb } from '../../../lib/db/schema';
import { makeContext, type RepoContext } from '../../../lib/db/context';
import { idFloor } from './ids';
import { optional } from './optional';
import { peakHeap, stats, timed, timedPeak } from './stats';

const pending = { status: 'pending: not merged yet' } as const;

/** Remove what an import added (customers and audit entries made since `t`), so runs repeat on the same data. */
async function undoSince(ctx: RepoContext, t: number) {
  const { db } = ctx;
  const floor = idFloor(t);
  await db.transaction('rw', db.customers, db.audit, async () => {
    await db.customers.where(':id').aboveOrEqual(floor).delete();
    await db.audit.where(':id').aboveOrEqual(floor).delete();
  });
}

/** `rows` demo customers as records (new people, a different seed), plus `dupes` cards copied from the database. */
async function importRows(ctx: RepoContext, rows: number, dupes: number): Promise<Customer[]> {
  const settings = await ctx.settings();
  const r = rng(2026);
  const now = ctx.now();
  const fresh = Array.from({ length: rows - dupes }, (_, k) => {
    const fields = customerInputSchema.parse(demoCustomer(r, 5_000_000 + k, now, 0).input);
    fields.phones = fields.phones.map((p) => normalisePhone(p, settings.defaultRegion));
    return customerSchema.parse({ ...freshRecord(now), ...fields, ...deriveCustomer(fields, [], settings, now) });
  });
  const existing = await ctx.db.customers.limit(dupes).toArray();
  return [...fresh, ...existing];
}

/** Import 10,000 CSV rows (10% already in the workspace, skipped) through parseContactsCsv + importDrafts. */
export async function importCsv(ctx: RepoContext, reps: number, rows = 10_000) {
  const [csv, imp] = [await optional('csv'), await optional('import')];
  if (!csv || !imp) return pending;
  const text = csv.toCsv(await importRows(ctx, rows, rows / 10));
  let report: unknown;
  const parseSamples: number[] = [];
  const totalSamples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = Date.now();
    const t0 = performance.now();
    const parsed = csv.parseContactsCsv(text);
    parseSamples.push(performance.now() - t0);
    if (parsed.errors.length) throw new Error(`CSV errors: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
    report = await imp.importDrafts(ctx, parsed.drafts, { duplicates: 'skip' });
    totalSamples.push(performance.now() - t0);
    await undoSince(ctx, t); // not timed: back to the seeded workspace for the next run
  }
  const total = stats(totalSamples);
  // The naive duplicate check: one indexed query per row, instead of one map built from index keys.
  const emails = [...text.matchAll(/[\w.+-]+@[\w.-]+\.\w+/g)].map((m) => m[0].toLowerCase()).slice(0, rows);
  const mapBuild = await timed(reps, async () => {
    const { customers } = ctx.db;
    const [keys, ids] = await Promise.all([customers.orderBy('emailKeys').keys(), customers.orderBy('emailKeys').primaryKeys()]);
    const map = new Map(keys.map((k, i) => [String(k), ids[i]]));
    return emails.filter((e) => map.has(e)).length;
  }, 0);
  const perRow = await timed(1, async () => {
    let hits = 0;
    for (const e of emails) if (await ctx.db.customers.where('emailKeys').equals(e).first()) hits++;
    return hits;
  }, 0);
  return { rows, csvBytes: text.length, total, parse: stats(parseSamples), report, dedupe: { keyMap: mapBuild, naivePerRowQuery: perRow } };
}

/** Export every customer to CSV: the io branch's paged export against toArray + toCsv. */
export async function exportCsv(ctx: RepoContext, reps: number) {
  const [csv, exp] = [await optional('csv'), await optional('export')];
  if (!csv || !exp) return pending;
  const paged = await timedPeak(reps, async () => (await exp.exportCustomersCsv(ctx)).size);
  const naive = await timedPeak(Math.max(1, Math.ceil(reps / 2)), async () => new Blob([csv.toCsv(await ctx.db.customers.toArray())]).size);
  return { paged, bytes: paged.last, peakMb: paged.peakMb, naive, naivePeakMb: naive.peakMb };
}

/**
 * A full JSON backup written page by page into a Blob (exportBackupBlob), then restored from that
 * Blob into a scratch database the way the UI does: a preview pass (read + validate every record),
 * then the restore pass (one transaction, written page by page); compared table by table. Beside
 * it, the naive backup: the whole object in memory, then one JSON.stringify.
 */
export async function backupRestore(ctx: RepoContext) {
  const loaded = await optional('backup');
  if (!loaded) return pending;
  const mod = loaded as unknown as typeof import('../../../lib/db/backup');
  if (!('exportBackupBlob' in mod)) return pending;
  let blob: Blob | undefined;
  const exported = await peakHeap(async () => { blob = (await mod.exportBackupBlob(ctx)).blob; return blob.size; });
  const naive = await peakHeap(async () => JSON.stringify(await mod.exportBackup(ctx)).length);
  const scratch = new CardfileDb('cardfile-bench-restore');
  try {
    const target = makeContext(scratch, { settings: ctx.settings });
    const source = mod.blobTextSource(blob!);
    let previewMs = 0;
    const restored = await peakHeap(async () => {
      const t0 = performance.now();
      const preview = await mod.previewBackupSource(target, source);
      previewMs = performance.now() - t0;
      const total = Object.values(preview.incoming).reduce((a, b) => a + b, 0);
      return mod.restoreBackupSource(target, source, { mode: 'replace', total });
    });
    blob = undefined;
    const names = ['customers', 'interactions', 'followUps', 'audit'] as const;
    const counts = await Promise.all(names.map(async (t) => [t, await ctx.db.table(t).count(), await scratch.table(t).count()] as const));
    const round = (x: number) => Math.round(x);
    return {
      backupMs: round(exported.ms), bytes: exported.result, peakMb: exported.peakMb,
      naiveBackupMs: round(naive.ms), naiveBytes: naive.result, naivePeakMb: naive.peakMb,
      restoreMs: round(restored.ms), previewMs: round(previewMs), writeMs: round(restored.ms - previewMs), restorePeakMb: restored.peakMb,
      sameCounts: counts.every(([, a, b]) => a === b), counts,
    };
  } finally {
    await scratch.delete();
  }
}
