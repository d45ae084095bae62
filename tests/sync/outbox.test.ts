import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { addInteraction, createCustomer, updateCustomer } from '../../lib/db';
import { regenerateAll } from '../../lib/db/plan';
import { idFromKey } from '../../lib/domain';
import { markRemote } from '../../lib/sync/outbox';
import { freshContext } from '../db/helpers';

describe('the outbox, in the same transaction as each write', () => {
  it('records nothing while the database belongs to no team', async () => {
    const ctx = freshContext();
    await createCustomer(ctx, { name: 'Solo' });
    expect(await ctx.db.outbox.count()).toBe(0);
  });

  it('records every synced write, one row per record, and commits or aborts with it', async () => {
    const ctx = freshContext();
    await ctx.db.open(); // opening reads the team config (none here) into the switch
    ctx.db.sync.recording = true;
    const c = await createCustomer(ctx, { name: 'Team card' });
    await updateCustomer(ctx, c.id, { title: 'CTO' });
    await addInteraction(ctx, { customerId: c.id, type: 'call', occurredAt: ctx.clock.now });
    const keys = (await ctx.db.outbox.toArray()).map((r) => r.key.split(':')[0]);
    expect(keys.filter((k) => k === 'customer')).toHaveLength(1);
    expect(keys).toContain('interaction');
    // An aborted write leaves no outbox row behind.
    const before = await ctx.db.outbox.count();
    await expect(ctx.db.transaction('rw', ctx.db.customers, async () => {
      await ctx.db.customers.put({ ...c, id: 'aborted', name: 'x' });
      throw new Error('abort');
    })).rejects.toThrow('abort');
    expect(await ctx.db.outbox.count()).toBe(before);
  });

  it('changes applied from the server (a marked transaction) never enter it', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: 'Remote' });
    ctx.db.sync.recording = true;
    await ctx.db.transaction('rw', ctx.db.customers, async () => {
      markRemote(Dexie.currentTransaction);
      await ctx.db.customers.put({ ...c, title: 'from the server' });
    });
    expect(await ctx.db.outbox.count()).toBe(0);
  });

  it('a restore that clears a table records the removed ids', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: 'Gone' });
    ctx.db.sync.recording = true;
    await ctx.db.customers.clear();
    expect((await ctx.db.outbox.toArray()).map((r) => r.key)).toContain(`customer:${c.id}`);
  });

  it('generated follow-ups take their id from the rule key (two devices plan the same record)', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: 'Planned', birthday: { month: 12, day: 24 } });
    await regenerateAll(ctx);
    const fus = await ctx.db.followUps.toArray();
    expect(fus.length).toBeGreaterThan(0);
    for (const f of fus) expect(f.id).toBe(idFromKey(f.ruleKey));
    expect(c.id).not.toBe(idFromKey(c.id));
  });
});
