import type { Customer, Interaction } from '../domain';
import { DAY_MS } from '../domain/days';
import type { FollowUp } from '../domain/followup';
import { buildReport, statusMove, type Period, type Report } from '../domain/report';
import type { RepoContext } from './context';
import { deletedSet, idAt, keySet, narrow, ownerSet } from './practice-keys';

/** Customers whose interactions are read per request batch (one [customerId+occurredAt] range each). */
const BATCH = 400;
const SIX_MONTHS = 182 * DAY_MS;
const FOLLOW_UP_STATES = ['open', 'snoozed', 'done', 'dismissed'] as const;

/**
 * The weekly / monthly report of one owner (or the whole workspace), gathered by index:
 * new cards = a primary-key range; interactions = per card that had any since the period began
 * (lastInteractionAt index), its own [customerId+occurredAt] range; follow-ups due = the
 * [status+dueAt] index; confirmed cards = the audit checks' `at` index; churned / won back =
 * classification at both ends of the period, for the cards that can have moved. Never the whole table.
 */
export async function gatherReport(ctx: RepoContext, period: Period, owner?: string, onProgress?: (done: number, total: number) => void): Promise<Report> {
  const { db } = ctx;
  const settings = await ctx.settings();
  const now = ctx.now();
  const end = Math.min(period.to, now);
  const churnWindow = (settings.classification.churnDays + 1) * DAY_MS;
  const [newKeys, deleted, mine, touched, churnedNow, checks, total, ...followUpLists] = await Promise.all([
    db.customers.where(':id').between(idAt(period.from), idAt(period.to), true, false).primaryKeys(),
    deletedSet(db),
    ownerSet(db, owner),
    db.customers.where('lastInteractionAt').aboveOrEqual(period.from).primaryKeys().then(keySet),
    // Cards churned now that had an interaction late enough to have turned churned in the period.
    db.customers.where('status').equals('churned').primaryKeys().then(keySet),
    db.auditChecks.where('at').between(period.to - SIX_MONTHS, period.to, true, false).toArray(),
    db.customers.count(),
    ...FOLLOW_UP_STATES.map((s) => db.followUps.where('[status+dueAt]').between([s, period.from], [s, period.to], true, false).toArray()),
  ]);
  const recentlyQuiet = churnedNow.size
    ? keySet(await db.customers.where('lastInteractionAt').between(period.from - churnWindow, period.from, true, false).primaryKeys())
    : new Set<string>();
  const candidates = narrow(new Set([...touched, ...narrow(recentlyQuiet, churnedNow, new Set())]), mine, deleted);

  const interactions: Interaction[] = [];
  let churned = 0;
  let wonBack = 0;
  for (let i = 0; i < candidates.length; i += BATCH) {
    const ids = candidates.slice(i, i + BATCH);
    const [cards, lists] = await db.transaction('r', db.customers, db.interactions, () => Promise.all([
      db.customers.bulkGet(ids),
      Promise.all(ids.map((id) => db.interactions.where('[customerId+occurredAt]').between([id, -Infinity], [id, end], true, true).toArray())),
    ]));
    cards.forEach((c, k) => {
      if (!c) return;
      const list = lists[k]!.filter((x) => x.deletedAt === null);
      for (const x of list) if (x.occurredAt >= period.from && x.occurredAt < end) interactions.push(x);
      const move = statusMove(c as Customer, list, settings, period.from, end);
      if (move === 'churned') churned += 1;
      else if (move === 'won-back') wonBack += 1;
    });
    onProgress?.(Math.min(candidates.length, i + BATCH), candidates.length);
  }

  const inScope = (f: FollowUp) => f.deletedAt === null && (f.customerId === null ? owner === undefined : (!mine || mine.has(f.customerId)) && !deleted.has(f.customerId));
  // The whole workspace: a count on the index (a deleted card's follow-ups are closed with it); one owner: their records.
  const overdueRange = () => db.followUps.where('[status+dueAt]').between(['open', -Infinity], ['open', now], true, false);
  const overdueNow = owner === undefined ? await overdueRange().count() : (await overdueRange().toArray()).filter(inScope).length;
  const confirmed = new Set(checks.filter((c) => c.outcome !== 'unreachable').map((c) => c.customerId));
  const live = mine ? narrow(mine, undefined, deleted).length : total - deleted.size;
  return buildReport({
    period,
    newCustomers: narrow(newKeys as string[], mine, deleted).length,
    interactions,
    followUps: followUpLists.flat().filter(inScope),
    overdueNow,
    liveCards: live,
    confirmedCards: narrow(confirmed, mine, deleted).length,
    churned,
    wonBack,
  });
}
