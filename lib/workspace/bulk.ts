import { customerInputSchema, lookupKeys, newId, type AuditEntry, type Customer, type CustomerFields } from '../domain';
import { changedFields, type RepoContext } from '../db/context';
import { parseOrThrow } from '../db/errors';

export type BulkChange =
  | { kind: 'stage'; stage: Customer['stage'] }
  | { kind: 'owner'; owner: string }
  | { kind: 'addTag'; tag: string }
  | { kind: 'removeTag'; tag: string }
  | { kind: 'delete' }
  | { kind: 'restore' };

function apply(c: Customer, change: BulkChange, now: number): Customer {
  switch (change.kind) {
    case 'stage': return { ...c, stage: change.stage };
    case 'owner': return { ...c, owner: change.owner.trim() };
    case 'addTag': return c.tags.includes(change.tag.trim()) ? c : { ...c, tags: [...c.tags, change.tag.trim()] };
    case 'removeTag': return { ...c, tags: c.tags.filter((t) => t !== change.tag) };
    case 'delete': return c.deletedAt === null ? { ...c, deletedAt: now } : c;
    case 'restore': return { ...c, deletedAt: null };
  }
}

const editable = (c: Customer) => Object.fromEntries(Object.entries(c).filter(([k]) => k in customerInputSchema.shape));

/**
 * Change many cards at once in ONE transaction (validated, rev +1, audited): stage, owner,
 * tags, soft delete, restore. Returns how many cards actually changed.
 */
export async function bulkChange(ctx: RepoContext, ids: string[], change: BulkChange): Promise<number> {
  const settings = await ctx.settings();
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', db.customers, db.audit, async () => {
    const before = (await db.customers.bulkGet(ids)).filter((c): c is Customer => !!c);
    const next: Customer[] = [];
    const audits: AuditEntry[] = [];
    for (const c of before) {
      const after = apply(c, change, now);
      const fields = parseOrThrow(customerInputSchema, editable(after)) as CustomerFields;
      const changed = changedFields({ ...editable(c), deletedAt: c.deletedAt }, { ...fields, deletedAt: after.deletedAt });
      if (changed.length === 0) continue;
      next.push({ ...after, ...fields, ...lookupKeys(fields), updatedAt: now, rev: c.rev + 1 });
      const action = change.kind === 'delete' ? 'delete' : change.kind === 'restore' ? 'restore' : 'update';
      audits.push({ id: newId(), at: now, who: settings.userName, entity: 'customer', entityId: c.id, action, fields: changed.filter((f) => f !== 'deletedAt') });
    }
    await db.customers.bulkPut(next);
    await db.audit.bulkAdd(audits);
    return next.length;
  });
}
