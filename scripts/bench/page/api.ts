import { getRepo } from '../../../lib/db/instance';
import { capture, type CorpusPage } from './capture';
import { followUps } from './followups';
import { followUpsProbe } from './followups-probe';
import { backupRestore, exportCsv, importCsv } from './io';
import { available } from './optional';
import { practice } from './practice';
import { counts, dueList, searchNaive, shape, table } from './queries';
import { searchIndex } from './search';
import { seed } from './seed';

/** What scripts/bench.mjs calls inside the bench page (window.cardfileBench), one measurement each. */
export function createBench() {
  const ctx = getRepo();
  const log = (msg: string) => console.log(`[bench] ${msg}`);
  return {
    available,
    counts: () => counts(ctx),
    shape: () => shape(ctx),
    seed: (n: number) => seed(ctx, n, log),
    dueList: (reps: number) => dueList(ctx, reps),
    searchNaive: (queries: string[], reps: number) => searchNaive(ctx, queries, reps),
    searchIndex: (queries: string[], reps: number) => searchIndex(ctx, queries, reps),
    table: (reps: number, filter?: { tier: string; tag: string }) => table(ctx, reps, filter),
    importCsv: (reps: number) => importCsv(ctx, reps),
    exportCsv: (reps: number) => exportCsv(ctx, reps),
    backupRestore: () => backupRestore(ctx),
    followUps: (reps: number) => followUps(ctx, reps),
    followUpsProbe: (what?: string[]) => followUpsProbe(ctx, what),
    capture: (pages: CorpusPage[], reps: number) => capture(pages, reps),
    practice: (reps: number) => practice(ctx, reps),
    estimate: async () => {
      const e = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: Record<string, number> };
      return { usage: e.usage ?? 0, indexedDB: e.usageDetails?.indexedDB };
    },
  };
}

export type CardfileBench = ReturnType<typeof createBench>;
