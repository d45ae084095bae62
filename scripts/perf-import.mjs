#!/usr/bin/env node
// Where an import's time goes, in Node (fake-indexeddb): 10,000 CSV rows (10% already in the
// workspace) into a workspace of a few thousand cards, stage by stage, then importDrafts as a whole.
// Prints figures; not a test and not part of `npm test`. fake-indexeddb is several times slower
// than Chromium's IndexedDB, so read the ratios between stages, not the absolute figures.
//   node scripts/perf-import.mjs [rows=10000] [existing=3000] [--cpu-prof-stage]
import 'fake-indexeddb/auto';
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rows = Number(args[0] ?? 10_000);
const existingN = Number(args[1] ?? 3000);

const { demoCustomer, rng } = await jiti.import('../lib/demo/generate.ts');
const domain = await jiti.import('../lib/domain/index.ts');
const { CardfileDb } = await jiti.import('../lib/db/schema.ts');
const { makeContext } = await jiti.import('../lib/db/context.ts');
const { importDrafts } = await jiti.import('../lib/db/import.ts');
const { parseContactsCsv, toCsv } = await jiti.import('../lib/import-export/csv.ts');
const { draftToInput } = await jiti.import('../lib/import-export/draft.ts');

const { customerInputSchema, deriveCustomer, freshRecord, normalisePhone, defaultSettings } = domain;
const ms = (t0) => Math.round(performance.now() - t0);
const now = Date.now();

function cards(seed, from, n) {
  const r = rng(seed);
  return Array.from({ length: n }, (_, k) => {
    const f = customerInputSchema.parse(demoCustomer(r, from + k, now, 0).input);
    f.phones = f.phones.map((p) => normalisePhone(p, defaultSettings.defaultRegion));
    return { ...freshRecord(now), ...f, ...deriveCustomer(f, [], defaultSettings, now) };
  });
}

const db = new CardfileDb(`perf-import-${Date.now()}`);
const ctx = makeContext(db, { now: () => now, settings: async () => defaultSettings });
let t0 = performance.now();
const existing = cards(1, 0, existingN);
await db.customers.bulkAdd(existing);
console.log(`seeded ${existingN} existing cards in ${ms(t0)} ms`);

const dupes = Math.round(rows / 10);
const text = toCsv([...cards(2026, 5_000_000, rows - dupes), ...existing.slice(0, dupes)]);
const figures = { rows, existing: existingN, csvKb: Math.round(text.length / 1024) };

t0 = performance.now();
const parsed = parseContactsCsv(text);
figures.parseCsv = ms(t0);
if (parsed.errors.length) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));

t0 = performance.now();
for (const d of parsed.drafts) draftToInput(d);
figures.draftToInput = ms(t0);

t0 = performance.now();
const inputs = parsed.drafts.map((d) => draftToInput(d)).filter((r) => r.ok).map((r) => r.input);
for (const f of inputs) f.phones.map((p) => normalisePhone(p, 'CN'));
figures.normalisePhone = ms(t0) - figures.draftToInput;

t0 = performance.now();
for (const f of inputs) deriveCustomer(f, [], defaultSettings, now);
figures.deriveCustomer = ms(t0);

t0 = performance.now();
await db.transaction('r', db.customers, async () => Promise.all([db.customers.orderBy('emailKeys').keys(), db.customers.orderBy('emailKeys').primaryKeys(), db.customers.orderBy('phoneKeys').keys(), db.customers.orderBy('phoneKeys').primaryKeys()]));
figures.lookupKeys = ms(t0);

const progress = [];
t0 = performance.now();
const report = await importDrafts(ctx, parsed.drafts, { duplicates: 'skip', onProgress: (d, n) => progress.push([d, n, ms(t0)]) });
figures.importDrafts = ms(t0);
figures.report = { created: report.created, merged: report.merged, skipped: report.skipped, warnings: report.warnings.length };
figures.progressCalls = progress.length;
figures.afterCount = await db.customers.count();
console.log(JSON.stringify(figures, null, 2));
await db.delete();
