import type { RepoContext } from '../../../lib/db/context';
import { addInteraction, deleteInteraction } from '../../../lib/db/interactions';
import { regenerateAll, regenerateFollowUps } from '../../../lib/db/plan';
import { idFloor } from './ids';
import { timed } from './stats';

/**
 * The daily pass (regenerateAll over every customer; idempotent, so repeated runs measure the
 * steady state), the incremental re-plan of one customer, and one whole write that triggers it
 * (addInteraction: validate, write, re-derive, re-plan), against the full pass.
 */
export async function followUps(ctx: RepoContext, reps: number) {
  const daily = await timed(reps, () => regenerateAll(ctx), 0);
  const ids = (await ctx.db.customers.orderBy(':id').limit(20).primaryKeys()) as string[];
  const replan = await timed(ids.length, (i) => regenerateFollowUps(ctx, ids[Math.max(0, i)]!), 1);
  const t = Date.now();
  const made: string[] = [];
  const write = await timed(ids.length, async (i) => {
    const x = await addInteraction(ctx, { customerId: ids[Math.max(0, i)]!, type: 'note', direction: 'none', occurredAt: Date.now(), content: 'bench write' });
    made.push(x.id);
  }, 1);
  // Leave the data as it was: delete the notes through the repository (re-derives, re-plans), then purge them.
  for (const id of made) await deleteInteraction(ctx, id);
  await ctx.db.interactions.bulkDelete(made);
  await ctx.db.audit.where(':id').aboveOrEqual(idFloor(t)).delete();
  return { daily, replan, perWrite: write, followUps: await ctx.db.followUps.count() };
}
