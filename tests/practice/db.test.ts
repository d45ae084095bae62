import { describe, expect, it } from 'vitest';
import { addInteraction, createCustomer, updateCustomer } from '../../lib/db';
import { auditHistory, campaignProgress, cardsToConfirm, openCampaign } from '../../lib/db/audit-campaign';
import { idAt } from '../../lib/db/practice-keys';
import { churnWarningCards, funnelFor, overdueUpdates, rfmSegmentIds, tagCounts } from '../../lib/db/practice-queries';
import { gatherReport } from '../../lib/db/practice-report';
import { tagReviewPage } from '../../lib/db/tag-review';
import { confirmCard, finishAuditCampaign, startAuditCampaign } from '../../lib/actions/audit-campaign';
import { applyTagChanges } from '../../lib/actions/tag-review';
import { defaultSettings } from '../../lib/domain';
import { periodAt } from '../../lib/domain/report';
import { freshContext } from '../db/helpers';

const DAY = 86_400_000;
// Ids are UUIDv7 from the real clock: the test clock runs at real time so "created in the period" holds.
const ctxNow = () => freshContext({ now: Date.now() });

describe('idAt', () => {
  it('is the smallest UUIDv7 of that millisecond', () => {
    expect(idAt(0x0190_abcd_ef12)).toBe('0190abcd-ef12-0000-0000-000000000000');
    expect(idAt(Date.now()) < '0' + 'f'.repeat(7)).toBe(true);
  });
});

describe('the 24-hour rule on writes', () => {
  it('an edit that changes the contact person, or a logged complaint, opens one follow-up for the day; confirming closes it', async () => {
    const ctx = ctxNow();
    const c = await createCustomer(ctx, { name: '张伟', company: '云帆', emails: [{ value: 'zw@yf.cn' }] });
    await updateCustomer(ctx, c.id, { title: '经理' });
    expect(await ctx.db.followUps.where('ruleKey').startsWith('u:').count()).toBe(0);
    await updateCustomer(ctx, c.id, { emails: [{ value: 'ln@yf.cn' }] });
    await addInteraction(ctx, { customerId: c.id, type: 'complaint', occurredAt: ctx.now(), subject: '发货慢' });
    const list = await ctx.db.followUps.where('ruleKey').startsWith('u:').toArray();
    expect(list).toMatchObject([{ reason: 'update-24h', status: 'open', note: 'contact-person,feedback', dueAt: ctx.now() + 24 * 3_600_000 }]);
    ctx.clock.now += 2 * DAY;
    expect((await overdueUpdates(ctx, ctx.now())).map((o) => o.customer.name)).toEqual(['张伟']);
    await confirmCard(ctx, { campaignId: '', customerId: c.id, outcome: 'confirmed' });
    expect(await overdueUpdates(ctx, ctx.now())).toEqual([]);
    expect((await ctx.db.customers.get(c.id))?.reviewedAt).toBe(ctx.now());
  });
});

describe('funnel and RFM by index', () => {
  it('counts the cohort created in the period by stage, and segments every live card', async () => {
    const ctx = ctxNow();
    const from = ctx.now() - 1000;
    const a = await createCustomer(ctx, { name: 'A', stage: 'negotiating', owner: '王芳' });
    await createCustomer(ctx, { name: 'B', stage: 'active', owner: '王芳', annualValue: 600_000 });
    await createCustomer(ctx, { name: 'C', owner: '李雷' });
    await createCustomer(ctx, { name: 'D', stage: 'lost' });
    const { funnel, ids } = await funnelFor(ctx, from, Date.now() + 1000);
    expect(funnel.rows.map((r) => r.reached)).toEqual([4, 2, 1, 0]);
    expect(ids.negotiating).toEqual([a.id]);
    expect((await funnelFor(ctx, from, Date.now() + 1000, '王芳')).funnel.total).toBe(2);
    expect((await funnelFor(ctx, from - 10 * DAY, from - 5 * DAY)).funnel.total).toBe(0);

    await addInteraction(ctx, { customerId: a.id, type: 'call', occurredAt: ctx.now() - DAY });
    const seg = await rfmSegmentIds(ctx, defaultSettings, ctx.now());
    expect(seg['general-development']).toEqual([a.id]);
    expect(seg['important-winback']).toHaveLength(1);
    expect(seg['general-winback']).toHaveLength(2);
    expect(Object.values(seg).flat()).toHaveLength(4);
  });

  it('lists churn warnings from the sparse index', async () => {
    const ctx = ctxNow();
    const c = await createCustomer(ctx, { name: '大客户', annualValue: 900_000 });
    await addInteraction(ctx, { customerId: c.id, type: 'call', occurredAt: ctx.now() - 40 * DAY });
    await createCustomer(ctx, { name: '小客户' });
    const { total, cards } = await churnWarningCards(ctx);
    expect(total).toBe(1);
    expect(cards[0]).toMatchObject({ name: '大客户', churnSignals: ['high-value-silent'] });
    // Silence alone: the monthly cadence asks for the call; three complaints add the churn follow-up.
    const reasons = async () => (await ctx.db.followUps.where('customerId').equals(c.id).toArray()).filter((f) => f.status === 'open').map((f) => f.reason);
    expect(await reasons()).not.toContain('churn-warning');
    for (const k of [1, 2, 3]) await addInteraction(ctx, { customerId: c.id, type: 'complaint', occurredAt: ctx.now() - k * DAY });
    expect(await reasons()).toContain('churn-warning');
  });
});

describe('the audit campaign', () => {
  it('starts, shows cards by owner with progress, confirms / corrects / cannot confirm, finishes with the report in the history', async () => {
    const ctx = ctxNow();
    const a = await createCustomer(ctx, { name: '甲', owner: '王芳', phones: [{ raw: '13800138000' }] });
    const b = await createCustomer(ctx, { name: '乙', owner: '王芳' });
    const c = await createCustomer(ctx, { name: '丙', owner: '李雷' });
    await createCustomer(ctx, { name: '丁', owner: '李雷' });
    const campaign = await startAuditCampaign(ctx);
    await expect(startAuditCampaign(ctx)).rejects.toThrow();
    expect((await openCampaign(ctx))?.id).toBe(campaign.id);
    expect((await cardsToConfirm(ctx, campaign.id, '王芳')).cards.map((x) => x.name)).toEqual(['乙', '甲'].sort((x, y) => x.localeCompare(y)));
    await confirmCard(ctx, { campaignId: campaign.id, customerId: a.id, outcome: 'confirmed' });
    await confirmCard(ctx, { campaignId: campaign.id, customerId: b.id, outcome: 'corrected', patch: { title: '采购经理', phones: [{ raw: '13900139000' }] } });
    await confirmCard(ctx, { campaignId: campaign.id, customerId: c.id, outcome: 'unreachable', note: '电话空号' });
    expect(await campaignProgress(ctx, campaign.id)).toEqual([{ owner: '李雷', total: 2, checked: 1 }, { owner: '王芳', total: 2, checked: 2 }]);
    expect((await ctx.db.customers.get(b.id))).toMatchObject({ title: '采购经理' });
    expect((await ctx.db.customers.get(c.id))?.reviewedAt).toBeUndefined();
    const done = await finishAuditCampaign(ctx, campaign.id);
    expect(done.report).toMatchObject({ total: 4, confirmed: 1, corrected: 1, unreachable: 1, unchecked: 1 });
    expect(done.report?.changedFields).toEqual([{ field: 'phones', count: 1 }, { field: 'title', count: 1 }]);
    expect(done.report?.notConfirmed.map((n) => [n.name, n.why])).toEqual([['丙', 'unreachable'], ['丁', 'unchecked']]);
    expect(await openCampaign(ctx)).toBeUndefined();
    expect((await auditHistory(ctx)).map((h) => h.id)).toEqual([campaign.id]);
    await expect(confirmCard(ctx, { campaignId: campaign.id, customerId: a.id, outcome: 'confirmed' })).rejects.toThrow();
  });
});

describe('the report', () => {
  it('gathers a week per owner and for the workspace by index', async () => {
    const ctx = ctxNow();
    const period = periodAt('week', ctx.now());
    const a = await createCustomer(ctx, { name: '甲', owner: '王芳' });
    const b = await createCustomer(ctx, { name: '乙', owner: '李雷' });
    const at = Math.max(period.from, ctx.now() - 1000);
    await addInteraction(ctx, { customerId: a.id, type: 'call', occurredAt: at, satisfaction: 4 });
    await addInteraction(ctx, { customerId: a.id, type: 'complaint', occurredAt: at, satisfaction: 2 });
    await addInteraction(ctx, { customerId: b.id, type: 'visit', occurredAt: at });
    await addInteraction(ctx, { customerId: b.id, type: 'visit', occurredAt: period.from - 3 * DAY });
    await confirmCard(ctx, { campaignId: '', customerId: b.id, outcome: 'confirmed' });
    const all = await gatherReport(ctx, period);
    expect(all).toMatchObject({ newCustomers: 2, interactions: 3, satisfaction: 3, confirmedCards: 1, liveCards: 2, updatesDue: 1 });
    expect(all.byType).toMatchObject({ call: 1, complaint: 1, visit: 1 });
    const mine = await gatherReport(ctx, period, '王芳');
    expect(mine).toMatchObject({ newCustomers: 1, interactions: 2, confirmedCards: 0, liveCards: 1 });
  });
});

describe('the tag review', () => {
  it('counts tags, suggests changes and applies them in bulk', async () => {
    const ctx = ctxNow();
    const a = await createCustomer(ctx, { name: '甲', tags: ['低活跃', 'VIP'] });
    for (let k = 1; k <= 20; k += 1) await addInteraction(ctx, { customerId: a.id, type: 'call', occurredAt: ctx.now() - k * DAY });
    await createCustomer(ctx, { name: '乙', tags: ['VIP'] });
    expect(await tagCounts(ctx)).toEqual([{ tag: 'VIP', count: 2 }, { tag: '低活跃', count: 1 }]);
    const page = await tagReviewPage(ctx, ['VIP', '低活跃'], 'zh-CN');
    expect(page.suggestions).toEqual([expect.objectContaining({ customer: expect.objectContaining({ name: '甲' }), review: { add: [], remove: ['低活跃'], newPlan: true } })]);
    expect(await applyTagChanges(ctx, [{ customerId: a.id, add: ['高活跃'], remove: ['低活跃'] }])).toBe(1);
    expect((await ctx.db.customers.get(a.id))?.tags).toEqual(['VIP', '高活跃']);
  });
});
