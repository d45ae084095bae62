import { stages, type Customer, type Settings } from '../domain';
import type { FollowUp } from '../domain/followup';
import { funnelOf, type Funnel } from '../domain/funnel';
import { frequentTiers, recentSince, rfmSegments, segmentOf, valuableTiers, type RfmSegment } from '../domain/rfm';
import type { RepoContext } from './context';
import { deletedSet, idAt, idsWhereEquals, keySet, narrow, ownerSet } from './practice-keys';

/**
 * The pipeline funnel of the cards first contacted in [from, to) (optionally one owner's), from
 * index keys only: the cohort is a primary-key range (UUIDv7 ids are time-ordered), each stage
 * an index lookup. No record is read. Returns the cohort's ids per stage for the click-through.
 */
export async function funnelFor(ctx: RepoContext, from: number, to: number, owner?: string): Promise<{ funnel: Funnel; ids: Record<Customer['stage'], string[]> }> {
  const { db } = ctx;
  const [cohortKeys, deleted, mine, potential, ...byStage] = await Promise.all([
    db.customers.where(':id').between(idAt(from), idAt(to), true, false).primaryKeys(),
    deletedSet(db),
    ownerSet(db, owner),
    db.customers.where('status').equals('potential').primaryKeys().then(keySet),
    ...stages.map((s) => db.customers.where('stage').equals(s).primaryKeys().then(keySet)),
  ]);
  const cohort = new Set(narrow(cohortKeys as string[], mine, deleted));
  const ids = Object.fromEntries(stages.map((s, i) => [s, narrow(byStage[i]!, cohort, new Set())])) as Record<Customer['stage'], string[]>;
  const atStage = Object.fromEntries(stages.map((s) => [s, ids[s].length])) as Record<Customer['stage'], number>;
  const lostSigned = ids.lost.filter((id) => !potential.has(id)).length;
  return { funnel: funnelOf(atStage, lostSigned), ids };
}

/**
 * Live card ids per RFM segment (optionally one owner's): three index lookups (lastInteractionAt
 * range, activity tiers, value tiers) and the primary keys, combined in memory. No record is read.
 */
export async function rfmSegmentIds(ctx: RepoContext, settings: Settings, now: number, owner?: string): Promise<Record<RfmSegment, string[]>> {
  const { db } = ctx;
  const s = settings.practice.rfm;
  const [all, deleted, mine, recent, frequent, valuable] = await Promise.all([
    owner === undefined ? db.customers.toCollection().primaryKeys() : Promise.resolve([] as string[]),
    deletedSet(db),
    ownerSet(db, owner),
    db.customers.where('lastInteractionAt').aboveOrEqual(recentSince(s, now)).primaryKeys().then(keySet),
    idsWhereEquals(db, 'activityTier', frequentTiers(s)),
    idsWhereEquals(db, 'valueTier', valuableTiers(s)),
  ]);
  const out = Object.fromEntries(rfmSegments.map((k) => [k, [] as string[]])) as Record<RfmSegment, string[]>;
  for (const id of narrow(mine ?? (all as string[]), undefined, deleted)) out[segmentOf(recent.has(id), frequent.has(id), valuable.has(id))].push(id);
  return out;
}

/** Live cards carrying a churn warning (the sparse *churnSignals index), most valuable first, at most `limit`. */
export async function churnWarningCards(ctx: RepoContext, limit = 200, owner?: string): Promise<{ total: number; cards: Customer[] }> {
  const { db } = ctx;
  const [keys, deleted, mine] = await Promise.all([db.customers.where('churnSignals').above('').primaryKeys(), deletedSet(db), ownerSet(db, owner)]);
  const ids = [...new Set(narrow(keys as string[], mine, deleted))];
  const cards = (await db.customers.bulkGet(ids.slice(0, 5000))).filter((c): c is Customer => !!c && c.deletedAt === null);
  cards.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  return { total: ids.length, cards: cards.slice(0, limit) };
}

export interface OverdueUpdate { followUp: FollowUp; customer: Pick<Customer, 'id' | 'name' | 'company' | 'owner'> }

/**
 * 24-hour update follow-ups still open past their due time, oldest first (the data-quality view).
 * Found by their `u:` rule keys (the unique ruleKey index), not by walking every open follow-up.
 */
export async function overdueUpdates(ctx: RepoContext, now: number): Promise<OverdueUpdate[]> {
  const { db } = ctx;
  const list = (await db.followUps.where('ruleKey').startsWith('u:').toArray())
    .filter((f) => f.deletedAt === null && (f.status === 'open' || f.status === 'snoozed') && f.dueAt < now)
    .sort((a, b) => a.dueAt - b.dueAt);
  const cards = await db.customers.bulkGet(list.map((f) => f.customerId ?? ''));
  return list.flatMap((f, i) => {
    const c = cards[i];
    return c && c.deletedAt === null ? [{ followUp: f, customer: { id: c.id, name: c.name, company: c.company, owner: c.owner } }] : [];
  });
}

/** Every tag with how many live cards carry it (one index count per tag). */
export async function tagCounts(ctx: RepoContext): Promise<Array<{ tag: string; count: number }>> {
  const { db } = ctx;
  const [tags, deleted] = await Promise.all([db.customers.orderBy('tags').uniqueKeys(), deletedSet(db)]);
  const names = tags.filter((t): t is string => typeof t === 'string');
  const lists = await Promise.all(names.map((tag) => db.customers.where('tags').equals(tag).primaryKeys()));
  return names.map((tag, i) => ({ tag, count: narrow(lists[i] as string[], undefined, deleted).length }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
