import { describe, expect, it } from 'vitest';
import {
  addInteraction, createCustomer, findByEmail, findByPhone, mergeCustomers, restoreCustomer, softDeleteCustomer,
  timeline, updateCustomer, ValidationError, ConflictError,
} from '../../lib/db';
import { freshContext } from './helpers';

describe('customer repository', () => {
  it('creates a customer with record fields, E.164 phones, lookup keys and an audit entry', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, {
      name: '张伟',
      company: '上海云帆科技有限公司',
      emails: [{ value: ' Zhang.Wei@YunFan.cn ', label: 'work' }],
      phones: [{ raw: '138 0013 8000', label: 'mobile' }],
      birthday: { month: 2, day: 29 },
    });
    expect(c.rev).toBe(1);
    expect(c.deletedAt).toBeNull();
    expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(c.phones[0]).toEqual({ raw: '138 0013 8000', label: 'mobile', e164: '+8613800138000' });
    expect(c.emailKeys).toEqual(['zhang.wei@yunfan.cn']);
    expect((await findByEmail(ctx, 'ZHANG.wei@yunfan.cn')).map((x) => x.id)).toEqual([c.id]);
    expect((await findByPhone(ctx, '+8613800138000')).map((x) => x.id)).toEqual([c.id]);
    const audit = await ctx.db.audit.toArray();
    expect(audit).toMatchObject([{ entity: 'customer', entityId: c.id, action: 'create', who: 'tester' }]);
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ name: '  ' }, 'name'],
    [{ name: 'A', emails: [{ value: 'not-an-email' }] }, 'emails.0.value'],
    [{ name: 'A', birthday: { month: 2, day: 30 } }, 'birthday.day'],
    [{ name: 'A', phones: [{ raw: '' }] }, 'phones.0.raw'],
  ])('refuses %j naming the field %s and saves nothing', async (input, path) => {
    const ctx = freshContext();
    const error = await createCustomer(ctx, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
    expect(await ctx.db.customers.count()).toBe(0);
    expect(await ctx.db.audit.count()).toBe(0);
  });

  it('updates bump rev, audit the changed field names, and refuse stale revisions', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: 'Ada Lovelace' });
    ctx.clock.now += 1000;
    const u = await updateCustomer(ctx, c.id, { title: 'CTO', tags: ['vip'] }, 1);
    expect(u).toMatchObject({ rev: 2, title: 'CTO', tags: ['vip'], updatedAt: c.createdAt + 1000 });
    const entries = await ctx.db.audit.where('[entity+entityId]').equals(['customer', c.id]).toArray();
    expect(entries.at(-1)).toMatchObject({ action: 'update', fields: ['tags', 'title'] });
    await expect(updateCustomer(ctx, c.id, { title: 'CEO' }, 1)).rejects.toBeInstanceOf(ConflictError);
  });

  it('soft-deletes and restores', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: 'Ada', emails: [{ value: 'ada@example.com' }] });
    await softDeleteCustomer(ctx, c.id);
    expect(await findByEmail(ctx, 'ada@example.com')).toEqual([]);
    const r = await restoreCustomer(ctx, c.id);
    expect(r.deletedAt).toBeNull();
    expect(r.rev).toBe(3);
  });

  it('logs interactions newest first and dedupes a captured email by messageId', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: 'Ada' });
    const base = { customerId: c.id, type: 'email' as const, source: { url: 'https://mail.google.com/x', provider: 'gmail', messageId: '<m1@x>' } };
    const a = await addInteraction(ctx, { ...base, occurredAt: 1000 });
    const again = await addInteraction(ctx, { ...base, occurredAt: 1000 });
    expect(again.id).toBe(a.id);
    await addInteraction(ctx, { customerId: c.id, type: 'call', occurredAt: 2000 });
    expect((await timeline(ctx, c.id)).map((i) => i.occurredAt)).toEqual([2000, 1000]);
    expect((await ctx.db.customers.get(c.id))?.lastInteractionAt).toBe(2000);
  });

  it('merges two cards keeping every interaction', async () => {
    const ctx = freshContext();
    const keep = await createCustomer(ctx, { name: 'Ada', emails: [{ value: 'ada@a.com' }], title: '' });
    const drop = await createCustomer(ctx, { name: 'Ada L.', emails: [{ value: 'ada@b.com' }], title: 'CTO' });
    await addInteraction(ctx, { customerId: drop.id, type: 'call', occurredAt: 5 });
    const merged = await mergeCustomers(ctx, keep.id, drop.id);
    expect(merged.name).toBe('Ada');
    expect(merged.title).toBe('CTO');
    expect(merged.emailKeys).toEqual(['ada@a.com', 'ada@b.com']);
    expect(await timeline(ctx, keep.id)).toHaveLength(1);
    expect((await ctx.db.customers.get(drop.id))?.deletedAt).not.toBeNull();
  });
});
