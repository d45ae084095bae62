import type { Customer, CustomerInput } from '../domain';
import { customerInputSchema } from '../domain/customer';
import { valueAt } from '../sync/merge';
import type { FieldConflict } from '../sync/wire';
import { audit, type RepoContext } from './context';
import { NotFoundError } from './errors';
import { updateCustomerWith } from './customers';
import { afterWrite } from './plan-hook';

/** The conflicts kept on a card (values of the same field that lost to another member's edit). */
export async function conflictsOf(ctx: RepoContext, customerId: string): Promise<FieldConflict[]> {
  return (await ctx.db.syncConflicts.get(`customer:${customerId}`))?.items ?? [];
}

/**
 * Resolve a card's conflict on one field by picking a value (the current one or a kept one): the
 * field takes it and the conflict goes, in one transaction; both travel to the team (outbox).
 */
export async function resolveConflict(ctx: RepoContext, customerId: string, field: string, value: unknown): Promise<Customer> {
  const settings = await ctx.settings();
  const { db } = ctx;
  const key = `customer:${customerId}`;
  const result = await db.transaction('rw', [db.customers, db.interactions, db.audit, db.syncConflicts], async () => {
    const before = await db.customers.get(customerId);
    if (!before) throw new NotFoundError('customer', customerId);
    let next = before;
    if (field === 'deletedAt') {
      const deletedAt = value === null ? null : before.deletedAt ?? ctx.now();
      if (deletedAt !== before.deletedAt) {
        next = { ...before, deletedAt, updatedAt: ctx.now(), rev: before.rev + 1 };
        await db.customers.put(next);
        await audit(ctx, settings.userName, { entity: 'customer', entityId: customerId, action: deletedAt === null ? 'restore' : 'delete' });
      }
    } else {
      const dot = field.indexOf('.');
      const top = dot < 0 ? field : field.slice(0, dot);
      if (!(top in customerInputSchema.shape)) throw new NotFoundError('field', field);
      const current = valueAt(before as unknown as Record<string, unknown>, field);
      if (JSON.stringify(current) !== JSON.stringify(value)) {
        const patch: Partial<CustomerInput> = dot < 0
          ? { [field]: value ?? undefined }
          : { customFields: { ...before.customFields, [field.slice(dot + 1)]: String(value ?? '') } };
        next = await updateCustomerWith(ctx, settings, customerId, patch);
      }
    }
    const row = await db.syncConflicts.get(key);
    if (row) {
      const items = row.items.filter((c) => c.field !== field);
      if (items.length) await db.syncConflicts.put({ ...row, items });
      else await db.syncConflicts.delete(key);
    }
    return next;
  });
  await afterWrite(ctx, customerId);
  return result;
}

/** Give one card to another member ("assign to"). */
export async function assignOwner(ctx: RepoContext, customerId: string, owner: string): Promise<Customer> {
  const settings = await ctx.settings();
  const c = await updateCustomerWith(ctx, settings, customerId, { owner });
  await afterWrite(ctx, customerId);
  return c;
}

/**
 * Handover (离职继承): every live card owned by `from` goes to `to`, in one transaction (all or
 * nothing). Returns how many moved.
 */
export async function handoverCustomers(ctx: RepoContext, from: string, to: string): Promise<number> {
  const settings = await ctx.settings();
  const { db } = ctx;
  const ids = await db.transaction('rw', [db.customers, db.interactions, db.audit], async () => {
    const owned = (await db.customers.where('owner').equals(from).toArray()).filter((c) => c.deletedAt === null);
    for (const c of owned) await updateCustomerWith(ctx, settings, c.id, { owner: to });
    return owned.map((c) => c.id);
  });
  return ids.length;
}
