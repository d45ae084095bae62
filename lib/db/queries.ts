// The reads screens need, each a named function: components never reach into a table
// (docs/ARCHITECTURE.md). Plain reads, no transaction of their own; wrap in liveQuery to follow writes.
import type { AuditEntry } from '../domain/audit';
import type { Customer } from '../domain/customer';
import type { Interaction } from '../domain/interaction';
import type { RepoContext } from './context';
import type { SyncConflictRow } from '../sync/tables';

export { openFollowUpsOf, dueFollowUps } from './followups';
export { timeline } from './interactions';
export { getCustomer } from './customers';

/** A card by id, deleted or not (the card view shows a deleted card with Restore). */
export function customerById(ctx: RepoContext, id: string): Promise<Customer | undefined> {
  return ctx.db.customers.get(id);
}

/** Cards by id in the order asked, skipping ids that do not exist (deleted ones included). */
export async function customersByIds(ctx: RepoContext, ids: readonly string[]): Promise<Customer[]> {
  return (await ctx.db.customers.bulkGet([...ids])).filter((c): c is Customer => !!c);
}

/** Cards by id in the order asked, `undefined` where none (keeps positions). */
export function customersAt(ctx: RepoContext, ids: readonly string[]): Promise<Array<Customer | undefined>> {
  return ctx.db.customers.bulkGet([...ids]);
}

/** How many cards exist (Trash included), from the primary key: cheap at 100k. */
export function countCustomers(ctx: RepoContext): Promise<number> {
  return ctx.db.customers.count();
}

/** A card's open same-field conflicts from team sync (undefined when it has none). */
export const conflictsOf = (ctx: RepoContext, customerId: string): Promise<SyncConflictRow | undefined> => ctx.db.syncConflicts.get(`customer:${customerId}`);

/** The most recently changed live cards. */
export function recentCustomers(ctx: RepoContext, limit = 200): Promise<Customer[]> {
  return ctx.db.customers.orderBy('updatedAt').reverse().filter((c) => c.deletedAt === null).limit(limit).toArray();
}

/** Open the database now (the workspace measures the open apart from the first query). */
export async function openDatabase(ctx: RepoContext): Promise<void> {
  await ctx.db.open();
}

/** The audit entries of one card (its own and its interactions' and follow-ups'), newest first. */
export async function auditOfCard(ctx: RepoContext, customerId: string): Promise<AuditEntry[]> {
  const { db } = ctx;
  const [ixIds, fuIds] = await Promise.all([
    db.interactions.where('[customerId+occurredAt]').between([customerId, -Infinity], [customerId, Infinity]).primaryKeys(),
    db.followUps.where('customerId').equals(customerId).primaryKeys(),
  ]);
  const keys: [string, string][] = [['customer', customerId], ...ixIds.map((id) => ['interaction', id] as [string, string]), ...fuIds.map((id) => ['followUp', id] as [string, string])];
  const found = await db.audit.where('[entity+entityId]').anyOf(keys).toArray();
  return found.sort((a, b) => b.at - a.at);
}

/** The newest audit entries of the whole workspace. */
export function latestAudit(ctx: RepoContext, limit = 200): Promise<AuditEntry[]> {
  return ctx.db.audit.orderBy('at').reverse().limit(limit).toArray();
}

/** Live interactions since a moment, without their content (charts count them; the text is not needed). */
export async function interactionsSince(ctx: RepoContext, since: number): Promise<Interaction[]> {
  const out: Interaction[] = [];
  await ctx.db.interactions.each((i) => { if (i.occurredAt >= since && i.deletedAt === null) out.push({ ...i, content: '' }); });
  return out;
}

/** How many open follow-ups fall due in [from, to), via the [status+dueAt] index. */
export function countOpenDue(ctx: RepoContext, from: number, to: number): Promise<number> {
  return ctx.db.followUps.where('[status+dueAt]').between(['open', from], ['open', to], true, false).count();
}

/** An audit entry with the card it concerns (a customer entry names its card; an interaction's or follow-up's, its owner). */
export interface NamedAuditEntry { entry: AuditEntry; customerId?: string; name?: string }

/** Each entry with its card's id and name (two bulkGets for the page of entries shown). */
export async function withCardNames(ctx: RepoContext, entries: AuditEntry[]): Promise<NamedAuditEntry[]> {
  const { db } = ctx;
  const of = (entity: AuditEntry['entity']) => [...new Set(entries.filter((e) => e.entity === entity).map((e) => e.entityId))];
  const [ixs, fus] = await Promise.all([db.interactions.bulkGet(of('interaction')), db.followUps.bulkGet(of('followUp'))]);
  const owner = new Map<string, string>();
  for (const r of [...ixs, ...fus]) if (r?.customerId) owner.set(r.id, r.customerId);
  const customerOf = (e: AuditEntry) => (e.entity === 'customer' ? e.entityId : owner.get(e.entityId));
  const ids = [...new Set(entries.map(customerOf).filter((id): id is string => !!id))];
  const cards = new Map((await db.customers.bulkGet(ids)).filter((c) => !!c).map((c) => [c!.id, c!.name]));
  return entries.map((entry) => {
    const customerId = customerOf(entry);
    return { entry, customerId, name: customerId ? cards.get(customerId) : undefined };
  });
}
