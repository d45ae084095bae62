import { freshRecord, interactionInputSchema, interactionSchema, type Interaction, type InteractionInput } from '../domain';
import { audit, changedFields, type RepoContext } from './context';
import { refreshDerived } from './derived';
import { ConflictError, NotFoundError, parseOrThrow } from './errors';
import { afterWrite } from './plan-hook';
import { interactionTriggers } from '../domain/update-rule';
import { recordUpdateTriggers } from './update-rule';

async function touchCustomer(ctx: RepoContext, customerId: string, settings: Awaited<ReturnType<RepoContext['settings']>>) {
  const c = await ctx.db.customers.get(customerId);
  if (!c || c.deletedAt !== null) throw new NotFoundError('customer', customerId);
  await refreshDerived(ctx, c, settings);
}

/**
 * Log an interaction on a customer's timeline. A captured email carrying a messageId already
 * logged returns the existing record instead of a second one (SPEC §2: dedupe by messageId).
 */
export async function addInteraction(ctx: RepoContext, input: InteractionInput): Promise<Interaction> {
  const settings = await ctx.settings();
  const fields = parseOrThrow(interactionInputSchema, input);
  const record = parseOrThrow(interactionSchema, { ...freshRecord(ctx.now()), ...fields });
  const { db } = ctx;
  const result = await db.transaction('rw', [db.customers, db.interactions, db.followUps, db.audit], async () => {
    const messageId = fields.source?.messageId;
    if (messageId) {
      const existing = await db.interactions.where('source.messageId').equals(messageId)
        .filter((i) => i.deletedAt === null && i.customerId === fields.customerId).first();
      if (existing) return existing;
    }
    await db.interactions.add(record);
    await audit(ctx, settings.userName, { entity: 'interaction', entityId: record.id, action: 'create' });
    await touchCustomer(ctx, fields.customerId, settings);
    // The 24-hour rule: feedback or a complaint logged asks for the card's update.
    await recordUpdateTriggers(ctx, settings, fields.customerId, interactionTriggers(record), ctx.now());
    return record;
  });
  await afterWrite(ctx, fields.customerId);
  return result;
}

/** Edit an interaction; the customer's derived tiers follow. */
export async function updateInteraction(ctx: RepoContext, id: string, patch: Partial<InteractionInput>, expectedRev?: number): Promise<Interaction> {
  const settings = await ctx.settings();
  const { db } = ctx;
  let touched: string[] = [];
  const result = await db.transaction('rw', [db.customers, db.interactions, db.audit], async () => {
    const before = await db.interactions.get(id);
    if (!before) throw new NotFoundError('interaction', id);
    if (expectedRev !== undefined && before.rev !== expectedRev) throw new ConflictError('interaction', id, { expectedRev, current: before });
    const editable = Object.fromEntries(Object.entries(before).filter(([k]) => k in interactionInputSchema.shape));
    const fields = parseOrThrow(interactionInputSchema, { ...editable, ...patch });
    const changed = changedFields(editable, fields);
    if (changed.length === 0) return before;
    const next: Interaction = { ...before, ...fields, updatedAt: ctx.now(), rev: before.rev + 1 };
    await db.interactions.put(next);
    await audit(ctx, settings.userName, { entity: 'interaction', entityId: id, action: 'update', fields: changed });
    await touchCustomer(ctx, next.customerId, settings);
    if (before.customerId !== next.customerId) await touchCustomer(ctx, before.customerId, settings);
    touched = [next.customerId, before.customerId];
    return next;
  });
  await afterWrite(ctx, ...touched);
  return result;
}

/** Soft-delete an interaction. */
export async function deleteInteraction(ctx: RepoContext, id: string): Promise<void> {
  const settings = await ctx.settings();
  const { db } = ctx;
  const customerId = await db.transaction('rw', [db.customers, db.interactions, db.audit], async () => {
    const before = await db.interactions.get(id);
    if (!before) throw new NotFoundError('interaction', id);
    const now = ctx.now();
    await db.interactions.put({ ...before, deletedAt: now, updatedAt: now, rev: before.rev + 1 });
    await audit(ctx, settings.userName, { entity: 'interaction', entityId: id, action: 'delete' });
    await touchCustomer(ctx, before.customerId, settings);
    return before.customerId;
  });
  await afterWrite(ctx, customerId);
}

/** A customer's timeline, newest first, without deleted entries. */
export async function timeline(ctx: RepoContext, customerId: string, limit = 200): Promise<Interaction[]> {
  return ctx.db.interactions
    .where('[customerId+occurredAt]')
    .between([customerId, -Infinity], [customerId, Infinity])
    .reverse()
    .filter((i) => i.deletedAt === null)
    .limit(limit)
    .toArray();
}
