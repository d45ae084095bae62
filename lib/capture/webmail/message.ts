import type { CaptureDraft, ContactDraft } from '../../domain/contact-draft';
import type { CaptureOptions } from '../adapter';
import { type Address, clean, snippetOf } from '../dom';
import { addEmail, emptyContact, setField } from '../draft';
import { CaptureReadError } from '../errors';
import { messageFingerprint } from './fingerprint';

/** What a webmail adapter reads from the open message, before it becomes a draft. */
export interface MessageView {
  sender: Address;
  to: Address[];
  cc: Address[];
  subject?: string;
  occurredAt?: number;
  /** Plain text of the message body, quoted lines prefixed with "> ". */
  body?: string;
  messageId?: string;
  /** Addresses the page shows as the signed-in user's (title bar, account menu). */
  ownEmails?: string[];
}

const MAX_CONTACTS = 500;

function contactFor(a: Address, source: string): ContactDraft {
  const c = emptyContact('person');
  setField(c, 'name', a.name, source);
  addEmail(c, a.email, source);
  return c;
}

/**
 * Turn what an adapter read into a CaptureDraft. contacts[0] is the sender of an incoming
 * message; for a message the user sent, the first recipient is the main contact (the user's own
 * card is never proposed) and the signature is not read (it is the user's).
 */
export function buildEmailDraft(provider: string, view: MessageView, url: string, options: CaptureOptions = {}): CaptureDraft {
  const sender = { name: clean(view.sender.name), email: clean(view.sender.email).toLowerCase() };
  if (!sender.email) throw new CaptureReadError(provider, 'no sender address');
  const region = options.defaultRegion ?? 'CN';
  const own = new Set([...(options.ownEmails ?? []), ...(view.ownEmails ?? [])].map((e) => e.trim().toLowerCase()).filter(Boolean));
  const direction: 'in' | 'out' = own.has(sender.email) ? 'out' : 'in';
  const warnings: string[] = [];

  const contacts: ContactDraft[] = [];
  const seen = new Set<string>();
  const push = (a: Address, source: string) => {
    const email = a.email.toLowerCase();
    if (!email || seen.has(email) || own.has(email) || contacts.length >= MAX_CONTACTS) return;
    seen.add(email);
    contacts.push(contactFor({ name: a.name, email }, source));
  };
  if (direction === 'in') {
    push(sender, 'header');
    if (view.body && options.enrich) options.enrich(contacts[0]!, view.body, sender, region);
  } else {
    seen.add(sender.email);
    warnings.push('You sent this message: the recipients are proposed instead of you.');
  }
  for (const a of view.to) push(a, 'header:to');
  for (const a of view.cc) push(a, 'header:cc');
  if (contacts.length >= MAX_CONTACTS) warnings.push(`Only the first ${MAX_CONTACTS} people on this message are listed.`);
  if (!contacts.length) throw new CaptureReadError(provider, 'no one but you on this message');

  const subject = clean(view.subject).slice(0, 2000) || undefined;
  // The sender's own words (quote headers cut even where the page marks no quote) when a reply
  // cutter is given: extractCapture gives one; content scripts stay small and the background re-cuts.
  const plain = view.body ? snippetOf(view.body) || undefined : undefined;
  const snippet = view.body && options.ownText ? snippetOf(options.ownText(view.body)) || plain : plain;
  const interaction: CaptureDraft['interaction'] = { type: 'email', direction, url: url.slice(0, 4000) };
  if (view.occurredAt !== undefined && Number.isFinite(view.occurredAt) && view.occurredAt >= 0) interaction.occurredAt = view.occurredAt;
  if (subject) interaction.subject = subject;
  if (snippet) interaction.snippet = snippet;
  // No id on the page: sender + date + subject, so clipping twice still logs once.
  interaction.messageId = view.messageId
    ? `${provider}:${clean(view.messageId).slice(0, 900)}`
    : messageFingerprint({ provider, senderEmail: sender.email, occurredAt: interaction.occurredAt, subject, snippet: plain });
  return { provider, contacts, interaction, warnings };
}
