import { describe, expect, it } from 'vitest';
import { DEVICE_TABLES } from '../../lib/sync/tables';
import { addFollowUp, addInteraction, attachCardImages, createCustomer, softDeleteCustomer, updateCustomer } from '../../lib/db';
import { backupTables, exportBackup, parseBackup, previewRestore, restoreBackup } from '../../lib/db/backup';
import type { Settings } from '../../lib/domain';
import { freshContext } from '../db/helpers';

async function seeded() {
  const ctx = freshContext({ settings: { userName: 'Li Na', currency: 'USD', maskContacts: true } });
  const a = await createCustomer(ctx, {
    name: '张伟', company: '上海云帆', emails: [{ value: 'zw@yunfan.cn', label: 'work' }], phones: [{ raw: '138 0013 8000', label: 'mobile' }],
    birthday: { month: 4, day: 15 }, tags: ['高价值'], customFields: { 微信群: '华东' }, needs: { summary: 'CRM', budget: '10万', decisionRole: 'decision-maker' },
    companySize: { employees: '50-99', annualRevenue: '' }, annualValue: 600_000, signedAt: 1_700_000_000_000, reviewedAt: 1_700_000_000_001,
  });
  ctx.clock.now += 1000;
  await updateCustomer(ctx, a.id, { title: '总监' });
  const b = await createCustomer(ctx, { name: 'Ada', social: [{ network: 'linkedin', handle: 'ada' }] });
  await softDeleteCustomer(ctx, b.id);
  await addInteraction(ctx, { customerId: a.id, type: 'purchase', occurredAt: 1_700_000_000_000, amount: 1200.5, currency: 'CNY', satisfaction: 4, nextStep: { text: 'call', dueAt: 1_800_000_000_000 } });
  await addFollowUp(ctx, { customerId: a.id, dueAt: 1_800_000_000_000, reason: 'manual', ruleKey: `manual:${a.id}:1`, note: 'x' });
  // A scanned card's image kept on the customer is in the backup too.
  await attachCardImages(ctx, a.id, [{ side: 'front', mime: 'image/jpeg', data: '/9j/4AAQSkZJRg==', width: 1050, height: 600 }]);
  return ctx;
}

describe('JSON backup', () => {
  it('covers every table of the database', async () => {
    const ctx = freshContext();
    // The team-sync tables are this device's state, not data (lib/sync/tables.ts).
    const data = ctx.db.tables.map((t) => t.name).filter((n) => !(DEVICE_TABLES as readonly string[]).includes(n));
    expect(data.sort()).toEqual(Object.keys(backupTables).sort());
  });

  it('backup → JSON → restore into an empty db → backup gives back every record field for field, and the settings', async () => {
    const ctx = await seeded();
    const backup = await exportBackup(ctx);
    expect(backup.tables.customers).toHaveLength(2);
    expect(backup.tables.audit.length).toBeGreaterThan(3);
    const json = JSON.parse(JSON.stringify(backup)) as unknown;
    const empty = freshContext();
    let saved: Settings | undefined;
    const preview = await restoreBackup(empty, json, { mode: 'replace', saveSettings: async (s) => { saved = s; } });
    // Writes plan follow-ups by rule (lib/db/plan.ts) besides the one manual follow-up.
    expect(preview.incoming).toEqual({ customers: 2, interactions: 1, followUps: backup.tables.followUps.length, audit: backup.tables.audit.length, auditCampaigns: 0, auditChecks: 0, cardImages: 1 });
    expect(backup.tables.cardImages[0]).toMatchObject({ customerId: backup.tables.customers.find((c) => c.name === '张伟')!.id, width: 1050 });
    expect(backup.tables.followUps.length).toBeGreaterThan(1);
    expect(backup.tables.followUps.some((f) => f.note === 'x')).toBe(true);
    expect(preview.replaced).toEqual({ customers: 0, interactions: 0, followUps: 0, audit: 0, auditCampaigns: 0, auditChecks: 0, cardImages: 0 });
    const again = await exportBackup({ ...empty, settings: async () => saved! });
    expect(again.tables).toEqual(backup.tables);
    expect(again.settings).toEqual(backup.settings);
    expect(saved).toMatchObject({ userName: 'Li Na', currency: 'USD', maskContacts: true });
  });

  it('preview counts what a replace would delete; a replace leaves only the backup', async () => {
    const ctx = await seeded();
    const backup = JSON.parse(JSON.stringify(await exportBackup(ctx))) as unknown;
    const other = freshContext();
    await createCustomer(other, { name: 'Will be replaced' });
    expect((await previewRestore(other, backup)).replaced).toMatchObject({ customers: 1, audit: 1 });
    await restoreBackup(other, backup, { mode: 'replace' });
    expect((await other.db.customers.toArray()).map((c) => c.name).sort()).toEqual(['Ada', '张伟']);
  });

  it.each([
    ['not a backup', { hello: 1 }, /format/],
    ['a newer format', { format: 'cardfile-backup', version: 2 }, /version/],
    ['a bad record', 'bad-record', /tables\.customers\.0\.rev/],
  ])('refuses %s and leaves the database untouched', async (_label, json, message) => {
    const ctx = await seeded();
    const backup = JSON.parse(JSON.stringify(await exportBackup(ctx))) as { tables: { customers: { rev: unknown }[] } };
    backup.tables.customers[0]!.rev = 'two';
    const input = json === 'bad-record' ? backup : json;
    const target = freshContext();
    await createCustomer(target, { name: 'Keep me' });
    await expect(restoreBackup(target, input, { mode: 'replace' })).rejects.toThrow(message);
    expect(() => parseBackup(input)).toThrow(/not a valid Cardfile backup/);
    expect((await target.db.customers.toArray()).map((c) => c.name)).toEqual(['Keep me']);
  });
});

describe('backups written before card images', () => {
  it('restore with the cardImages table empty', async () => {
    const ctx = await seeded();
    const json = JSON.parse(JSON.stringify(await exportBackup(ctx))) as { tables: Record<string, unknown> };
    delete json.tables.cardImages;
    const empty = freshContext();
    const preview = await restoreBackup(empty, json, { mode: 'replace', saveSettings: async () => {} });
    expect(preview.incoming.cardImages).toBe(0);
    expect(await empty.db.customers.count()).toBe(2);
  });
});
