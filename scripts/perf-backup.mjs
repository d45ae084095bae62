#!/usr/bin/env node
// Backup and restore in real Chromium on a saved bench profile (bench/profile-<N>, seeded by
// `npm run bench`; never reseeded here), with the bench build (.output/bench-chrome-mv3):
// runs the bench's backupRestore once, optionally under a CDP CPU profile, and prints the figures
// and the top functions by self time. Not a test and not part of `npm test`.
//   node scripts/perf-backup.mjs [--size=10000] [--profile] [--ext=<bench build>]
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, profileDir } from './bench/profile.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const size = Number(args.find((a) => a.startsWith('--size='))?.split('=')[1] ?? 10_000);
const profiling = args.includes('--profile');
// --ext=<dir>: another bench build (e.g. of the commit before, for a back-to-back comparison).
const ext = args.find((a) => a.startsWith('--ext='))?.split('=')[1] ?? path.join(repo, '.output', 'bench-chrome-mv3');
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

/** Self time per function (name + url:line), top `n`, from a V8 CPU profile. */
function topSelf(profile, n = 30) {
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const by = new Map();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    by.set(key, (by.get(key) ?? 0) + (dt.get(node.id) ?? 0));
  }
  const total = [...by.values()].reduce((a, b) => a + b, 0);
  return [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}

const { context, id } = await launch(profileDir(repo, size), ext);
try {
  const started = load();
  const page = await context.newPage();
  page.on('console', (m) => { if (m.text().startsWith('[bench]') || m.text().startsWith('[stage]')) console.log(m.text()); });
  await page.goto(`chrome-extension://${id}/bench.html`);
  await page.waitForFunction(() => !!window.cardfileBench);
  const cdp = profiling ? await context.newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  if (args.includes('--probe')) await page.evaluate(() => { globalThis.__probe = true; });
  const result = await page.evaluate(() => window.cardfileBench.backupRestore());
  let top;
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const file = path.join(os.tmpdir(), `cardfile-backup-${size}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    top = { file, self: topSelf(profile) };
  }
  console.log(JSON.stringify({ size, loadBefore: started, loadAfter: load(), result }));
  if (top) console.log(`${top.file}\n${top.self.join('\n')}`);
} finally {
  await context.close();
}
