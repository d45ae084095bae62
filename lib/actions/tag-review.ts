import { customerInputSchema, lookupKeys, newId, type AuditEntry, type Customer, type CustomerFields } from '../domain';
import { changedFields, type RepoContext } from '../db/context';
import { parseOrThrow } from '../db/errors';

/** One card's accepted tag changes from the quarterly review. */
export interface TagChange { customerId: string; add: string[]; remove: string[] }

/**
 * Apply the tag review's accepted suggestions to many cards in ONE transaction (validated, rev +1,
 * audited). Tags only: the tiers do not depend on them, so nothing is re-derived or re-planned.
 * Returns how many cards changed.
 */
export async function applyTagChanges(ctx: RepoContext, changes: readonly TagChange[]): Promise<number> {
  const settings = await ctx.settings();
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', db.customers, db.audit, async () => {
    const cards = await db.customers.bulkGet(changes.map((c) => c.customerId));
    const next: Customer[] = [];
    const audits: AuditEntry[] = [];
    changes.forEach((change, i) => {
      const c = cards[i];
      if (!c || c.deletedAt !== null) return;
      const drop = new Set(change.remove);
      const tags = [...new Set([...c.tags.filter((t) => !drop.has(t)), ...change.add.map((t) => t.trim()).filter(Boolean)])];
      const before = Object.fromEntries(Object.entries(c).filter(([k]) => k in customerInputSchema.shape));
      const fields = parseOrThrow(customerInputSchema, { ...before, tags }) as CustomerFields;
      const changed = changedFields(before, fields);
      if (!changed.length) return;
      next.push({ ...c, ...fields, ...lookupKeys(fields), updatedAt: now, rev: c.rev + 1 });
      audits.push({ id: newId(), at: now, who: settings.userName, entity: 'customer', entityId: c.id, action: 'update', fields: changed });
    });
    if (next.length) await db.customers.bulkPut(next);
    if (audits.length) await db.audit.bulkAdd(audits);
    return next.length;
  });
}
