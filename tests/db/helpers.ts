import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { defaultSettings, type Settings } from '../../lib/domain';
import { CardfileDb, makeContext, type RepoContext } from '../../lib/db';

/** A fresh, empty database per test, with a clock the test controls. */
export function freshContext(opts: { now?: number; settings?: Partial<Settings> } = {}): RepoContext & { clock: { now: number } } {
  const db = new CardfileDb(`test-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const clock = { now: opts.now ?? Date.UTC(2026, 10, 22, 9) };
  const settings = { ...defaultSettings, userName: 'tester', ...opts.settings };
  return { ...makeContext(db, { now: () => clock.now, settings: async () => settings }), clock };
}
