import type { RepoContext } from '../db/context';
import { afterWrite } from '../db/plan-hook';

/**
 * Run several repository writes as ONE transaction over every table: all or nothing. The settings
 * are read once before it starts (awaiting browser.storage inside would end the transaction), and
 * the follow-ups of every customer touched are re-planned once after it commits.
 * Already inside one (an action calling an action): joins it.
 */
export async function inOneTransaction<T>(ctx: RepoContext, work: (tx: RepoContext) => Promise<T>): Promise<T> {
  if (ctx.deferredPlans) return work(ctx);
  const settings = await ctx.settings();
  const tx: RepoContext = { ...ctx, settings: async () => settings, deferredPlans: new Set() };
  const { db } = ctx;
  // The scope must itself be an async function: Dexie follows native awaits only then (a plain arrow returning work's promise commits early).
  const result = await db.transaction('rw', [db.customers, db.interactions, db.followUps, db.audit, db.cardImages], async () => await work(tx));
  await afterWrite(ctx, ...tx.deferredPlans!);
  return result;
}
