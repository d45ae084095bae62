#!/usr/bin/env node
// Side-panel search benchmark in real Chromium (SPEC §9): at N customers (default 100,000),
//  - ready after open: navigation start → search index ready, first open (build in a worker)
//    and later opens (restore from idb-keyval);
//  - keystroke → results drawn, p50/p95, typing real queries one key at a time;
//  - the same keystrokes done naively (an updatedAt cursor + filter() until 50 hits, as the
//    shell's first search did), in the same page and run.
// Seeds the profile once (bench/profile-sidepanel) with synthetic customers written straight to
// IndexedDB; later runs reuse it. Prints JSON. Usage: npm run build && node scripts/bench-sidepanel.mjs [N]
import { chromium } from '@playwright/test';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createJiti } from 'jiti';
import { extensionArgs, extensionDir, findChromium } from './chromium.mjs';

const count = Number(process.argv[2] ?? 100_000);
const profile = path.resolve('bench', `profile-sidepanel-${count}`);
if (!existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error('Build first: npm run build');
const jiti = createJiti(import.meta.url);
const { syntheticCustomers } = await jiti.import('../tests/search/synthetic.ts');

const context = await chromium.launchPersistentContext(profile, {
  executablePath: await findChromium(), headless: !process.env.HEADED, args: extensionArgs(), viewport: { width: 420, height: 900 },
});
const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const base = `chrome-extension://${new URL(sw.url()).host}/`;
const page = context.pages()[0] ?? (await context.newPage());

const round = (x) => Math.round(x * 10) / 10;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => round(s[Math.min(s.length - 1, Math.floor(p * s.length))]);
  return { n: s.length, p50: q(0.5), p95: q(0.95), max: round(s[s.length - 1]) };
};

// Seed once: raw IndexedDB puts into the extension's database (Dexie created it on first open).
await page.goto(`${base}sidepanel.html`);
await page.waitForSelector('[data-search-status]');
const have = await page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('cardfile');
  open.onsuccess = () => {
    const req = open.result.transaction('customers').objectStore('customers').count();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  };
}));
let seeded = false;
if (have < count) {
  const t0 = Date.now();
  const all = syntheticCustomers(count);
  for (let i = 0; i < all.length; i += 5000) {
    const chunk = all.slice(i, i + 5000).map((c) => ({ ...c, emailKeys: c.emails.map((e) => e.value), phoneKeys: c.phones.map((p) => p.e164).filter(Boolean) }));
    await page.evaluate((rows) => new Promise((resolve, reject) => {
      const open = indexedDB.open('cardfile');
      open.onsuccess = () => {
        const tx = open.result.transaction('customers', 'readwrite');
        const store = tx.objectStore('customers');
        for (const r of rows) store.put(r);
        tx.oncomplete = () => resolve(undefined);
        tx.onerror = () => reject(tx.error);
      };
    }), chunk);
  }
  seeded = true;
  console.error(`seeded ${count} customers in ${Math.round((Date.now() - t0) / 1000)} s`);
  // Drop any index persisted before the seed: the first open below must build.
  await page.evaluate(() => new Promise((r) => { const d = indexedDB.deleteDatabase('cardfile-search'); d.onsuccess = d.onerror = d.onblocked = () => r(undefined); }));
}

async function openPanel() {
  await page.goto(`${base}sidepanel.html`);
  await page.waitForSelector('[data-search-status=ready]', { timeout: 300_000 });
  return page.evaluate(() => ({ ...globalThis.__cardfileSearchTimings }));
}
const firstOpen = await openPanel();
const reopens = [];
for (let i = 0; i < 5; i++) reopens.push(await openPanel());

// Keystrokes: each prefix of each word, as typed.
const words = ['zhangwei', 'wang fang', 'john smith', 'zw', 'lq', 'huawei.com', 'acmecorp', 'smiht', '5678', '张伟', 'm', 'li'];
const keystrokes = words.flatMap((w) => Array.from({ length: w.length }, (_, i) => w.slice(0, i + 1)));

const indexed = await page.evaluate(async (typed) => {
  const input = document.querySelector('[data-testid=search-input]');
  const list = document.querySelector('[data-testid=search-results]');
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
  const set = (v) => { input.value = v; input.dispatchEvent(new Event('input', { bubbles: true })); };
  const times = [];
  for (const word of typed) {
    set('');
    await frame();
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 1; i <= word.length; i++) {
      const q = word.slice(0, i);
      const t0 = performance.now();
      set(q);
      while (list.getAttribute('data-shown-for') !== q) await new Promise((r) => setTimeout(r, 0));
      await frame(); // drawn
      times.push(performance.now() - t0);
    }
  }
  return times;
}, words);

// The naive way, same page, same keystrokes: scan cards newest first and filter() until 50 hits.
const naive = await page.evaluate(async (keys) => {
  const db = await new Promise((resolve) => { const o = indexedDB.open('cardfile'); o.onsuccess = () => resolve(o.result); });
  const scan = (needle) => new Promise((resolve) => {
    const out = [];
    const req = db.transaction('customers').objectStore('customers').index('updatedAt').openCursor(null, 'prev');
    req.onsuccess = () => {
      const cur = req.result;
      if (!cur || out.length >= 50) return resolve(out);
      const c = cur.value;
      if (c.deletedAt === null && [c.name, c.company, c.title, ...c.emailKeys].some((s) => s.toLowerCase().includes(needle))) out.push(c);
      cur.continue();
    };
  });
  const times = [];
  for (const q of keys) {
    const t0 = performance.now();
    await scan(q.trim().toLowerCase());
    times.push(performance.now() - t0);
  }
  return times;
}, keystrokes.filter((_, i) => i % 3 === 0)); // a third of them: each naive scan takes a while

await context.close();
if (process.argv.includes('--clean')) rmSync(profile, { recursive: true, force: true });
console.log(JSON.stringify({
  customers: count, seededThisRun: seeded,
  readyAfterOpen: {
    firstOpenBuildMs: round(firstOpen.readyAt ?? NaN), firstOpenTimings: firstOpen,
    restoreOpens: stats(reopens.map((r) => r.readyAt)), restoreMs: stats(reopens.map((r) => r.restoreMs)),
    catchUpMs: stats(reopens.map((r) => r.catchUpMs)),
  },
  keystrokeToResultsDrawnMs: { indexed: stats(indexed), naiveCursorFilter: stats(naive) },
}, null, 1));
