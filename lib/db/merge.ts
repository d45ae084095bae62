import { customerInputSchema, mergeCustomerFields, type Customer, type CustomerFields, type CustomerInput } from '../domain';
import { audit, type RepoContext } from './context';
import { refreshDerived } from './derived';
import { NotFoundError, parseOrThrow } from './errors';
import { updateCustomerWith } from './customers';
import { afterWrite } from './plan-hook';

function editableOf(c: Customer): CustomerFields {
  return parseOrThrow(customerInputSchema, Object.fromEntries(Object.entries(c).filter(([k]) => k in customerInputSchema.shape)));
}

/**
 * Merge `dropId` into `keepId`: every interaction and follow-up moves to the kept card, fields are
 * united (the kept card wins where both are set, unless `chosen` says otherwise), and the other card
 * is soft-deleted. One transaction: all or nothing.
 */
export async function mergeCustomers(
  ctx: RepoContext,
  keepId: string,
  dropId: string,
  chosen: Partial<CustomerInput> = {},
): Promise<Customer> {
  const settings = await ctx.settings();
  const { db } = ctx;
  const merged = await db.transaction('rw', [db.customers, db.interactions, db.followUps, db.audit], async () => {
    const keep = await db.customers.get(keepId);
    const drop = await db.customers.get(dropId);
    if (!keep || keep.deletedAt !== null) throw new NotFoundError('customer', keepId);
    if (!drop || drop.deletedAt !== null) throw new NotFoundError('customer', dropId);
    const now = ctx.now();
    await db.interactions.where('[customerId+occurredAt]').between([dropId, -Infinity], [dropId, Infinity])
      .modify((i) => { i.customerId = keepId; i.updatedAt = now; i.rev += 1; });
    // A follow-up's ruleKey names its customer; the dropped card's generated ones are closed and
    // regenerated for the kept card, manual ones move across.
    await db.followUps.where('customerId').equals(dropId).modify((f) => {
      if (f.reason === 'manual' || f.reason === 'next-step') { f.customerId = keepId; f.ruleKey = `${f.ruleKey}~${keepId}`; }
      else f.status = 'dismissed';
      f.updatedAt = now;
      f.rev += 1;
    });
    await db.customers.put({ ...drop, deletedAt: now, updatedAt: now, rev: drop.rev + 1 });
    await audit(ctx, settings.userName, { entity: 'customer', entityId: dropId, action: 'merge', fields: [keepId] });
    const merged = { ...mergeCustomerFields(editableOf(keep), editableOf(drop)), ...chosen };
    const updated = await updateCustomerWith(ctx, settings, keepId, merged);
    return refreshDerived(ctx, updated, settings);
  });
  // The kept card now has the other's history: plan its follow-ups again (the dropped card's were closed).
  await afterWrite(ctx, keepId);
  return merged;
}
