// Named reads for screens (one write path: components render and call, they never touch a table).
import type { AuditEntry, Customer } from '../domain';
import type { RepoContext } from './context';
import type { SyncConflictRow } from '../sync/tables';

/** One card as stored (undefined when there is none). */
export const customerById = (ctx: RepoContext, id: string): Promise<Customer | undefined> => ctx.db.customers.get(id);

/** A card's open same-field conflicts from team sync (undefined when it has none). */
export const conflictsOf = (ctx: RepoContext, customerId: string): Promise<SyncConflictRow | undefined> => ctx.db.syncConflicts.get(`customer:${customerId}`);

/** The workspace's newest audit entries. */
export const latestAudit = (ctx: RepoContext, limit: number): Promise<AuditEntry[]> => ctx.db.audit.orderBy('at').reverse().limit(limit).toArray();

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

export interface NamedAuditEntry { entry: AuditEntry; customerId?: string; name?: string }

/**
 * Each entry with the card it concerns: a customer entry names its card, an interaction's or a
 * follow-up's names the card it belongs to (two bulkGets for the page of entries shown).
 */
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

