// Saving a clip from the review form: new cards, updates of matched ones, extra contacts and the
// email on the timeline, as ONE transaction (all or nothing) — it used to be three writes in
// components/sidepanel/ReviewView.tsx.
import { patchFor, toCustomerInput, type DiffField } from '../capture/review';
import type { RepoContext } from '../db/context';
import { createCustomer, getCustomer, updateCustomer } from '../db/customers';
import { NotFoundError } from '../db/errors';
import { attachCardImages } from '../db/card-images';
import type { CardImageInput } from '../domain/card-image';
import { addInteraction } from '../db/interactions';
import type { CaptureDraft, ContactDraft } from '../domain/contact-draft';
import type { Customer } from '../domain/customer';
import { emailKey } from '../domain/identity';
import { inOneTransaction } from './run';

/** One contact of the clip as the user left it in the review form. */
export interface ClipContact {
  contact: ContactDraft;
  /** The card to update, or undefined for a new card. */
  targetId?: string;
  /** The `rev` of that card the review showed: a change made elsewhere since is a ConflictError. */
  targetRev?: number;
  /** The fields of the diff the user ticked (only these change on an existing card). */
  ticked: ReadonlySet<DiffField>;
}

export interface ClipSave {
  /** The selected contacts, in the review's order; the first one is the email's sender. */
  contacts: ClipContact[];
  /** Whether the first selected contact is the clip's first contact (the email is logged on it only then). */
  firstIsSender: boolean;
  draft: Pick<CaptureDraft, 'provider' | 'interaction'>;
  /** The region phones without a country code are read with (the user's default). */
  region: string;
  /** A scanned card's images, kept on the first saved card (same transaction: card and image or neither). */
  images?: CardImageInput[];
}

export interface ClipResult {
  /** The card the side panel opens afterwards (the first saved). */
  mainId?: string;
  saved: Customer[];
}

/**
 * Save a reviewed clip: each contact creates a card or updates its matched one (ticked fields
 * only; lists gain what they lack, never a duplicate), and a captured email is logged on the
 * sender's card, once per messageId. Two new contacts sharing an address become one card. A scanned
 * card's images go on the first saved card.
 */
export function saveClip(ctx: RepoContext, clip: ClipSave): Promise<ClipResult> {
  const source = clip.draft.interaction ? 'email-capture' : clip.draft.provider === 'image' ? 'card-scan' : 'web-capture';
  return inOneTransaction(ctx, async (tx) => {
    const saved: Customer[] = [];
    const createdByEmail = new Map<string, string>();
    for (const [i, row] of clip.contacts.entries()) {
      let card: Customer;
      const sameAsCreated = row.contact.emails.map((e) => createdByEmail.get(emailKey(e.value))).find(Boolean);
      const targetId = row.targetId ?? sameAsCreated;
      if (targetId) {
        const existing = await findCard(tx, targetId);
        const ticked = row.targetId ? row.ticked : allFields;
        card = await updateCustomer(tx, targetId, patchFor(existing, row.contact, ticked, clip.region), row.targetId ? row.targetRev : undefined);
      } else {
        card = await createCustomer(tx, toCustomerInput(row.contact, source, clip.region));
        for (const e of card.emailKeys) createdByEmail.set(e, card.id);
      }
      const at = saved.findIndex((c) => c.id === card.id);
      if (at >= 0) saved[at] = card;
      else saved.push(card);
      const ix = clip.draft.interaction;
      if (i === 0 && clip.firstIsSender && ix) {
        // addInteraction dedupes by messageId: clipping the same message twice logs it once.
        await addInteraction(tx, {
          customerId: card.id, type: 'email', direction: ix.direction, occurredAt: ix.occurredAt ?? tx.now(),
          subject: (ix.subject ?? '').slice(0, 500), content: ix.snippet ?? '',
          source: { url: ix.url, provider: clip.draft.provider, messageId: ix.messageId },
        });
      }
    }
    const mainId = saved[0]?.id;
    if (mainId && clip.images?.length) await attachCardImages(tx, mainId, clip.images);
    return { mainId, saved };
  });
}

const allFields: ReadonlySet<DiffField> = new Set(['emails', 'phones', 'websites', 'addresses', 'social'] satisfies DiffField[]);

async function findCard(ctx: RepoContext, id: string): Promise<Customer> {
  const c = await getCustomer(ctx, id);
  if (!c) throw new NotFoundError('customer', id);
  return c;
}

