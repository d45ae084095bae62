import {
  customerInputSchema, customerSchema, deriveCustomer, freshRecord, lookupKeys, normalisePhone,
  type Customer, type CustomerInput, type Settings,
} from '../domain';
import { audit, changedFields, type RepoContext } from './context';
import { refreshDerived } from './derived';
import { ConflictError, NotFoundError, parseOrThrow } from './errors';
import { afterWrite } from './plan-hook';
import { editTriggers } from '../domain/update-rule';
import { recordUpdateTriggers } from './update-rule';

const SYSTEM_FIELDS = ['id', 'createdAt', 'updatedAt', 'rev', 'deletedAt'] as const;

/** Validate a customer's editable fields and normalise phones to E.164 where parseable. */
function validateInput(input: CustomerInput, region: string) {
  const fields = parseOrThrow(customerInputSchema, input);
  return { ...fields, phones: fields.phones.map((p) => normalisePhone(p, region)) };
}

/** Create a customer card; returns the stored record. Throws ValidationError and writes nothing on bad input. */
export async function createCustomer(ctx: RepoContext, input: CustomerInput): Promise<Customer> {
  const settings = await ctx.settings();
  const fields = validateInput(input, settings.defaultRegion);
  const now = ctx.now();
  const record = parseOrThrow(customerSchema, {
    ...freshRecord(now),
    ...fields,
    ...deriveCustomer(fields, [], settings, now),
  });
  await ctx.db.transaction('rw', ctx.db.customers, ctx.db.audit, async () => {
    await ctx.db.customers.add(record);
    await audit(ctx, settings.userName, { entity: 'customer', entityId: record.id, action: 'create' });
  });
  await afterWrite(ctx, record.id);
  return record;
}

/**
 * Change some fields of a customer. With `expectedRev`, refuses (ConflictError) when the
 * record was changed elsewhere since it was read.
 */
export async function updateCustomer(
  ctx: RepoContext,
  id: string,
  patch: Partial<CustomerInput>,
  expectedRev?: number,
): Promise<Customer> {
  const settings = await ctx.settings();
  const updated = await updateCustomerWith(ctx, settings, id, patch, expectedRev);
  await afterWrite(ctx, id);
  return updated;
}

/** updateCustomer with the settings already read: safe to call inside another transaction. */
export async function updateCustomerWith(
  ctx: RepoContext,
  settings: Settings,
  id: string,
  patch: Partial<CustomerInput>,
  expectedRev?: number,
): Promise<Customer> {
  return ctx.db.transaction('rw', [ctx.db.customers, ctx.db.interactions, ctx.db.followUps, ctx.db.audit], async () => {
    const before = await ctx.db.customers.get(id);
    if (!before) throw new NotFoundError('customer', id);
    if (expectedRev !== undefined && before.rev !== expectedRev) throw new ConflictError('customer', id, { expectedRev, current: before });
    const editable = Object.fromEntries(Object.entries(before).filter(([k]) => k in customerInputSchema.shape));
    const fields = validateInput({ ...(editable as CustomerInput), ...patch }, settings.defaultRegion);
    const changed = changedFields(editable, fields);
    if (changed.length === 0) return before;
    const next: Customer = { ...before, ...fields, ...lookupKeys(fields), updatedAt: ctx.now(), rev: before.rev + 1 };
    await ctx.db.customers.put(next);
    await audit(ctx, settings.userName, { entity: 'customer', entityId: id, action: 'update', fields: changed });
    // The 24-hour rule: a new contact person, changed company details or needs ask for the card's update.
    if (before.deletedAt === null) await recordUpdateTriggers(ctx, settings, id, editTriggers(before, fields), next.updatedAt);
    return refreshDerived(ctx, next, settings);
  });
}

async function setDeleted(ctx: RepoContext, id: string, deleted: boolean): Promise<Customer> {
  const settings = await ctx.settings();
  const result = await ctx.db.transaction('rw', ctx.db.customers, ctx.db.audit, async () => {
    const before = await ctx.db.customers.get(id);
    if (!before) throw new NotFoundError('customer', id);
    const now = ctx.now();
    const next: Customer = { ...before, deletedAt: deleted ? now : null, updatedAt: now, rev: before.rev + 1 };
    await ctx.db.customers.put(next);
    await audit(ctx, settings.userName, { entity: 'customer', entityId: id, action: deleted ? 'delete' : 'restore' });
    return next;
  });
  await afterWrite(ctx, id);
  return result;
}

/** Soft delete: the card disappears from lists but stays restorable. */
export const softDeleteCustomer = (ctx: RepoContext, id: string) => setDeleted(ctx, id, true);
/** Undo a soft delete. */
export const restoreCustomer = (ctx: RepoContext, id: string) => setDeleted(ctx, id, false);

/** A live (not deleted) customer, or undefined. */
export async function getCustomer(ctx: RepoContext, id: string): Promise<Customer | undefined> {
  const c = await ctx.db.customers.get(id);
  return c && c.deletedAt === null ? c : undefined;
}

/** Live customers having this email (case-insensitive), via the multi-entry index. */
export async function findByEmail(ctx: RepoContext, email: string): Promise<Customer[]> {
  const found = await ctx.db.customers.where('emailKeys').equals(email.trim().toLowerCase()).toArray();
  return found.filter((c) => c.deletedAt === null);
}

/** Live customers having this E.164 phone. */
export async function findByPhone(ctx: RepoContext, e164: string): Promise<Customer[]> {
  const found = await ctx.db.customers.where('phoneKeys').equals(e164).toArray();
  return found.filter((c) => c.deletedAt === null);
}

export { SYSTEM_FIELDS };
