// @vitest-environment node
// Node, not happy-dom: happy-dom applies browser CORS to fetch; the extension has host permission instead.
import { describe, expect, it } from 'vitest';
import { addInteraction, softDeleteCustomer, updateCustomer } from '../../lib/db';
import { CouchError, dbPath } from '../../lib/sync/couch';
import { adminCouch, haveCouch, skipMessage } from './couch-env';
import { card, device, makeTeam, settle } from './helpers';

// Two devices, one real CouchDB, each editing while the other is away (offline = not syncing).
describe.skipIf(!haveCouch)('team sync against a real CouchDB', { timeout: 60_000 }, () => {
  it('different fields of one card edited on two devices offline both survive', async () => {
    const team = await makeTeam({ ann: 'admin', bob: 'editor' });
    const a = await device(team, 'ann');
    const b = await device(team, 'bob');
    const c = await card(a, 'Li Wei', { company: 'Acme' });
    await settle(a, b);
    expect((await b.ctx.db.customers.get(c.id))?.company).toBe('Acme');
    // Offline on both sides.
    a.ctx.clock.now += 1000;
    await updateCustomer(a.ctx, c.id, { title: 'CTO' });
    b.ctx.clock.now += 2000;
    await updateCustomer(b.ctx, c.id, { company: 'Acme Ltd' });
    await settle(a, b);
    for (const d of [a, b]) {
      const got = await d.ctx.db.customers.get(c.id);
      expect(got?.title).toBe('CTO');
      expect(got?.company).toBe('Acme Ltd');
      expect(await d.ctx.db.syncConflicts.count()).toBe(0);
    }
  });

  it('the same field edited on both sides: one value everywhere, the other kept as a conflict', async () => {
    const team = await makeTeam({ ann: 'admin', bob: 'editor' });
    const a = await device(team, 'ann');
    const b = await device(team, 'bob');
    const c = await card(a, 'Zhang San');
    await settle(a, b);
    a.ctx.clock.now += 1000;
    await updateCustomer(a.ctx, c.id, { title: 'Buyer' });
    b.ctx.clock.now += 5000; // later edit wins
    await updateCustomer(b.ctx, c.id, { title: 'Head of Purchasing' });
    await settle(a, b);
    for (const d of [a, b]) {
      expect((await d.ctx.db.customers.get(c.id))?.title).toBe('Head of Purchasing');
      const row = await d.ctx.db.syncConflicts.get(`customer:${c.id}`);
      expect(row?.items).toEqual([expect.objectContaining({ field: 'title', value: 'Buyer', author: a.name })]);
    }
  });

  it('a tag added on one device and another removed on the other both apply', async () => {
    const team = await makeTeam({ ann: 'admin', bob: 'editor' });
    const a = await device(team, 'ann');
    const b = await device(team, 'bob');
    const c = await card(a, 'Wang Fang', { tags: ['vip', 'trade-show'] });
    await settle(a, b);
    await updateCustomer(a.ctx, c.id, { tags: ['vip', 'trade-show', 'renewal'] });
    await updateCustomer(b.ctx, c.id, { tags: ['vip'] });
    await settle(a, b);
    for (const d of [a, b]) expect([...(await d.ctx.db.customers.get(c.id))!.tags].sort()).toEqual(['renewal', 'vip']);
  });

  it('deleted on one device, edited on the other: in the Trash with the edit kept, flagged', async () => {
    const team = await makeTeam({ ann: 'admin', bob: 'editor' });
    const a = await device(team, 'ann');
    const b = await device(team, 'bob');
    const c = await card(a, 'Chen Jie');
    await settle(a, b);
    await softDeleteCustomer(a.ctx, c.id);
    await updateCustomer(b.ctx, c.id, { notes: 'called back, wants a quote' });
    await settle(a, b);
    for (const d of [a, b]) {
      const got = await d.ctx.db.customers.get(c.id);
      expect(got?.deletedAt).not.toBeNull();
      expect(got?.notes).toBe('called back, wants a quote');
      expect((await d.ctx.db.syncConflicts.get(`customer:${c.id}`))?.items.map((i) => i.field)).toEqual(['deletedAt']);
    }
  });

  it('idle rounds create no new revisions and write nothing locally', async () => {
    const team = await makeTeam({ ann: 'admin', bob: 'editor' });
    const a = await device(team, 'ann');
    const b = await device(team, 'bob');
    const c = await card(a, 'Idle Co');
    await addInteraction(a.ctx, { customerId: c.id, type: 'call', occurredAt: a.ctx.clock.now - 86_400_000 });
    await settle(a, b);
    const seq = (await adminCouch().request<{ update_seq: string }>('GET', dbPath(team.db))).update_seq;
    const snap = async (d: typeof a) => JSON.stringify(await Promise.all([d.ctx.db.customers.toArray(), d.ctx.db.syncMeta.toArray(), d.ctx.db.audit.count(), d.ctx.db.outbox.count(), d.ctx.db.followUps.toArray()]));
    const before = [await snap(a), await snap(b)];
    for (let i = 0; i < 3; i++) { await a.engine.round(); await b.engine.round(); }
    expect((await adminCouch().request<{ update_seq: string }>('GET', dbPath(team.db))).update_seq).toBe(seq);
    expect([await snap(a), await snap(b)]).toEqual(before);
  });

  it("a viewer's push is refused by the server and shown as refused", async () => {
    const team = await makeTeam({ ann: 'admin', vic: 'viewer' });
    const a = await device(team, 'ann');
    const v = await device(team, 'vic');
    const c = await card(a, 'Read Only Ltd');
    await settle(a, v);
    expect((await v.ctx.db.customers.get(c.id))?.name).toBe('Read Only Ltd');
    await updateCustomer(v.ctx, c.id, { title: 'sneaky' });
    const r = await v.engine.push();
    expect(r.refused).toBe(1);
    expect(await v.engine.pending()).toEqual({ waiting: 0, refused: 1 });
    // The server still has the admin's version, and a retry does not loop.
    await a.engine.round();
    expect((await a.ctx.db.customers.get(c.id))?.title).toBe('');
    expect((await v.engine.push()).sent).toBe(0);
  });

  it('a forged author is refused', async () => {
    const team = await makeTeam({ ann: 'admin', bob: 'editor' });
    const b = await device(team, 'bob');
    const doc = { _id: 'customer:0193c000-0000-7000-8000-000000000001', type: 'customer', author: team.users.ann!.name,
      data: { id: '0193c000-0000-7000-8000-000000000001', name: 'Forged', createdAt: 1, updatedAt: 1, deletedAt: null } };
    await expect(b.couch.request('PUT', `${dbPath(team.db)}/${doc._id}`, doc)).rejects.toSatisfy((e) => e instanceof CouchError && e.refused);
    // A viewer cannot make herself editor either: _security is refused.
    await expect(b.couch.request('PUT', `${dbPath(team.db)}/_security`, { members: { names: [b.name] }, admins: { names: [b.name] } })).rejects.toSatisfy((e) => e instanceof CouchError && e.refused);
  });

  it("a second member's first pull gets every card, its history and derived tiers", async () => {
    const team = await makeTeam({ ann: 'admin', bob: 'editor' });
    const a = await device(team, 'ann');
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) ids.push((await card(a, `Customer ${i}`, { tags: i % 2 ? ['odd'] : [] })).id);
    for (let i = 0; i < 30; i++) await addInteraction(a.ctx, { customerId: ids[i]!, type: 'purchase', amount: 50_000, occurredAt: a.ctx.clock.now - i * 86_400_000 });
    await a.engine.round();
    const b = await device(team, 'bob');
    const progress: number[] = [];
    const r = await b.engine.pull({ onProgress: (p) => progress.push(p.done) });
    expect(r.pages).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(r.received);
    expect(await b.ctx.db.customers.count()).toBe(120);
    expect(await b.ctx.db.interactions.count()).toBe(30);
    for (const id of ids.slice(0, 5)) {
      const mine = await a.ctx.db.customers.get(id);
      const theirs = await b.ctx.db.customers.get(id);
      expect({ ...theirs, updatedAt: 0, rev: 0 }).toEqual({ ...mine, updatedAt: 0, rev: 0 });
    }
    expect((await b.ctx.db.customers.where('emailKeys').equals('customer7@example.com').toArray()).map((c) => c.id)).toEqual([ids[7]]);
    expect(await b.ctx.db.outbox.count()).toBe(0);
    // Nothing to send back: the pull was not echoed.
    expect((await b.engine.push()).sent).toBe(0);
  });
});

describe.skipIf(haveCouch)('team sync', () => {
  it.skip(skipMessage, () => undefined);
});
