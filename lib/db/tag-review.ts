import type { Customer } from '../domain';
import { DAY_MS } from '../domain/days';
import { reviewedCodeOf, reviewTags, type TagReview } from '../domain/tag-review';
import type { RepoContext } from './context';
import { deletedSet, narrow } from './practice-keys';

export interface TagSuggestion { customer: Pick<Customer, 'id' | 'name' | 'company' | 'tags' | 'owner'>; review: TagReview }

/**
 * Cards to look at in the quarterly tag review, a page at a time: first every card carrying a
 * behaviour tag (does it still hold?), then the cards active in the last quarter, most recent first
 * (new behaviour to tag). Candidates come from indexes; only a page of cards and their interactions
 * is read. Returns the suggestions of the page (cards with nothing to change are left out) and
 * where the next page starts.
 */
export async function tagReviewPage(
  ctx: RepoContext, tags: readonly string[], lang: 'zh-CN' | 'en', start = 0, size = 300,
): Promise<{ suggestions: TagSuggestion[]; next: number | undefined; candidates: number }> {
  const { db } = ctx;
  const now = ctx.now();
  const behaviour = tags.filter((t) => reviewedCodeOf(t));
  const [deleted, tagged, active] = await Promise.all([
    deletedSet(db),
    Promise.all(behaviour.map((t) => db.customers.where('tags').equals(t).primaryKeys())),
    db.customers.where('lastInteractionAt').aboveOrEqual(now - 91 * DAY_MS).reverse().primaryKeys(),
  ]);
  const ordered = narrow(new Set([...tagged.flatMap((l) => l as string[]), ...(active as string[])]), undefined, deleted);
  const ids = ordered.slice(start, start + size);
  const [cards, lists] = await db.transaction('r', db.customers, db.interactions, () => Promise.all([
    db.customers.bulkGet(ids),
    Promise.all(ids.map((id) => db.interactions.where('[customerId+occurredAt]').between([id, now - 366 * DAY_MS], [id, now], true, true).toArray())),
  ]));
  const suggestions = cards.flatMap((c, i) => {
    if (!c) return [];
    const review = reviewTags(c, lists[i]!, now, lang);
    return review.add.length || review.remove.length
      ? [{ customer: { id: c.id, name: c.name, company: c.company, tags: c.tags, owner: c.owner }, review }] : [];
  });
  return { suggestions, next: start + size < ordered.length ? start + size : undefined, candidates: ordered.length };
}


