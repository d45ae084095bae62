import type { Customer } from '../../../lib/domain';
import type { RepoContext } from '../../../lib/db/context';
import { buildDueSnapshot } from '../../../lib/db/due';
import { timed } from './stats';

const DAY = 86_400_000;
const PAGE = 50;

/**
 * The due list the background rebuilds after every write and the popup paints from
 * (buildDueSnapshot: [status+dueAt] + limit + bulkGet), against the naive full-table filter.
 */
export async function dueList(ctx: RepoContext, reps: number) {
  const until = Date.now() + 8 * DAY;
  const join = async (items: { customerId: string | null }[]) => ctx.db.customers.bulkGet(items.map((f) => f.customerId ?? ''));
  const indexed = await timed(reps, async () => (await buildDueSnapshot(ctx)).rows.length);
  const naive = await timed(Math.max(3, Math.ceil(reps / 3)), async () => {
    const all = await ctx.db.followUps.toArray();
    const due = all.filter((f) => (f.status === 'open' || f.status === 'snoozed') && f.deletedAt === null && f.dueAt <= until).sort((a, b) => a.dueAt - b.dueAt).slice(0, 150);
    return (await join(due)).length;
  });
  return { indexed, naive, rows: indexed.last };
}

const digits = (s: string) => s.replace(/\D/g, '');

/** The naive search: every card loaded, every field scanned, for each query. */
export async function searchNaive(ctx: RepoContext, queries: string[], reps: number) {
  const per: Record<string, { median: number; p95: number; hits: number }> = {};
  const samples: number[] = [];
  for (const q of queries) {
    const needle = q.toLowerCase();
    const d = digits(q);
    const r = await timed(reps, async () => {
      const all = await ctx.db.customers.toArray();
      return all.filter((c) => c.deletedAt === null && ([c.name, c.company, c.title, ...c.emailKeys, ...c.tags].some((s) => s.toLowerCase().includes(needle))
        || (d.length >= 3 && c.phoneKeys.some((p) => p.endsWith(d))))).length;
    }, 0);
    per[q] = { median: r.median, p95: r.p95, hits: r.last };
    samples.push(r.median);
  }
  return per;
}

/** Render every row into a real table in the page (what an unvirtualised list does), then drop it. */
function renderAll(rows: Customer[]): number {
  const table = document.createElement('table');
  const body = table.createTBody();
  for (const c of rows) {
    const tr = body.insertRow();
    for (const text of [c.name, c.company, c.valueTier, c.activityTier, c.status, String(c.value), c.tags.join(', ')]) tr.insertCell().textContent = text;
  }
  document.body.append(table);
  const h = table.offsetHeight; // forces layout of every row
  table.remove();
  return h;
}

/**
 * The workspace table's data work, per operation: a page of 50 through an index (plus the total a
 * virtual list needs for its scrollbar) against loading every card, sorting/filtering in memory
 * and rendering every row.
 */
export async function table(ctx: RepoContext, reps: number, filter = { tier: 'high', tag: '价格敏感型' }) {
  const { customers } = ctx.db;
  const total = await customers.count();
  const ids = async (where: Promise<unknown[]>) => new Set((await where) as string[]);
  const indexed = {
    open: await timed(reps, async () => { const [rows, n] = await Promise.all([customers.orderBy('updatedAt').reverse().limit(PAGE).toArray(), customers.count()]); return rows.length + n * 0; }),
    sortByValue: await timed(reps, async () => (await customers.orderBy('value').reverse().limit(PAGE).toArray()).length),
    filterTierTag: await timed(reps, async () => {
      // Keys only: the intersection of two index key ranges, then 50 records.
      const [tier, tag] = await Promise.all([ids(customers.where('valueTier').equals(filter.tier).primaryKeys()), ids(customers.where('tags').equals(filter.tag).primaryKeys())]);
      const hit = [...tag].filter((id) => tier.has(id));
      await customers.bulkGet(hit.slice(0, PAGE));
      return hit.length;
    }),
    scrollToEnd: await timed(reps, async () => (await customers.orderBy('value').reverse().offset(Math.max(0, total - PAGE)).limit(PAGE).toArray()).length),
  };
  // Rendering 100,000 rows takes tens of seconds here: the naive side runs once at that size.
  const naiveReps = total > 50_000 ? 1 : Math.max(2, Math.ceil(reps / 5));
  const naive = {
    open: await timed(naiveReps, async () => renderAll((await customers.toArray()).sort((a, b) => b.updatedAt - a.updatedAt)), 0),
    sortByValue: await timed(naiveReps, async () => renderAll((await customers.toArray()).sort((a, b) => b.value - a.value)), 0),
    filterTierTag: await timed(naiveReps, async () => renderAll((await customers.toArray()).filter((c) => c.valueTier === filter.tier && c.tags.includes(filter.tag))), 0),
  };
  return { total, filter, matches: indexed.filterTierTag.last, indexed, naive };
}

/** How many cards carry each value of an index (value tier, tags, status …), read from index keys only. */
export async function shape(ctx: RepoContext) {
  const tally = async (index: string) => {
    const out: Record<string, number> = {};
    for (const k of await ctx.db.customers.orderBy(index).keys()) out[String(k)] = (out[String(k)] ?? 0) + 1;
    return out;
  };
  return { valueTier: await tally('valueTier'), activityTier: await tally('activityTier'), status: await tally('status'), tags: await tally('tags') };
}

/** Counts per table (what the profile holds). */
export async function counts(ctx: RepoContext) {
  const { db } = ctx;
  const [customers, interactions, followUps, audit] = await Promise.all([db.customers.count(), db.interactions.count(), db.followUps.count(), db.audit.count()]);
  return { customers, interactions, followUps, audit };
}
