import { seedDemo } from '../../../lib/demo/seed';
import type { RepoContext } from '../../../lib/db/context';
import { regenerateAll } from '../../../lib/db/plan';

export interface SeedReport {
  customers: number;
  interactions: number;
  followUps: number;
  seconds: { customers: number; followUps: number };
}

/** Fill an empty database with `n` demo customers (~5 interactions each) and their follow-ups. */
export async function seed(ctx: RepoContext, n: number, log: (msg: string) => void = () => undefined): Promise<SeedReport> {
  const existing = await ctx.db.customers.count();
  if (existing > 0) throw new Error(`seed: the database already holds ${existing} customers; reseed into a fresh profile (--fresh)`);
  let t0 = performance.now();
  const made = await seedDemo(ctx, n, { seed: 42, avgInteractions: 5, onProgress: (done) => { if (done % 10_000 === 0 || done === n) log(`seeded ${done}/${n} customers`); } });
  const customersS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  // The first daily pass plans every customer's follow-ups (the background would run it at start).
  await regenerateAll(ctx, (done, total) => { if (done % 10_000 === 0 || done === total) log(`planned ${done}/${total}`); });
  const followUps = await ctx.db.followUps.count();
  log(`follow-ups: ${followUps}`);
  return { ...made, followUps, seconds: { customers: Math.round(customersS), followUps: Math.round((performance.now() - t0) / 1000) } };
}
