import type { RepoContext } from '../../../lib/db/context';
import { gatherReport } from '../../../lib/db/practice-report';
import { funnelFor, rfmSegmentIds } from '../../../lib/db/practice-queries';
import { funnelOf } from '../../../lib/domain/funnel';
import { periodAt } from '../../../lib/domain/report';
import { stages } from '../../../lib/domain';
import { timed } from './stats';

/**
 * The practice screens (issue #19) at this size: the funnel (all time and this month), the RFM
 * segments, the weekly and monthly report for the whole workspace and for one owner, each by index;
 * the naive way beside (every card read into memory and counted; every interaction walked).
 */
export async function practice(ctx: RepoContext, reps: number) {
  const settings = await ctx.settings();
  const now = ctx.now();
  const month = periodAt('month', now);
  const week = periodAt('week', now);
  const owner = ((await ctx.db.customers.orderBy('owner').uniqueKeys()) as string[]).find((o) => o) ?? '';
  const funnelAll = await timed(reps, () => funnelFor(ctx, 0, now + 1));
  const funnelMonth = await timed(reps, () => funnelFor(ctx, month.from, month.to));
  const rfm = await timed(reps, () => rfmSegmentIds(ctx, settings, now));
  const reportWeek = await timed(reps, () => gatherReport(ctx, week));
  const reportMonth = await timed(Math.max(1, Math.ceil(reps / 2)), () => gatherReport(ctx, month));
  const reportOwnerMonth = await timed(reps, () => gatherReport(ctx, month, owner));
  const naiveFunnel = await timed(1, async () => {
    const all = await ctx.db.customers.toArray();
    const at = Object.fromEntries(stages.map((s) => [s, all.filter((c) => c.deletedAt === null && c.stage === s).length])) as Record<(typeof stages)[number], number>;
    return funnelOf(at, all.filter((c) => c.stage === 'lost' && c.status !== 'potential').length).total;
  }, 0);
  const naiveReportWeek = await timed(1, async () => {
    let n = 0;
    await ctx.db.interactions.each((i) => { if (i.occurredAt >= week.from && i.occurredAt < week.to) n += 1; });
    return n;
  }, 0);
  const strip = <T extends { last: unknown }>(s: T) => ({ ...s, last: undefined });
  return {
    owner,
    funnelAll: strip(funnelAll), funnelMonth: strip(funnelMonth), rfm: strip(rfm),
    reportWeek: strip(reportWeek), reportMonth: strip(reportMonth), reportOwnerMonth: strip(reportOwnerMonth),
    weekInteractions: reportWeek.last.interactions, monthInteractions: reportMonth.last.interactions, cohort: funnelAll.last.funnel.total,
    naive: { funnel: strip(naiveFunnel), reportWeek: strip(naiveReportWeek) },
  };
}
