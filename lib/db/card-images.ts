import { cardImageSchema, newId, type CardImage, type CardImageInput } from '../domain';
import { audit, type RepoContext } from './context';
import { NotFoundError, parseOrThrow } from './errors';

/**
 * Keep a scanned card's image(s) on a customer: one transaction, validated, audited as an update of
 * the customer's `cardImage`. Earlier images of the same side are replaced (a re-scan keeps one).
 */
export async function attachCardImages(ctx: RepoContext, customerId: string, images: CardImageInput[]): Promise<CardImage[]> {
  const settings = await ctx.settings();
  const now = ctx.now();
  const records = images.map((i) => parseOrThrow(cardImageSchema, { ...i, id: newId(), customerId, createdAt: now }));
  if (!records.length) return [];
  await ctx.db.transaction('rw', ctx.db.customers, ctx.db.cardImages, ctx.db.audit, async () => {
    if (!(await ctx.db.customers.get(customerId))) throw new NotFoundError('customer', customerId);
    const sides = new Set(records.map((r) => r.side));
    await ctx.db.cardImages.where('customerId').equals(customerId).filter((r) => sides.has(r.side)).delete();
    await ctx.db.cardImages.bulkAdd(records);
    await audit(ctx, settings.userName, { entity: 'customer', entityId: customerId, action: 'update', fields: ['cardImage'] });
  });
  return records;
}

/** The card images kept on a customer (front first). */
export async function cardImagesOf(ctx: RepoContext, customerId: string): Promise<CardImage[]> {
  const all = await ctx.db.cardImages.where('customerId').equals(customerId).toArray();
  return all.sort((a, b) => (a.side === b.side ? a.createdAt - b.createdAt : a.side === 'front' ? -1 : 1));
}

/** Remove the card images of a customer (the user's choice on the card). */
export async function removeCardImages(ctx: RepoContext, customerId: string): Promise<number> {
  const settings = await ctx.settings();
  return ctx.db.transaction('rw', ctx.db.cardImages, ctx.db.audit, async () => {
    const n = await ctx.db.cardImages.where('customerId').equals(customerId).delete();
    if (n) await audit(ctx, settings.userName, { entity: 'customer', entityId: customerId, action: 'update', fields: ['cardImage'] });
    return n;
  });
}
