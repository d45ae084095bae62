import { customerInputSchema, customerSchema, deriveCustomer, freshRecord, interactionSchema, normalisePhone, type Customer, type Interaction } from '../domain';
import type { RepoContext } from '../db/context';
import { demoCustomer, rng } from './generate';

/**
 * Fill the database with `count` demo customers and their interactions, in bulk (chunks of
 * 2,000 in one transaction each). Used by the demo command and the benchmarks.
 */
export async function seedDemo(
  ctx: RepoContext,
  count: number,
  opts: { seed?: number; avgInteractions?: number; onProgress?(done: number): void } = {},
): Promise<{ customers: number; interactions: number; ids: string[] }> {
  const settings = await ctx.settings();
  const r = rng(opts.seed ?? 42);
  const now = ctx.now();
  let interactionsTotal = 0;
  const ids: string[] = [];
  for (let start = 0; start < count; start += 2000) {
    const customers: Customer[] = [];
    const interactions: Interaction[] = [];
    for (let i = start; i < Math.min(count, start + 2000); i++) {
      const demo = demoCustomer(r, i, now, opts.avgInteractions ?? 5);
      const fields = customerInputSchema.parse(demo.input);
      fields.phones = fields.phones.map((p) => normalisePhone(p, settings.defaultRegion));
      // Cards written a second apart, as a real workspace grows: identical updatedAt values would make
      // every reader that resumes from an updatedAt watermark (the search index) re-read them all.
      const base = freshRecord(now - (count - i) * 1000);
      const ixs = demo.interactions.map((x) => interactionSchema.parse({ ...freshRecord(now), ...x, customerId: base.id, place: '', result: '' }));
      customers.push(customerSchema.parse({ ...base, ...fields, ...deriveCustomer(fields, ixs, settings, now) }));
      interactions.push(...ixs);
    }
    await ctx.db.transaction('rw', ctx.db.customers, ctx.db.interactions, async () => {
      await ctx.db.customers.bulkAdd(customers);
      await ctx.db.interactions.bulkAdd(interactions);
    });
    interactionsTotal += interactions.length;
    ids.push(...customers.map((c) => c.id));
    opts.onProgress?.(Math.min(count, start + 2000));
  }
  return { customers: count, interactions: interactionsTotal, ids };
}

/**
 * Take the demo data out again: the demo cards (by the ids seedDemo returned), their interactions,
 * follow-ups and audit entries, in one transaction. Cards the user added meanwhile are not touched.
 */
export async function removeDemo(ctx: RepoContext, ids: readonly string[]): Promise<number> {
  const { db } = ctx;
  return db.transaction('rw', [db.customers, db.interactions, db.followUps, db.audit], async () => {
    const present = (await db.customers.bulkGet([...ids])).filter((c) => !!c).map((c) => c!.id);
    const interactions = (await Promise.all(present.map((id) =>
      db.interactions.where('[customerId+occurredAt]').between([id, -Infinity], [id, Infinity]).primaryKeys()))).flat();
    const followUps = await db.followUps.where('customerId').anyOf(present).primaryKeys();
    const keys: [string, string][] = [
      ...present.map((id) => ['customer', id] as [string, string]),
      ...interactions.map((id) => ['interaction', id] as [string, string]),
      ...followUps.map((id) => ['followUp', id] as [string, string]),
    ];
    await db.audit.where('[entity+entityId]').anyOf(keys).delete();
    await db.interactions.bulkDelete(interactions);
    await db.followUps.bulkDelete(followUps);
    await db.customers.bulkDelete(present);
    return present.length;
  });
}
