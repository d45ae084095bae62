#!/usr/bin/env node
// Follow-up figures in real Chromium on a saved bench profile (bench/profile-<N>), with the bench
// build (.output/bench-chrome-mv3): where the daily pass and one write spend their time.
//   node scripts/perf-followups.mjs [--size=10000] [--what=reads,daily,snapshot,writes] [--profile]
// --profile also records a CPU profile (CDP) of the page and prints the top functions by self time.
// Prints JSON. Not a test and not part of `npm test`.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, profileDir } from './bench/profile.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, d) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d;
const size = Number(opt('size', 10_000));
const what = opt('what', 'reads,daily,snapshot,writes').split(',');
const ext = opt('ext', path.join(repo, '.output', 'bench-chrome-mv3'));
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

/** Top functions by self time in a CDP CPU profile. */
function top(profile, n = 25) {
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return { totalMs: Math.round(total / 1000), top: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${Math.round(v / 1000)} ms  ${k}`) };
}

const { context, id } = await launch(profileDir(repo, size), ext);
try {
  const before = load();
  // What the background does meanwhile (its daily pass, refreshes) shows in its console.
  const sw = context.serviceWorkers()[0];
  const t0 = Date.now();
  // The context's console carries the worker's too, also after Chrome restarted an idle worker.
  context.on('console', (m) => { if (!m.location().url.includes('bench')) console.error(`[sw +${((Date.now() - t0) / 1000).toFixed(1)} s] ${m.text()}`); });
  console.error(`[sw] state: ${JSON.stringify(await sw?.evaluate(async () => ({ now: Date.now(), alarms: (await chrome.alarms.getAll()).map((a) => [a.name, Math.round((a.scheduledTime - Date.now()) / 1000)]), dailyAt: (await chrome.storage.local.get('followUpsDailyAt')).followUpsDailyAt })))}`);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/bench.html`);
  await page.waitForFunction(() => !!window.cardfileBench);
  let cdp;
  if (args.includes('--profile')) {
    cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  // The background's own CPU profile and console, through the page's CDP session (Target domain).
  let swCdp;
  if (args.includes('--sw-profile')) {
    const root = await context.newCDPSession(page);
    const target = (await root.send('Target.getTargets')).targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(id));
    const { sessionId } = await root.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    let seq = 1;
    const waiting = new Map();
    root.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message);
      if (m.id && waiting.has(m.id)) { waiting.get(m.id)(m.result); waiting.delete(m.id); }
      if (m.method === 'Runtime.consoleAPICalled') console.error(`[sw +${((Date.now() - t0) / 1000).toFixed(1)} s] ${m.params.args.map((a) => a.value ?? a.description).join(' ')}`);
    });
    swCdp = (method, params = {}) => new Promise((res) => {
      const mid = seq++;
      waiting.set(mid, res);
      void root.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mid, method, params }) });
    });
    await swCdp('Runtime.enable');
    await swCdp('Profiler.enable');
    await swCdp('Profiler.setSamplingInterval', { interval: 1000 });
    await swCdp('Profiler.start');
  }
  // Is the background busy meanwhile? Round trips to it, and when its due snapshot was last built.
  const pings = [];
  let pinging = args.includes('--ping');
  const ping = async () => {
    while (pinging) {
      const t = Date.now();
      const builtAt = await context.serviceWorkers()[0]?.evaluate(async () => (await chrome.storage.local.get('dueSnapshot')).dueSnapshot?.builtAt).catch((e) => String(e));
      pings.push([((t - t0) / 1000).toFixed(1), Date.now() - t, typeof builtAt === 'number' ? ((builtAt - t0) / 1000).toFixed(1) : builtAt]);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const pinger = ping();
  const result = await page.evaluate((w) => window.cardfileBench.followUpsProbe(w), what);
  pinging = false;
  await pinger;
  if (pings.length) console.error(`[sw pings: s, rtt ms, snapshot built at s] ${pings.map((p) => p.join(' ')).join(' | ')}`);
  let prof;
  if (swCdp) {
    const { profile } = await swCdp('Profiler.stop');
    const file = path.join(os.tmpdir(), `cardfile-followups-sw-${size}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.error(JSON.stringify({ swProfile: { file, ...top(profile) } }, null, 2));
  }
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const file = path.join(os.tmpdir(), `cardfile-followups-${size}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    prof = { file, ...top(profile) };
  }
  console.log(JSON.stringify({ size, loadBefore: before, loadAfter: load(), ...result, profile: prof }, null, 2));
} finally {
  await context.close();
}
