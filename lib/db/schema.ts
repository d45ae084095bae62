import Dexie, { type EntityTable } from 'dexie';
import type { AuditEntry, CardImage, Customer, FollowUp, Interaction } from '../domain';
import type { AuditCampaign, AuditCheck } from '../domain/audit-campaign';
import { compactMiddleware } from './compact-middleware';
import { cryptoMiddleware } from './crypto-middleware';
import { DB_NAME } from './name';
import { stampMiddleware } from './stamp-middleware';
import { outboxMiddleware, type OutboxRow, type SyncSwitch } from '../sync/outbox';
import type { SyncBase, SyncConflictRow, SyncMetaRow } from '../sync/tables';

export { DB_NAME };

/**
 * The one Cardfile database. Shipped `version(n)` blocks are never edited: every schema
 * change is a new version with an `upgrade()` where data moves (see tests/db/upgrade.test.ts).
 * Indexes only on fields that are queried, never on long strings (SPEC §2, §9).
 */
export class CardfileDb extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  followUps!: EntityTable<FollowUp, 'id'>;
  audit!: EntityTable<AuditEntry, 'id'>;
  /** Team sync (lib/sync): records changed here and not yet on the server, one row per record. */
  outbox!: EntityTable<OutboxRow, 'key'>;
  /** Team sync: per record, the server revision last agreed on and hashes of its fields (the merge base). */
  syncBase!: EntityTable<SyncBase, 'key'>;
  /** Team sync: the workspace this database belongs to, the pull checkpoint. */
  syncMeta!: EntityTable<SyncMetaRow, 'key'>;
  /** Team sync: values that lost a same-field conflict, shown on the card until an editor picks one. */
  syncConflicts!: EntityTable<SyncConflictRow, 'key'>;
  /** Whether writes are recorded in the outbox (on while this database belongs to a team). */
  readonly sync: SyncSwitch = { recording: false };
  auditCampaigns!: EntityTable<AuditCampaign, 'id'>;
  auditChecks!: EntityTable<AuditCheck, 'id'>;
  cardImages!: EntityTable<CardImage, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      customers: 'id, *emailKeys, *phoneKeys, *tags, updatedAt, valueTier, activityTier, status, lifecycle, stage, owner, value, lastInteractionAt',
      interactions: 'id, [customerId+occurredAt], source.messageId',
      followUps: 'id, [status+dueAt], customerId, &ruleKey',
      audit: 'id, [entity+entityId], at',
    });
    // v2 (workspace table): deletedAt (null is not indexed, so the index holds exactly the Trash),
    // name for sorting, source and industry for filters. No data moves: indexes only.
    this.version(2).stores({
      customers: 'id, *emailKeys, *phoneKeys, *tags, updatedAt, valueTier, activityTier, status, lifecycle, stage, owner, value, lastInteractionAt, deletedAt, name, source, industry',
    });
    // v3 (team sync, lib/sync): no data moves. `outbox` by sequence (push order); conflicts by customer (the card's badge).
    this.version(3).stores({
      outbox: 'key, seq',
      syncBase: 'key',
      syncMeta: 'key',
      syncConflicts: 'key, customerId',
    });
    // Before any query runs: does this database belong to a team (then writes go through the outbox)?
    this.on('ready', async (db) => {
      const cfg = await (db as CardfileDb).syncMeta.get('config');
      this.sync.recording = !!cfg;
    });
    this.use(outboxMiddleware(this.sync));
    // v4 (the practice, issue #19): the half-yearly audit campaigns and every card check (in a campaign
    // or on its own). Checks by campaign and card (progress), and by time (cards confirmed in six months,
    // for the report: customers.reviewedAt is not indexed, an index on 100,000 cards would cost disk).
    // *churnSignals: only cards with a churn warning have entries (an empty array indexes nothing).
    this.version(4).stores({
      customers: 'id, *emailKeys, *phoneKeys, *tags, updatedAt, valueTier, activityTier, status, lifecycle, stage, owner, value, lastInteractionAt, deletedAt, name, source, industry, *churnSignals',
      auditCampaigns: 'id, startedAt',
      auditChecks: 'id, [campaignId+customerId], at',
    });
    // v5 (card scanning, #21): the card images kept on a customer, found by customerId. A new table only;
    // device-local (not synced: images stay on this machine).
    this.version(5).stores({
      cardImages: 'id, customerId',
    });
    // Joining or leaving happens in the background: open pages learn it here, before their next write.
    if (typeof BroadcastChannel !== 'undefined') {
      const channel = new BroadcastChannel('cardfile-sync');
      channel.onmessage = (e: MessageEvent<{ type?: string; db?: string; on?: boolean }>) => {
        if (e.data?.type === 'recording' && e.data.db === this.name) this.sync.recording = !!e.data.on;
      };
      (channel as { unref?(): void }).unref?.(); // Node (tests): never keeps the process alive
      this.on('close', () => channel.close());
    }
    // The passphrase lock (lib/security): a no-op pass-through while the lock is off.
    this.use(cryptoMiddleware);
    // Empty defaults are not stored (≈ 30 MB less at 100,000 customers; SPEC §9 disk target).
    this.use(compactMiddleware);
    // The workspace's first-screen snapshot follows every committed customer write.
    this.use(stampMiddleware);
  }
}
