import { describe, expect, it } from 'vitest';
import { createCustomer, softDeleteCustomer } from '../../lib/db';
import { bulkChange } from '../../lib/workspace/bulk';
import { findDuplicates } from '../../lib/workspace/duplicates';
import { qualityIssues } from '../../lib/workspace/quality';
import { resolveViewIds } from '../../lib/workspace/query';
import { rfmScores, valueActivityMatrix } from '../../lib/workspace/stats';
import { emptyView, type ViewSpec } from '../../lib/workspace/view';
import { freshContext } from '../db/helpers';

async function seed() {
  const ctx = freshContext();
  const a = await createCustomer(ctx, { name: 'Ada', stage: 'active', tags: ['vip', 'price-sensitive'], owner: 'Li', industry: 'I', annualValue: 600_000 });
  const b = await createCustomer(ctx, { name: 'Bob', stage: 'negotiating', tags: ['vip'], owner: 'Li' });
  const c = await createCustomer(ctx, { name: 'Cy', stage: 'active', tags: ['price-sensitive'], owner: 'Wang', source: 'import' });
  const d = await createCustomer(ctx, { name: 'Dee', stage: 'active', tags: ['vip', 'price-sensitive'] });
  await softDeleteCustomer(ctx, d.id);
  return { ctx, a, b, c, d };
}

describe('workspace queries (indexes only)', () => {
  it.each<[string, Partial<ViewSpec>, string[]]>([
    ['everything, newest first', {}, ['Cy', 'Bob', 'Ada']],
    ['by name A→Z', { sort: 'name', desc: false }, ['Ada', 'Bob', 'Cy']],
    ['stage active', { stage: ['active'] }, ['Cy', 'Ada']],
    ['vip + price-sensitive (all tags)', { tags: ['vip', 'price-sensitive'] }, ['Ada']],
    ['owner Li and stage negotiating', { owner: ['Li'], stage: ['negotiating'] }, ['Bob']],
    ['source import', { source: ['import'] }, ['Cy']],
    ['industry I', { industry: ['I'] }, ['Ada']],
    ['name prefix', { namePrefix: 'b' }, ['Bob']],
    ['trash', { trash: true }, ['Dee']],
  ])('%s', async (_label, patch, names) => {
    const { ctx } = await seed();
    const ids = await resolveViewIds(ctx, { ...emptyView(), ...patch });
    const cards = await ctx.db.customers.bulkGet(ids);
    expect(cards.map((c) => c!.name)).toEqual(names);
  });

  it('bulk edit changes stage, tags and owner in one transaction with audit and rev; delete and restore', async () => {
    const { ctx, a, b } = await seed();
    expect(await bulkChange(ctx, [a.id, b.id], { kind: 'stage', stage: 'renewed' })).toBe(2);
    expect(await bulkChange(ctx, [a.id, b.id], { kind: 'addTag', tag: 'key-account' })).toBe(2);
    expect(await bulkChange(ctx, [a.id], { kind: 'owner', owner: 'Zhao' })).toBe(1);
    expect(await bulkChange(ctx, [a.id], { kind: 'stage', stage: 'renewed' })).toBe(0);
    const after = await ctx.db.customers.get(a.id);
    expect(after).toMatchObject({ stage: 'renewed', owner: 'Zhao', tags: ['vip', 'price-sensitive', 'key-account'], rev: 4 });
    await bulkChange(ctx, [a.id, b.id], { kind: 'delete' });
    expect(await resolveViewIds(ctx, { ...emptyView(), trash: true })).toHaveLength(3);
    await bulkChange(ctx, [a.id], { kind: 'restore' });
    expect(await resolveViewIds(ctx, emptyView())).toHaveLength(2);
    const audit = await ctx.db.audit.where('[entity+entityId]').equals(['customer', a.id]).toArray();
    expect(audit.map((e) => e.action)).toEqual(['create', 'update', 'update', 'update', 'delete', 'restore']);
  });

  it('finds duplicates by email, phone and name + similar company, ignoring deleted cards', async () => {
    const ctx = freshContext();
    const x = await createCustomer(ctx, { name: '张伟', company: '上海云帆科技有限公司', emails: [{ value: 'zw@yunfan.cn' }] });
    const y = await createCustomer(ctx, { name: '张 伟', company: '上海云帆科技' });
    const z = await createCustomer(ctx, { name: 'Z. Wei', emails: [{ value: 'ZW@yunfan.cn' }], phones: [{ raw: '13800138000' }] });
    const w = await createCustomer(ctx, { name: 'Wei', phones: [{ raw: '+86 138 0013 8000' }] });
    const gone = await createCustomer(ctx, { name: 'Old', phones: [{ raw: '13800138000' }] });
    await softDeleteCustomer(ctx, gone.id);
    await createCustomer(ctx, { name: '张伟', company: '北京另一家公司' });
    const groups = await findDuplicates(ctx);
    const sets = groups.map((g) => [g.reason, [...g.ids].sort().join()]);
    expect(sets).toEqual([
      ['email', [x.id, z.id].sort().join()],
      ['phone', [z.id, w.id].sort().join()],
      ['name', [x.id, y.id].sort().join()],
    ]);
  });

  it('quality checks, matrix and RFM', async () => {
    const ctx = freshContext({ now: Date.UTC(2026, 0, 1) });
    const c = await createCustomer(ctx, { name: 'A', phones: [{ raw: '12' }], customFields: { 'email (unverified)': 'x@y' } });
    expect(qualityIssues(c, Date.UTC(2026, 0, 2))).toEqual(['missingCompany', 'invalidPhone', 'invalidEmail']);
    expect(qualityIssues(c, Date.UTC(2026, 8, 1))).toContain('stale');
    expect(valueActivityMatrix([c])[3]).toEqual([0, 0, 0, 1]);
    const rich = { ...c, id: 'r', value: 900, lastInteractionAt: Date.UTC(2025, 11, 30) };
    const rows = rfmScores([c, rich], new Map([['r', 12]]), Date.UTC(2026, 0, 1));
    expect(rows[0]).toMatchObject({ id: 'r', r: 5, f: 5, m: 5 });
  });
});
