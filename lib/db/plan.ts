import Dexie from 'dexie';
import { classifyCustomer, derivedFrom, freshRecord, type Classification, type Customer, type FollowUp, type Interaction, type Settings } from '../domain';
import { planWorkspaceFollowUps, reconcileFollowUps, type PlannedFollowUp } from '../domain/followups';
import type { RepoContext } from './context';

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
    const base = old ? { ...old, deletedAt: null, updatedAt: now, rev: old.rev + 1 } : freshRecord(now);
    return { ...base, ...p, status: 'open', snoozedUntil: undefined, doneAt: undefined };
  });
}

/** Plan one customer against its stored follow-ups: records to put (new, revived and closed ones). */
function planOne(
  customer: Customer, interactions: Interaction[], followUps: FollowUp[], settings: Settings, now: number, cls?: Classification,
): { put: FollowUp[]; added: number; closed: number } {
  const live = followUps.filter((f) => f.deletedAt === null);
  const deleted = new Map(followUps.filter((f) => f.deletedAt !== null).map((f) => [f.ruleKey, f]));
  const { add: planned, close } = reconcileFollowUps(customer, interactions, live, settings, new Date(now), cls);
  // Superseded reminders (a cadence an interaction reset, a birthday edited…) are soft-deleted, not
  // "dismissed": the user did not dismiss them, and the key may come back (a deleted interaction).
  const closed = close.map((f) => ({ ...f, deletedAt: now, updatedAt: now, rev: f.rev + 1 }));
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

/** Customers per transaction in the daily pass: big enough to amortise, small enough to keep memory flat. */
export const REGENERATE_CHUNK = 500;

/**
 * The daily pass: re-derives every customer's tiers (status moves with time) and regenerates
 * their follow-ups, reading customers by primary-key range in chunks (never the whole table),
 * each chunk with its interactions and follow-ups in one range query, in one transaction.
 */
export async function regenerateAll(
  ctx: RepoContext,
  onProgress?: (done: number, total: number) => void,
): Promise<PlanResult> {
  const settings = await ctx.settings();
  const { db } = ctx;
  const total = await db.customers.count();
  const result: PlanResult = { added: 0, closed: 0, rederived: 0 };
  let after: string | undefined;
  let done = 0;
  for (;;) {
    const n = await db.transaction('rw', [db.customers, db.interactions, db.followUps], async () => {
      const batch = await (after === undefined ? db.customers.orderBy(':id') : db.customers.where(':id').above(after)).limit(REGENERATE_CHUNK).toArray();
      if (batch.length === 0) return 0;
      const first = batch[0]!.id;
      const last = batch[batch.length - 1]!.id;
      after = last;
      const [interactions, followUps] = await Promise.all([
        db.interactions.where('[customerId+occurredAt]').between([first, -Infinity], [last, Infinity], true, true).toArray(),
        db.followUps.where('customerId').between(first, last, true, true).toArray(),
      ]);
      const byCustomer = group(interactions, (i) => i.customerId);
      const fuByCustomer = group(followUps, (f) => f.customerId);
      const now = ctx.now();
      const customers: Customer[] = [];
      const put: FollowUp[] = [];
      for (const c of batch) {
        const list = byCustomer.get(c.id) ?? [];
        let current = c;
        // Classified once per customer: the stored tiers and the rules read the same result.
        const cls = classifyCustomer(c, list, settings, new Date(now));
        if (c.deletedAt === null) {
          const derived = derivedFrom(c, cls);
          if (DERIVED_KEYS.some((k) => derived[k] !== c[k])) {
            current = { ...c, ...derived };
            customers.push(current);
          }
        }
        const plan = planOne(current, list, fuByCustomer.get(c.id) ?? [], settings, now, cls);
        put.push(...plan.put);
        result.added += plan.added;
        result.closed += plan.closed;
      }
      if (customers.length) await db.customers.bulkPut(customers);
      if (put.length) await db.followUps.bulkPut(put);
      result.rederived += customers.length;
      return batch.length;
    });
    if (n === 0) break;
    done += n;
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
