import Dexie from 'dexie';
import { classifyCustomer, derivedFrom, freshRecord, idFromKey, type Classification, type Customer, type FollowUp, type Interaction, type Settings } from '../domain';
import { planWorkspaceFollowUps, reconcileFollowUps, type PlannedFollowUp } from '../domain/followups';
import type { RepoContext } from './context';
import { cryptoState } from '../security/state';

/** What one regeneration changed. */
export interface PlanResult {
  added: number;
  closed: number;
  /** Customers whose stored tiers changed (the daily pass moves them as time passes). */
  rederived: number;
}

const TABLES = ['customers', 'interactions', 'followUps'] as const;

/** True when an enclosing transaction cannot reach the tables a regeneration writes. */
function blockedByOuterTransaction(): boolean {
  const tx = Dexie.currentTransaction;
  return !!tx && TABLES.some((t) => !tx.storeNames.includes(t));
}

/** Stored records for planned follow-ups; a soft-deleted record with the same key is revived (the key is unique). */
function toRecords(planned: PlannedFollowUp[], deleted: Map<string, FollowUp>, now: number): FollowUp[] {
  return planned.map((p) => {
    const old = deleted.get(p.ruleKey);
    // The id comes from the rule key: every device of a team plans the same record (lib/sync).
    const base = old ? { ...old, deletedAt: null, updatedAt: now, rev: old.rev + 1 } : { ...freshRecord(now), id: idFromKey(p.ruleKey) };
    return { ...base, ...p, status: 'open', snoozedUntil: undefined, doneAt: undefined };
  });
}

/** Plan one customer against its stored follow-ups: records to put (new, revived and closed ones). */
function planOne(
  customer: Customer, interactions: Interaction[], followUps: FollowUp[], settings: Settings, now: number, cls?: Classification, at = new Date(now),
): { put: FollowUp[]; added: number; closed: number } {
  // Read while locked, a card's sealed fields (birthday, next steps…) look empty: planning from that
  // would close their reminders. Its follow-ups stay as they are until the next unlocked pass.
  if ('__enc' in customer && !cryptoState.keys) return { put: [], added: 0, closed: 0 };
  const live = followUps.filter((f) => f.deletedAt === null);
  const deleted = new Map(live.length === followUps.length ? [] : followUps.filter((f) => f.deletedAt !== null).map((f) => [f.ruleKey, f]));
  const { add: planned, close } = reconcileFollowUps(customer, interactions, live, settings, at, cls);
  // Superseded reminders (a cadence an interaction reset, a birthday edited…) are soft-deleted and
  // 'closed', not "dismissed": the user did not dismiss them, and the key may come back (a deleted
  // interaction), when toRecords revives them as open.
  const closed = close.map((f) => ({ ...f, status: 'closed' as const, deletedAt: now, updatedAt: now, rev: f.rev + 1 }));
  return { put: [...toRecords(planned, deleted, now), ...closed], added: planned.length, closed: closed.length };
}

/**
 * Incremental regeneration after a write: reads this customer's interactions and follow-ups by
 * index, adds what the rules want, closes what no longer applies. Skipped (returns undefined)
 * inside an outer transaction that does not include the follow-ups table; the daily pass catches up.
 */
export async function regenerateFollowUps(ctx: RepoContext, customerId: string): Promise<PlanResult | undefined> {
  if (blockedByOuterTransaction()) return undefined;
  const settings = await ctx.settings();
  const { db } = ctx;
  return db.transaction('rw', [db.customers, db.interactions, db.followUps], async () => {
    const customer = await db.customers.get(customerId);
    if (!customer) return { added: 0, closed: 0, rederived: 0 };
    const [interactions, followUps] = await Promise.all([
      db.interactions.where('[customerId+occurredAt]').between([customerId, -Infinity], [customerId, Infinity]).toArray(),
      db.followUps.where('customerId').equals(customerId).toArray(),
    ]);
    const { put, added, closed } = planOne(customer, interactions, followUps, settings, ctx.now());
    if (put.length) await db.followUps.bulkPut(put);
    return { added, closed, rederived: 0 };
  });
}

const DERIVED_KEYS = ['valueTier', 'activityTier', 'status', 'lifecycle', 'value', 'lastInteractionAt'] as const;
const sameChurn = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a ?? []).join() === (b ?? []).join();

function group<T>(rows: T[], key: (r: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** What the daily pass does to one customer: its re-derived record when the tiers moved, the follow-ups to put. */
interface CustomerPlan { customer?: Customer; put: FollowUp[]; added: number; closed: number }

/** Re-derive one customer and plan its follow-ups at `now` (classified once: the stored tiers and the rules read the same result). */
function planCustomer(c: Customer, interactions: Interaction[], followUps: FollowUp[], settings: Settings, now: number, at: Date): CustomerPlan {
  let current = c;
  let changed: Customer | undefined;
  const cls = classifyCustomer(c, interactions, settings, at);
  // Compared field by field first: derivedFrom also rebuilds the lookup keys, worth it only for the few that moved.
  if (c.deletedAt === null && (cls.valueTier !== c.valueTier || (cls.inactive ? 'inactive' : cls.activityTier) !== c.activityTier
    || cls.status !== c.status || cls.lifecycle !== c.lifecycle || cls.value !== c.value || cls.lastInteractionAt !== c.lastInteractionAt
    || !sameChurn(cls.churn, c.churnSignals))) {
    const derived = derivedFrom(c, cls);
    if (DERIVED_KEYS.some((k) => derived[k] !== c[k]) || !sameChurn(derived.churnSignals, c.churnSignals)) current = changed = { ...c, ...derived };
  }
  return { customer: changed, ...planOne(current, interactions, followUps, settings, now, cls, at) };
}

/** Customers per read in the daily pass: big enough to amortise a transaction, small enough to keep memory flat. */
export const REGENERATE_CHUNK = 500;

interface Chunk { customers: Customer[]; interactions: Map<string, Interaction[]>; followUps: Map<string, FollowUp[]> }

/** One chunk of customers after `after` by primary key, with their interactions and follow-ups, in one readonly transaction. */
function readChunk(ctx: RepoContext, after: string | undefined, size: number): Promise<Chunk> {
  const { db } = ctx;
  return db.transaction('r', [db.customers, db.interactions, db.followUps], async () => {
    const customers = await (after === undefined ? db.customers.orderBy(':id') : db.customers.where(':id').above(after)).limit(size).toArray();
    if (customers.length === 0) return { customers, interactions: new Map(), followUps: new Map() };
    const first = customers[0]!.id;
    const last = customers[customers.length - 1]!.id;
    const [interactions, followUps] = await Promise.all([
      db.interactions.where('[customerId+occurredAt]').between([first, -Infinity], [last, Infinity], true, true).toArray(),
      db.followUps.where('customerId').between(first, last, true, true).toArray(),
    ]);
    return { customers, interactions: group(interactions, (i) => i.customerId), followUps: group(followUps, (f) => f.customerId) };
  });
}

/**
 * Write the plans of customers the read phase found changing, planned again from what is stored now
 * inside the write transaction: a write made since the read (a call logged meanwhile) is not undone.
 */
async function applyChanges(ctx: RepoContext, ids: string[], settings: Settings, result: PlanResult): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', [db.customers, db.interactions, db.followUps], async () => {
    const [customers, interactions, followUps] = await Promise.all([
      db.customers.bulkGet(ids),
      Promise.all(ids.map((id) => db.interactions.where('[customerId+occurredAt]').between([id, -Infinity], [id, Infinity]).toArray())),
      Promise.all(ids.map((id) => db.followUps.where('customerId').equals(id).toArray())),
    ]);
    const now = ctx.now();
    const at = new Date(now);
    const changed: Customer[] = [];
    const put: FollowUp[] = [];
    customers.forEach((c, k) => {
      if (!c) return;
      const plan = planCustomer(c, interactions[k]!, followUps[k]!, settings, now, at);
      if (plan.customer) changed.push(plan.customer);
      put.push(...plan.put);
      result.added += plan.added;
      result.closed += plan.closed;
    });
    if (changed.length) await db.customers.bulkPut(changed);
    if (put.length) await db.followUps.bulkPut(put);
    result.rederived += changed.length;
  });
}

/**
 * The daily pass: re-derives every customer's tiers (status moves with time) and regenerates their
 * follow-ups, reading customers by primary-key range in chunks (never the whole table), each chunk
 * with its interactions and follow-ups in one readonly transaction. The next chunk is read while this
 * one is planned (IndexedDB works in the browser process meanwhile), and only customers whose
 * record or follow-ups change are written, planned again in the write transaction (applyChanges):
 * a day's pass over an unchanged workspace writes nothing.
 */
export async function regenerateAll(
  ctx: RepoContext,
  onProgress?: (done: number, total: number) => void,
  chunkSize = REGENERATE_CHUNK,
): Promise<PlanResult> {
  const settings = await ctx.settings();
  const total = await ctx.db.customers.count();
  const result: PlanResult = { added: 0, closed: 0, rederived: 0 };
  let done = 0;
  let next = readChunk(ctx, undefined, chunkSize);
  for (;;) {
    const chunk = await next;
    if (chunk.customers.length === 0) break;
    next = readChunk(ctx, chunk.customers[chunk.customers.length - 1]!.id, chunkSize);
    // Settles before anything awaits it: an early failure of the prefetch is reported by the loop, not as unhandled.
    next.catch(() => undefined);
    const now = ctx.now();
    const at = new Date(now);
    const changed: string[] = [];
    for (const c of chunk.customers) {
      const plan = planCustomer(c, chunk.interactions.get(c.id) ?? [], chunk.followUps.get(c.id) ?? [], settings, now, at);
      if (plan.customer || plan.put.length) changed.push(c.id);
    }
    if (changed.length) await applyChanges(ctx, changed, settings, result);
    done += chunk.customers.length;
    onProgress?.(done, total);
  }
  // An empty workspace has no tags to review.
  if (total > 0) result.added += await regenerateWorkspace(ctx, settings);
  return result;
}

/** Workspace-level follow-ups (tag review); found by their `w:` keys since customerId null is not indexed. */
async function regenerateWorkspace(ctx: RepoContext, settings: Settings): Promise<number> {
  const { db } = ctx;
  return db.transaction('rw', db.followUps, async () => {
    const existing = await db.followUps.where('ruleKey').startsWith('w:').toArray();
    const planned = planWorkspaceFollowUps(existing, settings, new Date(ctx.now()));
    if (planned.length) await db.followUps.bulkAdd(toRecords(planned, new Map(), ctx.now()));
    return planned.length;
  });
}
