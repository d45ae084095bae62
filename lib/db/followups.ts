import { followUpInputSchema, followUpSchema, type FollowUp, type FollowUpInput } from '../domain/followup';
import { freshRecord } from '../domain/record';
import { audit, changedFields, type RepoContext } from './context';
import { NotFoundError, parseOrThrow } from './errors';

/** Add a follow-up (a manual one, or one a rule planned). The unique ruleKey keeps regeneration idempotent. */
export async function addFollowUp(ctx: RepoContext, input: FollowUpInput): Promise<FollowUp> {
  const settings = await ctx.settings();
  const record = parseOrThrow(followUpSchema, { ...freshRecord(ctx.now()), ...parseOrThrow(followUpInputSchema, input) });
  await ctx.db.transaction('rw', ctx.db.followUps, ctx.db.audit, async () => {
    await ctx.db.followUps.add(record);
    await audit(ctx, settings.userName, { entity: 'followUp', entityId: record.id, action: 'create' });
  });
  return record;
}

/** Change a follow-up (done, snoozed, dismissed, re-dated). */
export async function updateFollowUp(ctx: RepoContext, id: string, patch: Partial<FollowUpInput>): Promise<FollowUp> {
  const settings = await ctx.settings();
  return ctx.db.transaction('rw', ctx.db.followUps, ctx.db.audit, async () => {
    const before = await ctx.db.followUps.get(id);
    if (!before) throw new NotFoundError('followUp', id);
    const editable = Object.fromEntries(Object.entries(before).filter(([k]) => k in followUpInputSchema.shape));
    const fields = parseOrThrow(followUpInputSchema, { ...editable, ...patch });
    const next: FollowUp = { ...before, ...fields, updatedAt: ctx.now(), rev: before.rev + 1 };
    await ctx.db.followUps.put(next);
    await audit(ctx, settings.userName, { entity: 'followUp', entityId: id, action: 'update', fields: changedFields(editable, fields) });
    return next;
  });
}

/** Soft-delete a follow-up. */
export async function deleteFollowUp(ctx: RepoContext, id: string): Promise<void> {
  const settings = await ctx.settings();
  await ctx.db.transaction('rw', ctx.db.followUps, ctx.db.audit, async () => {
    const before = await ctx.db.followUps.get(id);
    if (!before) throw new NotFoundError('followUp', id);
    const now = ctx.now();
    // 'closed' takes it out of the due list's index range (see followUpStatuses).
    await ctx.db.followUps.put({ ...before, status: 'closed', deletedAt: now, updatedAt: now, rev: before.rev + 1 });
    await audit(ctx, settings.userName, { entity: 'followUp', entityId: id, action: 'delete' });
  });
}

/** Open follow-ups due before `until`, soonest first, via the [status+dueAt] index (never a table scan). */
export async function dueFollowUps(ctx: RepoContext, until: number, limit = 200): Promise<FollowUp[]> {
  return ctx.db.followUps
    .where('[status+dueAt]')
    .between(['open', -Infinity], ['open', until], true, true)
    .filter((f) => f.deletedAt === null)
    .limit(limit)
    .toArray();
}

/** A customer's follow-ups that are still open, soonest first. */
export async function openFollowUpsOf(ctx: RepoContext, customerId: string): Promise<FollowUp[]> {
  const all = await ctx.db.followUps.where('customerId').equals(customerId).toArray();
  return all.filter((f) => f.deletedAt === null && (f.status === 'open' || f.status === 'snoozed')).sort((a, b) => a.dueAt - b.dueAt);
}
