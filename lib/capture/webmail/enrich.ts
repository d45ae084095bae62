import type { CaptureDraft, ContactDraft } from '../../domain/contact-draft';
import type { Address } from '../dom';
import { addAddress, addEmail, addPhone, addSocial, addWebsite, setField } from '../draft';
import { snippetOf } from '../dom';
import { parseSignature, replyText } from '../signature/index';

/** Fill the main contact from the message's signature (only fields the header did not give). */
export function enrichFromSignature(c: ContactDraft, body: string, sender: Address, region: string): void {
  const sig = parseSignature(body, { defaultRegion: region, senderName: sender.name || undefined, senderEmail: sender.email });
  setField(c, 'name', sig.name, 'signature');
  setField(c, 'title', sig.title, 'signature');
  setField(c, 'company', sig.company, 'signature');
  for (const p of sig.phones) addPhone(c, p.raw, 'signature', p.label ?? 'other', region, p.e164);
  for (const e of sig.emails) addEmail(c, e, 'signature');
  for (const w of sig.websites) addWebsite(c, /^https?:/i.test(w) ? w : `https://${w}`, 'signature');
  if (sig.address) addAddress(c, { formatted: sig.address }, 'signature');
  if (sig.wechat) addSocial(c, 'wechat', sig.wechat, 'signature');
  if (sig.qq) addSocial(c, 'qq', sig.qq, 'signature');
}

/**
 * Enrich a draft a content script sent (it carries no parser): the snippet becomes the sender's
 * own words (quotes cut), and for an incoming email the body's signature fills contacts[0].
 */
export function enrichDraft(draft: CaptureDraft, body: string, region = 'CN'): CaptureDraft {
  const own = snippetOf(replyText(body));
  if (draft.interaction && own) draft.interaction.snippet = own;
  const main = draft.contacts[0];
  if (!main || draft.interaction?.direction !== 'in') return draft;
  enrichFromSignature(main, body, { name: main.name, email: main.emails[0]?.value ?? '' }, region);
  return draft;
}
