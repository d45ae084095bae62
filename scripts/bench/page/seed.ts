import { rng } from '../../../lib/demo/generate';
import { seedDemo } from '../../../lib/demo/seed';
import { freshRecord, type FollowUp } from '../../../lib/domain';
import type { RepoContext } from '../../../lib/db/context';
import { optional } from './optional';

const DAY = 86_400_000;

export interface SeedReport {
  customers: number;
  interactions: number;
  followUps: number;
  followUpSource: 'regenerateAll' | 'synthetic';
  seconds: { customers: number; followUps: number };
}

/**
 * One follow-up per customer when the rules engine is not in this build yet: due from 30 days ago
 * to 180 days ahead, 85% open, so the popup's window (overdue … +7 days) holds ~18% of them,
 * the shape SPEC §9 measured (100k customers, 100k follow-ups).
 */
async function syntheticFollowUps(ctx: RepoContext): Promise<number> {
  const ids = (await ctx.db.customers.orderBy(':id').primaryKeys()) as string[];
  const r = rng(7);
  const now = ctx.now();
  for (let start = 0; start < ids.length; start += 5000) {
    const rows: FollowUp[] = ids.slice(start, start + 5000).map((customerId) => {
      const x = r();
      const status = x < 0.85 ? 'open' : x < 0.95 ? 'done' : 'snoozed';
      return { ...freshRecord(now), customerId, dueAt: now + Math.round((r() * 210 - 30) * DAY), reason: 'cadence', ruleKey: `bench:${customerId}`, note: '', status };
    });
    await ctx.db.followUps.bulkAdd(rows);
  }
  return ids.length;
}

/** Fill an empty database with `n` demo customers (~5 interactions each) and their follow-ups. */
export async function seed(ctx: RepoContext, n: number, log: (msg: string) => void = () => undefined): Promise<SeedReport> {
  const existing = await ctx.db.customers.count();
  if (existing > 0) throw new Error(`seed: the database already holds ${existing} customers; reseed into a fresh profile (--fresh)`);
  let t0 = performance.now();
  const made = await seedDemo(ctx, n, { seed: 42, avgInteractions: 5, onProgress: (done) => { if (done % 10_000 === 0 || done === n) log(`seeded ${done}/${n} customers`); } });
  const customersS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const plan = await optional('plan');
  let followUpSource: SeedReport['followUpSource'] = 'synthetic';
  if (plan) {
    await plan.regenerateAll(ctx);
    followUpSource = 'regenerateAll';
  } else await syntheticFollowUps(ctx);
  const followUps = await ctx.db.followUps.count();
  log(`follow-ups: ${followUps} (${followUpSource})`);
  return { ...made, followUps, followUpSource, seconds: { customers: Math.round(customersS), followUps: Math.round((performance.now() - t0) / 1000) } };
}
