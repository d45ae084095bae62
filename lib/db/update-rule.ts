import { freshRecord, type Settings } from '../domain';
import type { FollowUp } from '../domain/followup';
import { updateFollowUp, triggersOf, type UpdateTrigger } from '../domain/update-rule';
import { audit, type RepoContext } from './context';

/**
 * The 24-hour update rule's follow-up, written inside the caller's transaction (which must include
 * followUps and audit): one per card and day, later triggers of the day added to its note. A
 * follow-up already done that day is reopened with the new trigger (the card changed again).
 */
export async function recordUpdateTriggers(
  ctx: RepoContext, settings: Settings, customerId: string, triggers: readonly UpdateTrigger[], at: number,
): Promise<FollowUp | undefined> {
  const planned = updateFollowUp(customerId, triggers, at, settings.practice.update24h);
  if (!planned) return undefined;
  const { db } = ctx;
  const existing = await db.followUps.where('ruleKey').equals(planned.ruleKey).first();
  if (existing) {
    const merged = [...new Set([...triggersOf(existing.note), ...triggers])];
    const grew = merged.length > triggersOf(existing.note).length;
    const open = existing.status === 'open' || existing.status === 'snoozed';
    if (!grew && open) return existing;
    const next: FollowUp = {
      ...existing, note: merged.join(','), status: 'open', doneAt: undefined, deletedAt: null,
      dueAt: open ? existing.dueAt : planned.dueAt, updatedAt: ctx.now(), rev: existing.rev + 1,
    };
    await db.followUps.put(next);
    await audit(ctx, settings.userName, { entity: 'followUp', entityId: next.id, action: 'update', fields: ['note', 'status'] });
    return next;
  }
  const record: FollowUp = { ...freshRecord(ctx.now()), ...planned, status: 'open' };
  await db.followUps.add(record);
  await audit(ctx, settings.userName, { entity: 'followUp', entityId: record.id, action: 'create' });
  return record;
}

/** Close a card's open 24-hour update follow-ups as done (the card was confirmed current), inside the caller's transaction. */
export async function completeUpdateFollowUps(ctx: RepoContext, settings: Settings, customerId: string, at: number): Promise<number> {
  const open = (await ctx.db.followUps.where('customerId').equals(customerId).toArray())
    .filter((f) => f.reason === 'update-24h' && f.deletedAt === null && (f.status === 'open' || f.status === 'snoozed'));
  for (const f of open) {
    await ctx.db.followUps.put({ ...f, status: 'done', doneAt: at, updatedAt: at, rev: f.rev + 1 });
    await audit(ctx, settings.userName, { entity: 'followUp', entityId: f.id, action: 'update', fields: ['doneAt', 'status'] });
  }
  return open.length;
}
