#!/usr/bin/env node
// Workspace figures in real Chromium on a saved bench profile (bench/profile-<N>, seeded by
// `npm run bench`; never reseeded here), with the bench build (.output/bench-chrome-mv3):
//   import-ui   import 10,000 CSV rows through the import page as a user does (pick the file, wait
//               for the preview, commit with "skip duplicates"): file → preview, commit → report,
//               the longest frame gap during the commit (UI responsiveness), progress updates seen.
//   table       open → first rows (navigation start → a row drawn, with the page's own marks and
//               the scripts it loaded), then the bench's table changes (sort, scroll to the end,
//               tier filter, tier + tag filter) as `npm run bench` measures them. --cpu adds a CPU
//               profile of one open (top functions by self time).
//   profile     a CPU profile (CDP) of the bench's importCsv, top functions by self time.
// Prints JSON. Not a test and not part of `npm test`.
//   node scripts/perf-workspace.mjs <import-ui|table|profile> [--size=10000] [--reps=3] [--ext=DIR] [--cpu]
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import { launch, profileDir } from './bench/profile.mjs';
import { workspaceOps } from './bench/surfaces.mjs';
import { stats } from './bench/stats.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const mode = args[0] ?? 'table';
const opt = (name, d) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d);
const size = opt('size', 10_000);
const reps = opt('reps', 3);
// --ext=DIR: another build of the extension (a "before" build, to compare on the same profile).
const ext = path.resolve(args.find((a) => a.startsWith('--ext='))?.slice(6) ?? path.join(repo, '.output', 'bench-chrome-mv3'));
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

/** In the page: delete what was written since `t` (UUIDv7 ids sort by time), straight through IndexedDB. */
function undoSince(t) {
  const h = t.toString(16).padStart(12, '0');
  const floor = `${h.slice(0, 8)}-${h.slice(8, 12)}-0000-0000-000000000000`;
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('cardfile');
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['customers', 'audit'], 'readwrite');
      for (const s of ['customers', 'audit']) tx.objectStore(s).delete(IDBKeyRange.lowerBound(floor));
      tx.oncomplete = () => { db.close(); resolve(true); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}

function someCustomers(n) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('cardfile');
    open.onsuccess = () => {
      const req = open.result.transaction('customers').objectStore('customers').getAll(null, n);
      req.onsuccess = () => { open.result.close(); resolve(req.result); };
      req.onerror = () => reject(req.error);
    };
  });
}

async function csvFile(page, rows) {
  const jiti = createJiti(import.meta.url);
  const { demoCustomer, rng } = await jiti.import('../lib/demo/generate.ts');
  const { customerInputSchema, deriveCustomer, freshRecord, normalisePhone, defaultSettings } = await jiti.import('../lib/domain/index.ts');
  const { toCsv } = await jiti.import('../lib/import-export/csv.ts');
  const now = Date.now();
  const r = rng(2026);
  const dupes = rows / 10;
  const fresh = Array.from({ length: rows - dupes }, (_, k) => {
    const f = customerInputSchema.parse(demoCustomer(r, 5_000_000 + k, now, 0).input);
    f.phones = f.phones.map((p) => normalisePhone(p, defaultSettings.defaultRegion));
    return { ...freshRecord(now), ...f, ...deriveCustomer(f, [], defaultSettings, now) };
  });
  const existing = (await page.evaluate(someCustomers, dupes)).map((c) => ({ deletedAt: null, department: '', notes: '', interests: [], customFields: {}, addresses: [], websites: [], social: [], emails: [], phones: [], company: '', title: '', ...c }));
  const file = path.join(os.tmpdir(), `cardfile-import-${rows}.csv`);
  writeFileSync(file, toCsv([...fresh, ...existing]));
  return file;
}

/** In the page: watch frames while the import runs; resolve with the timings once the report shows. */
function watchImport() {
  document.querySelector('[data-dup-mode=skip]').click();
  // The choice re-renders the form first: commit's handler must see it.
  return new Promise((r) => setTimeout(r, 100)).then(() => new Promise((resolve) => {
    const t0 = performance.now();
    let last = t0;
    let maxGap = 0;
    const gaps = [];
    const seen = new Set();
    const frame = () => {
      const t = performance.now();
      gaps.push(t - last);
      maxGap = Math.max(maxGap, t - last);
      last = t;
      const p = document.querySelector('[data-testid=import-progress]')?.textContent;
      if (p) seen.add(p);
      const out = document.querySelector('[data-testid=import-outcome]');
      if (out) return resolve({ ms: Math.round(t - t0), maxFrameGapMs: Math.round(maxGap), framesOver100ms: gaps.filter((g) => g > 100).length, progressTexts: seen.size, outcome: out.textContent.slice(0, 120) });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    document.querySelector('[data-testid=import-commit]').click();
  }));
}

async function importUi(context, id) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html#import`);
  const file = await csvFile(page, 10_000);
  const out = { preview: [], commit: [], runs: [] };
  for (let i = 0; i < reps; i++) {
    await page.reload();
    const t = Date.now();
    const t0 = performance.now();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-commit').waitFor({ timeout: 120_000 });
    const preview = performance.now() - t0;
    const run = await page.evaluate(watchImport);
    out.preview.push(preview);
    out.commit.push(run.ms);
    out.runs.push({ previewMs: Math.round(preview), ...run, load: load() });
    await page.evaluate(undoSince, t);
  }
  await page.close();
  return { preview: stats(out.preview), commit: stats(out.commit), runs: out.runs };
}

async function profileImport(context, id) {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.text().startsWith('[stage]')) console.log(m.text()); });
  await page.goto(`chrome-extension://${id}/bench.html`);
  await page.waitForFunction(() => !!window.cardfileBench);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  const r = await page.evaluate(() => window.cardfileBench.importCsv(1));
  const { profile } = await cdp.send('Profiler.stop');
  const file = path.join(os.tmpdir(), 'cardfile-import.cpuprofile');
  writeFileSync(file, JSON.stringify(profile));
  await page.close();
  return { import: r.total, parse: r.parse, report: r.report, profile: file };
}

/** In the page: ways to read an index's (key, primaryKey) pairs, raw IndexedDB. */
function keyReads(index) {
  const open = () => new Promise((res) => { const o = indexedDB.open('cardfile'); o.onsuccess = () => res(o.result); });
  const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  return (async () => {
    const db = await open();
    const out = {};
    const store = () => db.transaction('customers').objectStore('customers').index(index);
    let t = performance.now();
    const pairs = await new Promise((res) => {
      const acc = [];
      const c = store().openKeyCursor();
      c.onsuccess = () => { const cur = c.result; if (!cur) return res(acc); acc.push([cur.key, cur.primaryKey]); cur.continue(); };
    });
    out.keyCursor = { ms: Math.round(performance.now() - t), n: pairs.length };
    t = performance.now();
    const pks = await req(store().getAllKeys());
    out.getAllKeys = { ms: Math.round(performance.now() - t), n: pks.length };
    // Point lookups, pipelined in one transaction: 10% hits, 90% misses (a file of mostly new people).
    const probe = pairs.filter((_, i) => i % 10 === 0).map(([k]) => k).concat(Array.from({ length: Math.round(pairs.length * 0.9) }, (_, i) => typeof pairs[0]?.[0] === 'string' ? `nobody${i}@example.org` : -i));
    t = performance.now();
    const ixp = store();
    const hits = (await Promise.all(probe.map((k) => req(ixp.getKey(k))))).filter((x) => x !== undefined).length;
    out.pointGetKey = { ms: Math.round(performance.now() - t), probes: probe.length, hits };
    t = performance.now();
    const ixq = store();
    const hits2 = (await Promise.all(probe.map((k) => req(ixq.getAllKeys(IDBKeyRange.only(k)))))).filter((x) => x.length).length;
    out.pointGetAllKeys = { ms: Math.round(performance.now() - t), probes: probe.length, hits: hits2 };
    const ix = store();
    if (typeof ix.getAllRecords === 'function') {
      t = performance.now();
      const recs = await req(ix.getAllRecords());
      out.getAllRecords = { ms: Math.round(performance.now() - t), n: recs.length };
    } else out.getAllRecords = 'not available';
    db.close();
    return out;
  })();
}

/** In the page: the table's index reads one at a time, raw IndexedDB (ms each, and how many keys). */
function tableReads() {
  const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  return (async () => {
    const t0 = performance.now();
    const db = await new Promise((res) => { const o = indexedDB.open('cardfile'); o.onsuccess = () => res(o.result); });
    const store = () => db.transaction('customers').objectStore('customers');
    const out = { open: { ms: Math.round(performance.now() - t0) } };
    const time = async (name, make) => { const t = performance.now(); const r = await req(make()); out[name] = { ms: Math.round(performance.now() - t), n: Array.isArray(r) ? r.length : r }; };
    await time('count', () => store().count());
    await time('deletedKeys', () => store().index('deletedAt').getAllKeys(IDBKeyRange.lowerBound(-1, true)));
    await time('first80', () => { const s = store().index('updatedAt'); return s.getAll ? s.getAll(null, 80) : null; });
    await time('valueIndexCount', () => store().index('value').count());
    await time('valueKeys', () => store().index('value').getAllKeys());
    await time('updatedAtKeys', () => store().index('updatedAt').getAllKeys());
    await time('storeKeys', () => store().getAllKeys());
    await time('tierHighKeys', () => store().index('valueTier').getAllKeys(IDBKeyRange.only('high')));
    await time('tagKeys', () => store().index('tags').getAllKeys(IDBKeyRange.only('价格敏感型')));
    await time('valueLast80Keys', () => store().index('value').openKeyCursor(null, 'prev') && store().index('value').getAllKeys(null, 80));
    db.close();
    return out;
  })();
}

async function reads(context, id) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/bench-blank.html`);
  const out = [];
  for (let i = 0; i < reps; i++) out.push(await page.evaluate(tableReads));
  await page.close();
  return { reads: out };
}

async function keys(context, id) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/bench-blank.html`);
  const out = {};
  for (const ix of ['emailKeys', 'phoneKeys']) out[ix] = await page.evaluate(keyReads, ix);
  await page.close();
  return out;
}

/** In the page: wait for the first table row, then report what the page went through to draw it. */
function openBreakdown() {
  return new Promise((resolve) => {
    const done = () => {
      const t = performance.now();
      const nav = performance.getEntriesByType('navigation')[0];
      const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('cardfile:')).map((m) => [m.name.slice(9), Math.round(m.startTime)]));
      const scripts = performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'));
      resolve({ rowsMs: Math.round(t), domInteractive: Math.round(nav?.domInteractive ?? NaN), scripts: scripts.length, scriptKb: Math.round(scripts.reduce((a, r) => a + (r.decodedBodySize || 0), 0) / 1024), lastScriptEnd: Math.round(Math.max(0, ...scripts.map((r) => r.responseEnd))), marks });
    };
    const check = () => { if (document.querySelector('[data-customer-row]')) { obs.disconnect(); done(); } };
    const obs = new MutationObserver(check);
    obs.observe(document, { subtree: true, childList: true });
    check();
  });
}

async function table(context, id) {
  // --settle=ms (default 10 s): the background's start-up work (the due snapshot over every
  // follow-up) is over before the first open, as it is by the time a person opens the workspace.
  await new Promise((res) => setTimeout(res, opt('settle', 10_000)));
  const url = `chrome-extension://${id}/options.html`;
  const runs = [];
  for (let i = -2; i < reps; i++) {
    const page = await context.newPage();
    let cdp;
    if (i === reps - 1 && args.includes('--cpu')) {
      cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(url, { waitUntil: 'commit' });
    const r = await page.evaluate(openBreakdown);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      const file = path.join(os.tmpdir(), 'cardfile-workspace-open.cpuprofile');
      writeFileSync(file, JSON.stringify(profile));
      r.cpu = { file, top: topSelf(profile, 15) };
    }
    await page.close();
    if (i >= 0) runs.push({ ...r, load: load() });
    // --gap=ms: a pause between opens, so one open's follow-up work (the count) is not the next one's wait.
    await new Promise((res) => setTimeout(res, opt('gap', 0)));
  }
  const ops = await workspaceOps(context, id, reps, { tier: 'high', tag: '价格敏感型' });
  return { open: stats(runs.map((r) => r.rowsMs)), runs, ops };
}

/** The functions with the most self time in a CDP CPU profile (ms), with their script and line. */
function topSelf(profile, n) {
  const dt = new Map();
  profile.samples.forEach((s, i) => dt.set(s, (dt.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const by = new Map();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    by.set(k, (by.get(k) ?? 0) + (dt.get(node.id) ?? 0));
  }
  return [...by].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `${Math.round(ms)} ms ${k}`);
}

const { context, id } = await launch(profileDir(repo, size), ext);
try {
  const started = load();
  let result;
  if (mode === 'table') result = await table(context, id);
  else if (mode === 'import-ui') result = await importUi(context, id);
  else if (mode === 'profile') result = await profileImport(context, id);
  else if (mode === 'reads') result = await reads(context, id);
  else if (mode === 'keys') result = await keys(context, id);
  else throw new Error(`unknown mode ${mode}`);
  console.log(JSON.stringify({ mode, size, loadBefore: started, loadAfter: load(), ...result }, null, 2));
} finally {
  await context.close();
}
