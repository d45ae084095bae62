// Search index benchmark in Node (SPEC §9): build, serialise, restore and query times at
// 100,000 synthetic customers, beside a naive customers.filter() in the same run.
// Usage: node scripts/bench-search.mjs [count]   — prints one JSON object.
import os from 'node:os';
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { buildSearchIndex, loadSearchIndex } = await jiti.import('../lib/search/index.ts');
const { syntheticCustomers } = await jiti.import('../tests/search/synthetic.ts');

const count = Number(process.argv[2] ?? 100_000);
const customers = syntheticCustomers(count);
const sample = customers[4242];
const last4 = sample.phones[0].raw.replace(/\D/g, '').slice(-4);

const queries = {
  latin1: ['z', 'j', 'm', 'w'],
  latin2: ['zh', 'jo', 'wa', 'li'],
  fullName: ['John Smith', '张伟', 'mary johnson', '王芳'],
  pinyinFull: ['zhangwei', 'wangfang', 'liqiang', 'zhang wei'],
  initials: ['zw', 'wf', 'lq', '张w'],
  phoneLast4: [last4, '0199', '5678'],
  emailDomain: ['huawei.com', '@acmecorp.com', 'globex.com'],
  typos: ['smiht', 'jonhson', 'willaims', 'gonzalex'],
};

const now = () => performance.now();
// CPU time of this process: steadier than wall time on a machine shared with other work.
const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const round = (x) => Math.round(x * 100) / 100;
const blobBytes = (b) =>
  Object.values(b).reduce((n, v) => n + (typeof v === 'string' ? Buffer.byteLength(v) : v?.byteLength ?? 0), 0);
const termCount = (b) => (b.termStart ?? b.postStart).length - 1;

// Naive: what a surface does without an index — scan every card's fields on every keystroke.
function naiveSearch(list, query) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const digits = q.replace(/\D/g, '');
  return list.filter((c) =>
    c.name.toLowerCase().includes(q) || c.company.toLowerCase().includes(q) || c.title.toLowerCase().includes(q) ||
    c.emails.some((e) => e.value.includes(q)) || c.tags.some((t) => t.toLowerCase().includes(q)) ||
    c.notes.toLowerCase().includes(q) ||
    (digits.length >= 3 && c.phones.some((p) => p.raw.replace(/\D/g, '').includes(digits))),
  ).slice(0, 50);
}

function timeQueries(fn, rounds) {
  const out = {};
  const all = [];
  let cpu = 0;
  for (const [group, qs] of Object.entries(queries)) {
    const times = [];
    const c0 = cpuNow();
    for (let r = 0; r < rounds; r++) for (const q of qs) {
      const t = now();
      fn(q);
      times.push(now() - t);
    }
    const cpuMean = (cpuNow() - c0) / (rounds * qs.length);
    cpu += cpuNow() - c0;
    all.push(...times);
    out[group] = { p50: round(quantile(times, 0.5)), p95: round(quantile(times, 0.95)), cpuMeanMs: round(cpuMean) };
  }
  out.all = { p50: round(quantile(all, 0.5)), p95: round(quantile(all, 0.95)), max: round(Math.max(...all)), cpuMeanMs: round(cpu / all.length) };
  return out;
}

const load = [os.loadavg()[0]];
const heap0 = process.memoryUsage().heapUsed;
let t = now();
let c = cpuNow();
const index = buildSearchIndex(customers);
const buildMs = now() - t;
const buildCpuMs = cpuNow() - c;
const heapMB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;

t = now();
const blob = index.serialize();
const serializeMs = now() - t;
t = now();
const cloned = structuredClone(blob);
const cloneMs = now() - t;
t = now();
c = cpuNow();
const restored = loadSearchIndex(cloned);
const restoreMs = now() - t;
const restoreCpuMs = cpuNow() - c;
t = now();
restored.search('zhang');
const firstQueryMs = now() - t;

// Incremental: one changed card, as the store does on every write.
t = now();
for (let i = 0; i < 100; i++) restored.update({ ...customers[i], name: `${customers[i].name}x` });
const update100Ms = now() - t;
t = now();
c = cpuNow();
restored.compact();
const compactMs = now() - t;
const compactCpuMs = cpuNow() - c;

// Typing "zhangwei" one key at a time.
const typing = [];
for (let r = 0; r < 10; r++) for (let i = 1; i <= 8; i++) {
  const q = 'zhangwei'.slice(0, i);
  const t0 = now();
  restored.search(q);
  typing.push(now() - t0);
}

const indexed = timeQueries((q) => restored.search(q, 50), 15);
const naive = timeQueries((q) => naiveSearch(customers, q), 3);
const found = Object.fromEntries(
  Object.values(queries).flat().map((q) => [q, { index: restored.search(q, 50).length, naive: naiveSearch(customers, q).length }]),
);

load.push(os.loadavg()[0]);
console.log(JSON.stringify({
  customers: count,
  loadAverage1m: { start: round(load[0]), end: round(load[1]), cpus: os.cpus().length },
  build: { ms: round(buildMs), cpuMs: round(buildCpuMs), heapMB: round(heapMB) },
  blob: { bytes: blobBytes(blob), terms: termCount(blob), postings: blob.postings.length, hotKeys: blob.hotKeys?.split('\n').length ?? 0, serializeMs: round(serializeMs), structuredCloneMs: round(cloneMs) },
  restore: { ms: round(restoreMs), cpuMs: round(restoreCpuMs), firstQueryMs: round(firstQueryMs) },
  // compact() is what the worker runs (the store rebuilds there); here it runs on this thread.
  incremental: { update100Ms: round(update100Ms), compactMs: round(compactMs), compactCpuMs: round(compactCpuMs) },
  typingZhangwei: { p50: round(quantile(typing, 0.5)), p95: round(quantile(typing, 0.95)) },
  query: { indexed, naive },
  resultsFound: found,
}, null, 1));
