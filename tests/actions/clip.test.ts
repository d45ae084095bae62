import { describe, expect, it } from 'vitest';
import { saveClip, type ClipSave } from '../../lib/actions/clip';
import { createCustomer, timeline, updateCustomer } from '../../lib/db';
import { ConflictError } from '../../lib/db/errors';
import { contactDraftSchema, type ContactDraftInput } from '../../lib/domain';
import { freshContext } from '../db/helpers';

const contact = (d: ContactDraftInput) => contactDraftSchema.parse(d);
const email = { type: 'email' as const, direction: 'in' as const, subject: 'Quote for Q3', snippet: 'Hello…', url: 'https://mail.google.com/x', messageId: '<m1@yunfan.cn>', occurredAt: Date.UTC(2026, 10, 20) };
const clip = (contacts: ClipSave['contacts'], withEmail = true): ClipSave => ({
  contacts, firstIsSender: true, region: 'CN', draft: { provider: 'gmail', interaction: withEmail ? email : undefined },
});

describe('saveClip', () => {
  it('a new card: created from the contact, the email on its timeline', async () => {
    const ctx = freshContext();
    const r = await saveClip(ctx, clip([{ contact: contact({ name: '张伟', company: '云帆科技', emails: [{ value: 'Zhang.Wei@yunfan.cn' }], phones: [{ raw: '138 0013 8000' }] }), ticked: new Set() }]));
    expect(r.saved).toHaveLength(1);
    const card = (await ctx.db.customers.get(r.mainId!))!;
    expect(card).toMatchObject({ name: '张伟', company: '云帆科技', source: 'email-capture', emailKeys: ['zhang.wei@yunfan.cn'], phoneKeys: ['+8613800138000'] });
    const items = await timeline(ctx, card.id);
    expect(items.map((i) => [i.type, i.subject, i.source?.messageId])).toEqual([['email', 'Quote for Q3', '<m1@yunfan.cn>']]);
  });

  it('an update: only the ticked fields change, lists gain what they lack', async () => {
    const ctx = freshContext();
    const old = await createCustomer(ctx, { name: '张伟', company: '云帆', title: '经理', emails: [{ value: 'zhang.wei@yunfan.cn' }] });
    const c = contact({ name: '张伟', company: '上海云帆科技有限公司', title: '总监', emails: [{ value: 'zhang.wei@yunfan.cn' }, { value: 'zw@yunfan.cn' }] });
    await saveClip(ctx, clip([{ contact: c, targetId: old.id, targetRev: old.rev, ticked: new Set(['title', 'emails']) }]));
    const card = (await ctx.db.customers.get(old.id))!;
    expect(card.title).toBe('总监');
    expect(card.company).toBe('云帆'); // not ticked
    expect(card.emails.map((e) => e.value)).toEqual(['zhang.wei@yunfan.cn', 'zw@yunfan.cn']);
    expect(await ctx.db.customers.count()).toBe(1);
  });

  it('extra contacts: each its own card; the email only on the sender', async () => {
    const ctx = freshContext();
    const r = await saveClip(ctx, clip([
      { contact: contact({ name: 'Sender', emails: [{ value: 'a@x.test' }] }), ticked: new Set() },
      { contact: contact({ name: 'Cc One', emails: [{ value: 'b@x.test' }] }), ticked: new Set() },
      { contact: contact({ name: 'Cc Two', emails: [{ value: 'c@x.test' }] }), ticked: new Set() },
    ]));
    expect(r.saved.map((c) => c.name)).toEqual(['Sender', 'Cc One', 'Cc Two']);
    expect((await timeline(ctx, r.saved[0]!.id))).toHaveLength(1);
    expect((await timeline(ctx, r.saved[1]!.id))).toHaveLength(0);
  });

  it('dedupe: the same message clipped twice is logged once; two new contacts sharing an address make one card', async () => {
    const ctx = freshContext();
    const first = await saveClip(ctx, clip([{ contact: contact({ name: 'Ann', emails: [{ value: 'ann@x.test' }] }), ticked: new Set() }]));
    const card = first.saved[0]!;
    await saveClip(ctx, clip([{ contact: contact({ name: 'Ann', emails: [{ value: 'ann@x.test' }] }), targetId: card.id, targetRev: card.rev, ticked: new Set() }]));
    expect(await timeline(ctx, card.id)).toHaveLength(1);

    const r = await saveClip(ctx, clip([
      { contact: contact({ name: 'Bo', emails: [{ value: 'bo@y.test' }] }), ticked: new Set() },
      { contact: contact({ name: 'Bo Li', emails: [{ value: 'BO@y.test' }], phones: [{ raw: '+86 139 0000 0000' }] }), ticked: new Set() },
    ], false));
    expect(r.saved).toHaveLength(1);
    expect(r.saved[0]!.phoneKeys).toEqual(['+8613900000000']);
  });

  it('all or nothing: a bad contact later in the clip writes nothing at all', async () => {
    const ctx = freshContext();
    await expect(saveClip(ctx, clip([
      { contact: contact({ name: 'Good', emails: [{ value: 'good@x.test' }] }), ticked: new Set() },
      { contact: contact({ name: 'Bad', emails: [{ value: 'not an email' }] }), ticked: new Set() },
    ]))).rejects.toThrow();
    expect(await ctx.db.customers.count()).toBe(0);
    expect(await ctx.db.interactions.count()).toBe(0);
    expect(await ctx.db.audit.count()).toBe(0);
  });

  it('a card changed elsewhere since the review opened: ConflictError, nothing written', async () => {
    const ctx = freshContext();
    const old = await createCustomer(ctx, { name: 'Ann', emails: [{ value: 'ann@x.test' }] });
    await updateCustomer(ctx, old.id, { title: 'CEO' });
    const err = await saveClip(ctx, clip([{ contact: contact({ name: 'Ann', title: 'CTO' }), targetId: old.id, targetRev: old.rev, ticked: new Set(['title']) }])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).id).toBe(old.id);
    expect((await ctx.db.customers.get(old.id))!.title).toBe('CEO');
    expect(await ctx.db.interactions.count()).toBe(0);
  });
});
