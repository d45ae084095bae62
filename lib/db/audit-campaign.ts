import Dexie from 'dexie';
import type { Customer } from '../domain';
import type { AuditCampaign, AuditCheck } from '../domain/audit-campaign';
import type { RepoContext } from './context';
import { deletedSet, keySet, narrow, ownersOf } from './practice-keys';

/** The audit campaign under way (started, not finished), if any. */
export async function openCampaign(ctx: RepoContext): Promise<AuditCampaign | undefined> {
  const last = await ctx.db.auditCampaigns.orderBy('startedAt').last();
  return last && last.finishedAt === undefined && last.deletedAt === null ? last : undefined;
}

/** Finished campaigns, newest first: the workspace's audit history. */
export async function auditHistory(ctx: RepoContext): Promise<AuditCampaign[]> {
  return (await ctx.db.auditCampaigns.orderBy('startedAt').reverse().toArray()).filter((c) => c.finishedAt !== undefined && c.deletedAt === null);
}

/** Ids of the cards checked in a campaign (keys of the [campaignId+customerId] index only). */
export async function checkedIds(ctx: RepoContext, campaignId: string): Promise<Set<string>> {
  const keys = await ctx.db.auditChecks.where('[campaignId+customerId]').between([campaignId, Dexie.minKey], [campaignId, Dexie.maxKey]).keys();
  return new Set((keys as unknown as [string, string][]).map((k) => k[1]));
}

/** A campaign's checks (the verification report reads them once, at the end). */
export function campaignChecks(ctx: RepoContext, campaignId: string): Promise<AuditCheck[]> {
  return ctx.db.auditChecks.where('[campaignId+customerId]').between([campaignId, Dexie.minKey], [campaignId, Dexie.maxKey]).toArray();
}

export interface OwnerProgress { owner: string; total: number; checked: number }

/** Progress by owner: live cards of each owner and how many of them are checked (index keys only). */
export async function campaignProgress(ctx: RepoContext, campaignId: string): Promise<OwnerProgress[]> {
  const { db } = ctx;
  const [owners, deleted, checked] = await Promise.all([ownersOf(db), deletedSet(db), checkedIds(ctx, campaignId)]);
  const lists = await Promise.all(owners.map((o) => db.customers.where('owner').equals(o).primaryKeys().then(keySet)));
  return owners.map((owner, i) => {
    const live = narrow(lists[i]!, undefined, deleted);
    return { owner, total: live.length, checked: live.filter((id) => checked.has(id)).length };
  }).filter((p) => p.total > 0);
}

/** The next cards of an owner still to confirm in a campaign, by name, at most `limit`. */
export async function cardsToConfirm(ctx: RepoContext, campaignId: string, owner: string, limit = 50): Promise<{ left: number; cards: Customer[] }> {
  const { db } = ctx;
  const [mine, deleted, checked] = await Promise.all([
    db.customers.where('owner').equals(owner).primaryKeys().then(keySet), deletedSet(db), checkedIds(ctx, campaignId),
  ]);
  const left = narrow(mine, undefined, new Set([...deleted, ...checked]));
  const cards = (await db.customers.bulkGet(left.slice(0, Math.max(limit * 4, 200)))).filter((c): c is Customer => !!c);
  cards.sort((a, b) => a.name.localeCompare(b.name));
  return { left: left.length, cards: cards.slice(0, limit) };
}
