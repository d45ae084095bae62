// Median and p95 (nearest rank) of millisecond samples, as scripts/bench/page/stats.ts does in the page.
const round = (x) => Math.round(x * 10) / 10;

export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const rank = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
  return { n: s.length, median: round(rank(0.5)), p95: round(rank(0.95)), min: round(s[0] ?? NaN), max: round(s[s.length - 1] ?? NaN) };
}
