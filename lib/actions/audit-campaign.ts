import { customerInputSchema, freshRecord, type CustomerInput } from '../domain';
import { auditCampaignSchema, auditCheckSchema, verificationReport, NOT_CONFIRMED_LIMIT, type AuditCampaign, type AuditCheck, type CheckOutcome } from '../domain/audit-campaign';
import { changedFields, type RepoContext } from '../db/context';
import { campaignChecks, checkedIds, openCampaign } from '../db/audit-campaign';
import { updateCustomerWith } from '../db/customers';
import { NotFoundError, parseOrThrow, ValidationError } from '../db/errors';
import { afterWrite } from '../db/plan-hook';
import { deletedSet, narrow } from '../db/practice-keys';
import { completeUpdateFollowUps } from '../db/update-rule';

/** Start the half-yearly audit: one campaign at a time (refused while one is under way). */
export async function startAuditCampaign(ctx: RepoContext): Promise<AuditCampaign> {
  const settings = await ctx.settings();
  const { db } = ctx;
  return db.transaction('rw', db.auditCampaigns, db.customers, async () => {
    if (await openCampaign(ctx)) throw new ValidationError([{ path: 'campaign', message: 'An audit is already under way' }]);
    const [count, deleted] = await Promise.all([db.customers.count(), db.customers.where('deletedAt').above(-1).count()]);
    const now = ctx.now();
    const campaign = parseOrThrow(auditCampaignSchema, { ...freshRecord(now), startedAt: now, startedBy: settings.userName, total: count - deleted });
    await db.auditCampaigns.add(campaign);
    return campaign;
  });
}

/**
 * Confirm a card in the audit (campaignId '' for a check on its own): 'confirmed' as it is,
 * 'corrected' with the fields changed in `patch`, or 'unreachable' (could not confirm: reviewedAt
 * stays). One transaction: the correction, reviewedAt, the check record, the card's open 24-hour
 * update follow-ups closed as done, the audit entries.
 */
export async function confirmCard(
  ctx: RepoContext,
  input: { campaignId: string; customerId: string; outcome: CheckOutcome; patch?: Partial<CustomerInput>; note?: string },
): Promise<AuditCheck> {
  const settings = await ctx.settings();
  const { db } = ctx;
  const check = await db.transaction('rw', [db.customers, db.interactions, db.followUps, db.audit, db.auditChecks, db.auditCampaigns], async () => {
    if (input.campaignId) {
      const campaign = await db.auditCampaigns.get(input.campaignId);
      if (!campaign || campaign.finishedAt !== undefined) throw new NotFoundError('customer', input.campaignId);
    }
    const before = await db.customers.get(input.customerId);
    if (!before || before.deletedAt !== null) throw new NotFoundError('customer', input.customerId);
    const now = ctx.now();
    const patch = input.outcome === 'unreachable' ? {} : { ...(input.patch ?? {}), reviewedAt: now };
    const editable = Object.fromEntries(Object.entries(before).filter(([k]) => k in customerInputSchema.shape));
    const fields = changedFields(editable, { ...editable, ...(input.patch ?? {}) }).filter((f) => f !== 'reviewedAt');
    const after = Object.keys(patch).length ? await updateCustomerWith(ctx, settings, input.customerId, patch) : before;
    if (input.outcome !== 'unreachable') await completeUpdateFollowUps(ctx, settings, input.customerId, now);
    const record = parseOrThrow(auditCheckSchema, {
      ...freshRecord(now), campaignId: input.campaignId, customerId: input.customerId, owner: after.owner, name: after.name, at: now,
      outcome: input.outcome === 'confirmed' && fields.length ? 'corrected' : input.outcome,
      fields: input.outcome === 'unreachable' ? [] : fields, note: input.note ?? '', who: settings.userName,
    });
    await db.auditChecks.add(record);
    return record;
  });
  await afterWrite(ctx, input.customerId);
  return check;
}

/**
 * Finish the campaign: the verification report (《客户信息核查报告》) from its checks and the cards
 * never checked, kept on the campaign (the audit history). The unchecked cards' names are read
 * for the first NOT_CONFIRMED_LIMIT only; the counts cover them all.
 */
export async function finishAuditCampaign(ctx: RepoContext, campaignId: string): Promise<AuditCampaign> {
  const { db } = ctx;
  const [checks, checked, deleted, all] = await Promise.all([
    campaignChecks(ctx, campaignId), checkedIds(ctx, campaignId), deletedSet(db), db.customers.toCollection().primaryKeys(),
  ]);
  const unchecked = narrow(all as string[], undefined, new Set([...deleted, ...checked]));
  const named = (await db.customers.bulkGet(unchecked.slice(0, NOT_CONFIRMED_LIMIT)))
    .flatMap((c) => (c ? [{ customerId: c.id, name: c.name, owner: c.owner }] : []));
  const report = verificationReport(checks, named, unchecked.length);
  return db.transaction('rw', db.auditCampaigns, async () => {
    const campaign = await db.auditCampaigns.get(campaignId);
    if (!campaign || campaign.finishedAt !== undefined) throw new NotFoundError('customer', campaignId);
    const now = ctx.now();
    const next = parseOrThrow(auditCampaignSchema, { ...campaign, finishedAt: now, report, updatedAt: now, rev: campaign.rev + 1 });
    await db.auditCampaigns.put(next);
    return next;
  });
}


