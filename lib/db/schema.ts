import Dexie, { type EntityTable } from 'dexie';
import type { AuditEntry, Customer, FollowUp, Interaction } from '../domain';
import { compactMiddleware } from './compact-middleware';
import { cryptoMiddleware } from './crypto-middleware';
import { DB_NAME } from './name';
import { stampMiddleware } from './stamp-middleware';

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
    // The passphrase lock (lib/security): a no-op pass-through while the lock is off.
    this.use(cryptoMiddleware);
    // Empty defaults are not stored (≈ 30 MB less at 100,000 customers; SPEC §9 disk target).
    this.use(compactMiddleware);
    // The workspace's first-screen snapshot follows every committed customer write.
    this.use(stampMiddleware);
  }
}
