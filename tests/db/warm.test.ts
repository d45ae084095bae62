import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { warmDatabase } from '../../lib/db/warm';

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('warmDatabase', () => {
  it('never creates a database that does not exist', async () => {
    const idb = new IDBFactory();
    warmDatabase(idb, 'nothing-here', 0);
    await settle();
    expect((await idb.databases()).map((d) => d.name)).not.toContain('nothing-here');
  });

  it('does not block a schema upgrade by another page', async () => {
    const idb = new IDBFactory();
    await new Promise<void>((resolve) => { const r = idb.open('db', 1); r.onupgradeneeded = () => r.result.createObjectStore('a'); r.onsuccess = () => { r.result.close(); resolve(); }; });
    warmDatabase(idb, 'db', 60_000);
    await settle();
    const upgraded = await new Promise<number>((resolve, reject) => {
      const r = idb.open('db', 2);
      r.onupgradeneeded = () => r.result.createObjectStore('b');
      r.onsuccess = () => { const v = r.result.version; r.result.close(); resolve(v); };
      r.onerror = () => reject(r.error);
    });
    expect(upgraded).toBe(2);
  });
});
