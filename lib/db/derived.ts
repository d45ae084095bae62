import { deriveCustomer, type Customer, type Settings } from '../domain';
import type { RepoContext } from './context';

/**
 * Recompute a customer's derived fields (lookup keys, tiers, status) from its interactions
 * and store them. Called inside the write transaction of anything that changes its inputs.
 */
export async function refreshDerived(ctx: RepoContext, customer: Customer, settings: Settings): Promise<Customer> {
  const interactions = await ctx.db.interactions
    .where('[customerId+occurredAt]')
    .between([customer.id, -Infinity], [customer.id, Infinity])
    .toArray();
  const derived = deriveCustomer(customer, interactions, settings, ctx.now());
  const next = { ...customer, ...derived };
  if (JSON.stringify(derived) !== JSON.stringify(pickDerived(customer, derived))) await ctx.db.customers.put(next);
  return next;
}

function pickDerived(c: Customer, like: object): object {
  return Object.fromEntries(Object.keys(like).map((k) => [k, (c as Record<string, unknown>)[k]]));
}
