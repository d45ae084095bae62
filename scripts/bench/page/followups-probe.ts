import type { RepoContext } from '../../../lib/db/context';
import { addInteraction, deleteInteraction } from '../../../lib/db/interactions';
import { buildDueSnapshot } from '../../../lib/db/due';
import { regenerateAll, regenerateFollowUps } from '../../../lib/db/plan';
import { classifyCustomer } from '../../../lib/domain/classify';
import { DUE_DAYS } from '../../../lib/db/due-groups';
import { dayPlus } from '../../../lib/domain/days';
import { idFloor } from './ids';

const CHUNK = 500;

/**
 * Where the daily pass and a write spend their time (scripts/perf-followups.mjs): each read of the
 * pass alone, chunk by chunk as regenerateAll reads, then the pass itself, the due snapshot and a few writes.
 */
export async function followUpsProbe(ctx: RepoContext, what: string[] = ['reads', 'daily', 'snapshot', 'writes']) {
  const { db } = ctx;
  const out: Record<string, unknown> = {};
  const ms = async (name: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    const r = await fn();
    out[name] = { ms: Math.round(performance.now() - t0), r };
  };
  const chunks = async (fn: (first: string, last: string, ids: string[]) => Promise<number>) => {
    let after: string | undefined;
    let n = 0;
    for (;;) {
      const ids = (await (after === undefined ? db.customers.orderBy(':id') : db.customers.where(':id').above(after)).limit(CHUNK).primaryKeys()) as string[];
      if (!ids.length) return n;
      after = ids[ids.length - 1]!;
      n += await fn(ids[0]!, after, ids);
    }
  };
  const chunked = async (size: number, fn: (first: string, last: string) => Promise<number>) => {
    let after: string | undefined;
    let n = 0;
    for (;;) {
      const ids = (await (after === undefined ? db.customers.orderBy(':id') : db.customers.where(':id').above(after)).limit(size).primaryKeys()) as string[];
      if (!ids.length) return n;
      after = ids[ids.length - 1]!;
      n += await fn(ids[0]!, after);
    }
  };
  const settings = await ctx.settings();
  if (what.includes('reads')) {
    await ms('customerKeys', () => chunks(async (_f, _l, ids) => ids.length));
    await ms('customers', () => chunks(async (f, l) => (await db.customers.where(':id').between(f, l, true, true).toArray()).length));
    await ms('interactionsToArray', () => chunks(async (f, l) => (await db.interactions.where('[customerId+occurredAt]').between([f, -Infinity], [l, Infinity], true, true).toArray()).length));
    await ms('interactionsKeys', () => chunks(async (f, l) => (await db.interactions.where('[customerId+occurredAt]').between([f, -Infinity], [l, Infinity], true, true).keys()).length));
    await ms('followUpsToArray', () => chunks(async (f, l) => (await db.followUps.where('customerId').between(f, l, true, true).toArray()).length));
    await ms('readAllInOneTx', () => chunks(async (f, l) => db.transaction('r', [db.customers, db.interactions, db.followUps], async () => {
      const [c, i, fu] = await Promise.all([
        db.customers.where(':id').between(f, l, true, true).toArray(),
        db.interactions.where('[customerId+occurredAt]').between([f, -Infinity], [l, Infinity], true, true).toArray(),
        db.followUps.where('customerId').between(f, l, true, true).toArray(),
      ]);
      return c.length + i.length + fu.length;
    })));
    await ms('readAndClassify', () => chunks(async (f, l) => {
      const [c, i] = await Promise.all([
        db.customers.where(':id').between(f, l, true, true).toArray(),
        db.interactions.where('[customerId+occurredAt]').between([f, -Infinity], [l, Infinity], true, true).toArray(),
      ]);
      const by = new Map<string, typeof i>();
      for (const x of i) { const a = by.get(x.customerId); if (a) a.push(x); else by.set(x.customerId, [x]); }
      const now = new Date(ctx.now());
      for (const x of c) classifyCustomer(x, by.get(x.id) ?? [], settings, now);
      return c.length;
    }));
  }
  if (what.includes('rsplit')) {
    // Each table of the pass read alone, 1,000 customers a chunk (raw record counts and time).
    await ms('r-customers', () => chunked(1000, async (f, l) => (await db.customers.where(':id').between(f, l, true, true).toArray()).length));
    await ms('r-interactions', () => chunked(1000, async (f, l) => (await db.interactions.where('[customerId+occurredAt]').between([f, -Infinity], [l, Infinity], true, true).toArray()).length));
    await ms('r-followUps', () => chunked(1000, async (f, l) => (await db.followUps.where('customerId').between(f, l, true, true).toArray()).length));
    await ms('r-keysOnly', () => chunked(1000, async () => 0));
  }
  if (what.includes('rpk')) {
    // The interactions table in primary-key order (sequential on disk), 5,000 a page, vs by the customer index.
    await ms('r-interactions-pk', async () => {
      let after: string | undefined;
      let n = 0;
      for (;;) {
        const page = await (after === undefined ? db.interactions.orderBy(':id') : db.interactions.where(':id').above(after)).limit(5000).toArray();
        if (!page.length) return n;
        n += page.length;
        after = page[page.length - 1]!.id;
      }
    });
    await ms('r-interactions-ix', () => chunked(1000, async (f, l) => (await db.interactions.where('[customerId+occurredAt]').between([f, -Infinity], [l, Infinity], true, true).toArray()).length));
  }
  if (what.includes('txmodes')) {
    // The pass's reads alone, chunk by chunk: readonly vs readwrite transactions, chunk sizes.
    for (const [mode, size] of [['r', 500], ['rw', 500], ['r', 2000], ['rw', 2000], ['r', 500], ['rw', 500]] as const) {
      await ms(`read-${mode}-${size}-${Math.round(performance.now())}`, () => chunked(size, (f, l) => db.transaction(mode, [db.customers, db.interactions, db.followUps], async () => {
        const [c, i, fu] = await Promise.all([
          db.customers.where(':id').between(f, l, true, true).toArray(),
          db.interactions.where('[customerId+occurredAt]').between([f, -Infinity], [l, Infinity], true, true).toArray(),
          db.followUps.where('customerId').between(f, l, true, true).toArray(),
        ]);
        return c.length + i.length + fu.length;
      })));
    }
  }
  if (what.includes('daily')) await ms('daily', () => regenerateAll(ctx));
  if (what.includes('daily2')) await ms('daily2', () => regenerateAll(ctx));
  if (what.includes('snapshot')) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) { const t0 = performance.now(); await buildDueSnapshot(ctx); times.push(Math.round(performance.now() - t0)); }
    out.snapshot = times;
  }
  if (what.includes('snapparts')) {
    const now = ctx.now();
    const until = dayPlus(now, DUE_DAYS + 1);
    const tomorrow = dayPlus(now, 1);
    const range = (status: string, end: number) => db.followUps.where('[status+dueAt]').between([status, -Infinity], [status, end], true, false);
    await ms('listsFiltered', () => Promise.all(['open', 'snoozed'].map((s) => range(s, until).filter((f) => f.deletedAt === null).limit(150).toArray())).then((l) => l.flat().length));
    await ms('listsPlain', () => Promise.all(['open', 'snoozed'].map((s) => range(s, until).limit(150).toArray())).then((l) => l.flat().length));
    await ms('countsDueNow', () => Promise.all(['open', 'snoozed'].map((s) => range(s, tomorrow).count())));
    await ms('countsUntil', () => Promise.all(['open', 'snoozed'].map((s) => range(s, until).count())));
    await ms('countAll', () => db.followUps.count());
    await ms('deletedOpen', async () => (await range('open', Infinity).filter((f) => f.deletedAt !== null).count()));
  }
  if (what.includes('writeparts')) {
    const ids = (await db.customers.orderBy(':id').limit(10).primaryKeys()) as string[];
    const rows: unknown[] = [];
    for (const id of ids) {
      const n = await db.interactions.where('[customerId+occurredAt]').between([id, -Infinity], [id, Infinity]).count();
      const f = await db.followUps.where('customerId').equals(id).count();
      let t0 = performance.now();
      await regenerateFollowUps(ctx, id);
      const replan = Math.round(performance.now() - t0);
      t0 = performance.now();
      const c = await db.customers.get(id);
      const get = Math.round(performance.now() - t0);
      t0 = performance.now();
      await db.transaction('rw', [db.customers, db.interactions, db.audit], async () => { await db.customers.put(c!); });
      const put = Math.round(performance.now() - t0);
      rows.push({ id, interactions: n, followUps: f, replan, get, put });
    }
    out.writeparts = rows;
  }
  if (what.includes('durability')) {
    // Raw IndexedDB: one put per readwrite transaction, by durability (an fsync per commit when strict).
    const idb = await new Promise<IDBDatabase>((res, rej) => { const o = indexedDB.open('cardfile'); o.onsuccess = () => res(o.result); o.onerror = () => rej(o.error); });
    const rows: Record<string, number[]> = {};
    for (const d of ['relaxed', 'strict', 'default', 'relaxed', 'strict'] as const) {
      const times: number[] = [];
      for (let k = 0; k < 6; k++) {
        const t0 = performance.now();
        await new Promise<void>((res, rej) => {
          const tx = idb.transaction('audit', 'readwrite', { durability: d });
          tx.objectStore('audit').put({ id: `zzzz-probe-${d}-${k}`, at: 0, who: '', entity: 'customer', entityId: 'probe', action: 'update', fields: [] });
          tx.oncomplete = () => res();
          tx.onerror = () => rej(tx.error);
        });
        times.push(Math.round(performance.now() - t0));
      }
      rows[`${d}-${Object.keys(rows).length}`] = times;
    }
    await new Promise<void>((res) => { const tx = idb.transaction('audit', 'readwrite'); tx.objectStore('audit').delete(IDBKeyRange.lowerBound('zzzz-probe')); tx.oncomplete = () => res(); });
    idb.close();
    out.durability = rows;
  }
  if (what.includes('writes')) {
    const ids = (await db.customers.orderBy(':id').limit(10).primaryKeys()) as string[];
    const t = Date.now();
    const made: string[] = [];
    const times: number[] = [];
    for (const id of ids) {
      const t0 = performance.now();
      made.push((await addInteraction(ctx, { customerId: id, type: 'note', direction: 'none', occurredAt: Date.now(), content: 'probe write' })).id);
      times.push(Math.round(performance.now() - t0));
    }
    out.writes = times;
    for (const id of made) await deleteInteraction(ctx, id);
    await db.interactions.bulkDelete(made);
    await db.audit.where(':id').aboveOrEqual(idFloor(t)).delete();
  }
  return out;
}
