import { describe, expect, it } from 'vitest';
import { addInteraction, createCustomer } from '../../lib/db';
import {
  blobTextSource, exportBackup, exportBackupBlob, previewBackupSource, restoreBackupSource, textSource, writeBackup, type TextSource,
} from '../../lib/db/backup';
import { freshContext } from '../db/helpers';

type Ctx = ReturnType<typeof freshContext>;

/** 7 customers (names with Chinese characters, so UTF-8 sequences straddle slice edges), 2 interactions each. */
async function seeded(): Promise<Ctx> {
  const ctx = freshContext({ settings: { userName: 'Li Na' } });
  for (let i = 0; i < 7; i++) {
    const c = await createCustomer(ctx, { name: `客户 ${i} 张伟`, emails: [{ value: `c${i}@example.cn` }], notes: `line "${i}"\n\\ end` });
    await addInteraction(ctx, { customerId: c.id, type: 'call', occurredAt: ctx.clock.now - i, content: `通话 ${i}` });
    await addInteraction(ctx, { customerId: c.id, type: 'email', occurredAt: ctx.clock.now - i - 1 });
    ctx.clock.now += 1000;
  }
  return ctx;
}

async function target(): Promise<Ctx> {
  const ctx = freshContext();
  await createCustomer(ctx, { name: 'Keep me' });
  return ctx;
}

const names = async (ctx: Ctx) => (await ctx.db.customers.toArray()).map((c) => c.name).sort();
const counts = async (ctx: Ctx) => Promise.all((['customers', 'interactions', 'followUps', 'audit'] as const).map((t) => ctx.db.table(t).count()));

/** The backup's text with one record replaced: `edit` gets the parsed backup. */
async function edited(ctx: Ctx, edit: (b: { tables: Record<string, Record<string, unknown>[]> }) => void): Promise<string> {
  const b = JSON.parse(JSON.stringify(await exportBackup(ctx))) as { tables: Record<string, Record<string, unknown>[]> };
  edit(b);
  return JSON.stringify(b);
}

describe('streamed JSON backup', () => {
  it.each([1, 2, 3, 5000])('writes the same text as one JSON.stringify of the whole backup (pages of %i)', async (pageSize) => {
    const ctx = await seeded();
    const pieces: string[] = [];
    const r = await writeBackup(ctx, (t) => { pieces.push(t); }, { pageSize });
    expect(pieces.join('')).toBe(JSON.stringify(await exportBackup(ctx)));
    expect(r.counts).toMatchObject({ customers: 7, interactions: 14 });
    if (pageSize === 2) expect(pieces.length).toBeGreaterThan(10); // really page by page
  });

  it.each([
    ['pages of 2, slices of 7 bytes', 2, 7],
    ['pages of 3, slices of 64 bytes', 3, 64],
    ['one page, one slice', 5000, 1 << 20],
  ])('backup Blob → preview → restore gives back every record (%s)', async (_n, pageSize, slice) => {
    const ctx = await seeded();
    const { blob, counts: written } = await exportBackupBlob(ctx, { pageSize });
    const into = await target();
    const source = blobTextSource(blob, slice);
    const preview = await previewBackupSource(into, source, { pageSize });
    expect(preview.incoming).toEqual(written);
    expect(preview.replaced).toMatchObject({ customers: 1 });
    expect(await names(into)).toEqual(['Keep me']); // the preview writes nothing
    const progress: [number, number][] = [];
    const total = Object.values(preview.incoming).reduce((a, b) => a + b, 0);
    let saved: unknown;
    await restoreBackupSource(into, source, { mode: 'replace', total, pageSize, onProgress: (d, t) => progress.push([d, t]), saveSettings: async (s) => { saved = s; } });
    for (const t of ['customers', 'interactions', 'followUps', 'audit'] as const) {
      expect(await into.db.table(t).toArray()).toEqual(await ctx.db.table(t).toArray());
    }
    expect(saved).toMatchObject({ userName: 'Li Na' });
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.map(([d]) => d)).toEqual([...progress.map(([d]) => d)].sort((a, b) => a - b));
    if (pageSize === 2) expect(progress.length).toBeGreaterThan(10);
  });

  it('reads a backup written before streaming (one JSON.stringify, pretty-printed too)', async () => {
    const ctx = await seeded();
    const into = await target();
    const text = JSON.stringify(await exportBackup(ctx), null, 2);
    await restoreBackupSource(into, blobTextSource(new Blob([text]), 100), { mode: 'replace', pageSize: 2 });
    expect(await counts(into)).toEqual(await counts(ctx));
  });

  it.each([
    ['a bad record in the middle of a table', (b: { tables: Record<string, Record<string, unknown>[]> }) => { b.tables.customers![5]!.rev = 'two'; }, /tables\.customers\.5\.rev/],
    ['a bad record in a later table', (b: { tables: Record<string, Record<string, unknown>[]> }) => { b.tables.interactions![9]!.type = 'telepathy'; }, /tables\.interactions\.9\.type/],
    ['a table missing', (b: { tables: Record<string, Record<string, unknown>[]> }) => { delete b.tables.audit; }, /tables\.audit/],
    ['a duplicate id (caught before any write)', (b: { tables: Record<string, Record<string, unknown>[]> }) => { b.tables.customers![6]!.id = b.tables.customers![0]!.id; }, /customers\.6: the same id as record 0/],
  ])('%s: nothing is written, the database is as it was', async (_n, edit, message) => {
    const ctx = await seeded();
    const into = await target();
    const before = await counts(into);
    const source: TextSource = blobTextSource(new Blob([await edited(ctx, edit)]), 50);
    await expect(restoreBackupSource(into, source, { mode: 'replace', pageSize: 2 })).rejects.toThrow(message);
    expect(await names(into)).toEqual(['Keep me']);
    expect(await counts(into)).toEqual(before);
  });

  it.each([
    ['cut off in the middle', (t: string) => t.slice(0, Math.floor(t.length * 0.6)), /not JSON/],
    ['not JSON at all', () => 'hello', /not JSON/],
    ['another format', (t: string) => t.replace('"cardfile-backup"', '"other"'), /format/],
    ['a newer database', (t: string) => t.replace(/"dbVersion":\d+/, '"dbVersion":99'), /newer Cardfile/],
  ])('a file %s is refused by the preview and by the restore', async (_n, damage, message) => {
    const ctx = await seeded();
    const into = await target();
    const source = textSource(damage(JSON.stringify(await exportBackup(ctx))));
    await expect(previewBackupSource(into, source, { pageSize: 2 })).rejects.toThrow(message);
    await expect(restoreBackupSource(into, source, { mode: 'replace', pageSize: 2 })).rejects.toThrow(message);
    expect(await names(into)).toEqual(['Keep me']);
  });
});
