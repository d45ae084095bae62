import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CardfileDb } from '../../lib/db';

/**
 * The pattern every schema change follows: a new version() with an upgrade() that moves data.
 * This opens a database written by version 1, then reopens it with a hypothetical version 2
 * (declared here, as a real change would be in lib/db/schema.ts) and checks the data moved.
 */
describe('schema upgrades', () => {
  it('reopens data written by the current schema under a next version with an upgrade()', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new CardfileDb('upgrade-test', { indexedDB, IDBKeyRange });
    const shipped = v1.verno;
    await v1.customers.add({ id: 'c1', name: 'Ada', company: 'Acme', emailKeys: ['ada@acme.com'] } as never);
    v1.close();

    class NextDb extends CardfileDb {
      constructor() {
        super('upgrade-test', { indexedDB, IDBKeyRange });
        this.version(shipped + 1)
          .stores({ customers: 'id, *emailKeys, *phoneKeys, *tags, updatedAt, valueTier, activityTier, status, lifecycle, stage, owner, value, lastInteractionAt, deletedAt, name, source, industry, companyKey' })
          .upgrade((tx) => tx.table('customers').toCollection().modify((c: { company: string; companyKey?: string }) => {
            c.companyKey = c.company.toLowerCase();
          }));
      }
    }
    const v2 = new NextDb();
    await v2.open();
    expect(v2.verno).toBe(shipped + 1);
    expect(await v2.table('customers').where('companyKey').equals('acme').count()).toBe(1);
    expect(await v2.customers.where('emailKeys').equals('ada@acme.com').count()).toBe(1);
    v2.close();
    await Dexie.delete('upgrade-test');
  });
});
