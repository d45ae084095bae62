import type { RepoContext } from '../../../lib/db/context';
import { addInteraction } from '../../../lib/db/interactions';
import { idFloor } from './ids';
import { optional } from './optional';
import { timed } from './stats';

/**
 * The daily pass (regenerateAll over every customer; idempotent, so repeated runs measure the
 * steady state) and the cost of one write that re-plans one customer, against the full pass.
 */
export async function followUps(ctx: RepoContext, reps: number) {
  const plan = await optional('plan');
  if (!plan) return { status: 'pending: not merged yet' as const };
  const daily = await timed(reps, () => plan.regenerateAll(ctx), 0);
  const ids = (await ctx.db.customers.orderBy(':id').limit(reps * 4).primaryKeys()) as string[];
  const t = Date.now();
  const write = await timed(ids.length, (i) => addInteraction(ctx, { customerId: ids[Math.max(0, i)]!, type: 'note', direction: 'none', occurredAt: Date.now(), content: 'bench write' }), 0);
  // Leave the data as it was: the bench notes (and their audit entries) go again.
  await ctx.db.interactions.where(':id').aboveOrEqual(idFloor(t)).delete();
  return { daily, perWrite: write, followUps: await ctx.db.followUps.count() };
}
