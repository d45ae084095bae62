import type { AuditEntry } from '../domain/audit';
import { newId } from '../domain/record';
import { defaultSettings, type Settings } from '../domain/settings';
import type { CardfileDb } from './schema';

/** What every repository function needs: the database, a clock, the settings and who is acting. */
export interface RepoContext {
  db: CardfileDb;
  now(): number;
  settings(): Promise<Settings>;
  /**
   * Set inside an action's transaction (lib/actions/run.ts): customers to re-plan once it commits.
   * Re-planning loads plan.ts lazily, and awaiting that inside a transaction would end it early.
   */
  deferredPlans?: Set<string>;
}

export function makeContext(db: CardfileDb, opts: Partial<Omit<RepoContext, 'db'>> = {}): RepoContext {
  return { db, now: opts.now ?? (() => Date.now()), settings: opts.settings ?? (async () => defaultSettings) };
}

/**
 * Append one audit entry inside the caller's transaction. `who` is read before the
 * transaction starts: awaiting browser.storage inside a Dexie transaction would commit it early.
 */
export async function audit(
  ctx: RepoContext,
  who: string,
  entry: Pick<AuditEntry, 'entity' | 'entityId' | 'action'> & { fields?: string[] },
): Promise<void> {
  await ctx.db.audit.add({ id: newId(), at: ctx.now(), who, fields: entry.fields ?? [], ...entry });
}

/** Names of the top-level fields whose values differ (for the audit log). */
export function changedFields(before: object, after: object, ignore: readonly string[] = []): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...keys].filter((k) => !ignore.includes(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}
