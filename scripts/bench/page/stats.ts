/** Median, p95 (nearest rank), min and max of timing samples in milliseconds, rounded to 0.1 ms. */
export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Summarise samples (nearest-rank percentiles: no interpolation across a small n). */
export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
  return { n: s.length, median: round(rank(0.5)), p95: round(rank(0.95)), min: round(s[0] ?? NaN), max: round(s[s.length - 1] ?? NaN) };
}

/** Run `fn` `reps` times (after `warmup` untimed runs) and summarise; the last result is kept for checks. */
export async function timed<T>(reps: number, fn: (i: number) => Promise<T> | T, warmup = 1): Promise<Stats & { last: T }> {
  let last!: T;
  for (let i = 0; i < warmup; i++) last = await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    last = await fn(i);
    samples.push(performance.now() - t0);
  }
  return { ...stats(samples), last };
}

/** Chrome's heap size (precise with --enable-precise-memory-info), or NaN elsewhere. */
export function heapUsed(): number {
  const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return m ? m.usedJSHeapSize : NaN;
}

/** Collect garbage when the page runs with --js-flags=--expose-gc, so heap peaks start from a clean floor. */
export function gc(): void {
  (globalThis as unknown as { gc?: () => void }).gc?.();
}

/**
 * Run `fn` once: its time and the peak heap above the starting floor, sampled every 10 ms between
 * its awaits (a synchronous stretch is sampled at its end only, so the peak is a lower bound).
 * The garbage collection that sets the floor happens before the clock starts.
 */
export async function peakHeap<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number; ms: number }> {
  gc();
  const floor = heapUsed();
  let peak = floor;
  const timer = setInterval(() => { peak = Math.max(peak, heapUsed()); }, 10);
  try {
    const t0 = performance.now();
    const result = await fn();
    const ms = performance.now() - t0;
    peak = Math.max(peak, heapUsed());
    return { result, ms, peakMb: Math.round(((peak - floor) / 1048576) * 10) / 10 };
  } finally {
    clearInterval(timer);
  }
}

/** `reps` runs of peakHeap: time stats, the highest peak, the last result. */
export async function timedPeak<T>(reps: number, fn: () => Promise<T>): Promise<Stats & { peakMb: number; last: T }> {
  const runs = [];
  for (let i = 0; i < reps; i++) runs.push(await peakHeap(fn));
  return { ...stats(runs.map((r) => r.ms)), peakMb: Math.max(...runs.map((r) => r.peakMb)), last: runs[runs.length - 1]!.result };
}
