import { describe, expect, it } from 'vitest';
import { attachCardImages, cardImagesOf, createCustomer, removeCardImages, ValidationError } from '../../lib/db';
import { freshContext } from './helpers';

const img = (side: 'front' | 'back', data = 'iVBORw0KGgo=') => ({ side, mime: 'image/png' as const, data, width: 100, height: 60 });

describe('card images on a customer', () => {
  it('are kept, one per side (a re-scan replaces), audited, and removed on request', async () => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, { name: '张伟' });
    await attachCardImages(ctx, c.id, [img('front'), img('back')]);
    await attachCardImages(ctx, c.id, [img('front', 'AAAA')]);
    const kept = await cardImagesOf(ctx, c.id);
    expect(kept.map((k) => [k.side, k.data])).toEqual([['front', 'AAAA'], ['back', 'iVBORw0KGgo=']]);
    expect((await ctx.db.audit.toArray()).filter((a) => a.fields.includes('cardImage'))).toHaveLength(2);
    expect(await removeCardImages(ctx, c.id)).toBe(2);
    expect(await cardImagesOf(ctx, c.id)).toEqual([]);
  });

  it('write nothing for an unknown customer or a bad image', async () => {
    const ctx = freshContext();
    await expect(attachCardImages(ctx, 'nope', [img('front')])).rejects.toThrow(/not found/);
    const c = await createCustomer(ctx, { name: 'Ada' });
    await expect(attachCardImages(ctx, c.id, [{ ...img('front'), mime: 'image/gif' as never }])).rejects.toBeInstanceOf(ValidationError);
    expect(await ctx.db.cardImages.count()).toBe(0);
  });
});
