// Field accuracy and time per card of the OCR pipeline on rendered cards (scripts/ocr-cards.mjs).
//   npx jiti scripts/ocr/eval.ts [dir=artifacts/ocr-cards] [--variant=full] [--no-pre] [--no-repair] [--no-hints] [--psm=6] [--no-rotate] [-v] [--json=out.json]
// --json writes the figures for `npm run bench -- --only=ocr` (scripts/bench.mjs): first use (engine start:
// worker, WASM core, both languages' data), per-card median/p95 after it, field and name accuracy per group.
// Run it under /work/bin/heavy: it keeps a core busy.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeImage } from '../../lib/capture/ocr/decode';
import { closeOcr, warmOcr } from '../../lib/capture/ocr/engine';
import { readCardPixels } from '../../lib/capture/ocr/index';
import { scoreCard, type CardTruth } from '../../tests/capture/ocr/score';

const argv = process.argv.slice(2);
const dir = argv.find((a) => !a.startsWith('-')) ?? 'artifacts/ocr-cards';
const flag = (f: string) => argv.includes(f);
const opt = (k: string) => argv.find((a) => a.startsWith(`--${k}=`))?.split('=')[1];
const variant = (opt('variant') ?? 'full') as 'best_int' | 'full';
const only = opt('only');
const pre = flag('--no-pre') ? { crop: false, flatten: false, deskew: false } : { crop: !flag('--no-crop'), flatten: !flag('--no-flatten'), deskew: !flag('--no-deskew') };

const metas = readdirSync(dir).filter((f) => f.endsWith('.json') && (!only || f.includes(only))).sort();
const tally: Record<string, Record<string, [number, number]>> = {};
const times: number[] = [];
const t00 = performance.now();
await warmOcr(variant);
const firstUseMs = performance.now() - t00;
console.log(`engine start (first use): ${firstUseMs.toFixed(0)} ms`);
const add = (group: string, field: string, ok: boolean) => {
  const g = (tally[group] ??= {});
  const t = (g[field] ??= [0, 0]);
  t[0] += ok ? 1 : 0;
  t[1]++;
};
for (const m of metas) {
  const meta = JSON.parse(readFileSync(path.join(dir, m), 'utf8')) as { file: string; photo: boolean; layout: string; lang: string; truth: CardTruth };
  const bytes = new Uint8Array(readFileSync(path.join(dir, meta.file)));
  const t0 = performance.now();
  const img = await decodeImage(bytes);
  const res = await readCardPixels(img, { preprocess: pre, variant, repair: !flag('--no-repair'), hints: !flag('--no-hints'), rotate: !flag('--no-rotate') });
  const ms = performance.now() - t0;
  times.push(ms);
  const score = scoreCard(meta.truth, res.contacts[0]);
  const group = meta.layout === 'vertical' ? 'vertical' : meta.photo ? 'photo' : 'clean';
  for (const [f, ok] of Object.entries(score)) { add(group, f, ok); add(group, '*all', ok); }
  const bad = Object.entries(score).filter(([, ok]) => !ok).map(([f]) => f);
  console.log(`${meta.file.padEnd(36)} ${ms.toFixed(0).padStart(5)} ms  ${bad.length ? `MISS ${bad.join(',')}` : 'ok'}`);
  if (flag('-v') && bad.length) {
    const c = res.contacts[0];
    console.log(`   text: ${res.text.replace(/\n/g, ' ⏎ ')}`);
    console.log(`   got: ${JSON.stringify({ n: c?.name, t: c?.title, c: c?.company, p: c?.phones.map((p) => p.raw), e: c?.emails.map((e) => e.value), w: c?.websites, a: c?.addresses.map((a) => a.formatted) })}`);
    console.log(`   want: ${JSON.stringify(meta.truth)}`);
  }
}
await closeOcr();
const pct = ([a, b]: [number, number]) => `${((100 * a) / b).toFixed(1)}% (${a}/${b})`;
for (const [g, fields] of Object.entries(tally)) {
  console.log(`\n${g}: fields ${pct(fields['*all']!)}`);
  console.log('  ' + Object.entries(fields).filter(([f]) => f !== '*all').map(([f, v]) => `${f} ${pct(v)}`).join('  '));
}
times.sort((a, b) => a - b);
const medianMs = times[Math.floor(times.length / 2)]!;
const p95Ms = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!;
console.log(`\ntime per card: median ${medianMs.toFixed(0)} ms, p95 ${p95Ms.toFixed(0)} ms (n=${times.length}, variant ${variant})`);
const json = opt('json');
if (json) {
  const share = (t: [number, number] | undefined) => (t ? { ok: t[0], of: t[1], pct: Math.round((1000 * t[0]) / t[1]) / 10 } : undefined);
  const groups = Object.fromEntries(Object.entries(tally).map(([g, f]) => [g, { fields: share(f['*all']), names: share(f.name) }]));
  writeFileSync(json, JSON.stringify({ cards: times.length, variant, firstUseMs: Math.round(firstUseMs), median: Math.round(medianMs), p95: Math.round(p95Ms), groups }, null, 2));
}
