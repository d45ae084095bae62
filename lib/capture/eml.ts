import PostalMime, { type Address, type Email, type Mailbox } from 'postal-mime';
import type { CaptureDraft, ContactDraft } from '../domain/contact-draft';
import { emptyContact } from '../domain/empty-contact';
import { parseSignature, replyText } from './signature/index';

/**
 * Reading a raw RFC 822 message (.eml) into a CaptureDraft with postal-mime.
 * Error policy: a message that parses but carries no usable sender gives a draft with no contacts
 * and a warning; only input postal-mime itself rejects (or input of the wrong type) throws EmlParseError.
 */
export class EmlParseError extends Error {
  override name = 'EmlParseError';
}

export interface EmlOptions {
  /** The user's own addresses: a message from one of them is outgoing. */
  ownEmails?: string[];
  defaultRegion?: string;
  /** Where the message can be opened again (webmail link); '' when unknown. */
  url?: string;
}

const EMAIL_SHAPE = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;
const SNIPPET_CHARS = 500;
const cut = (s: string | undefined, max: number) => (s ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').trim().slice(0, max);

function mailboxes(list: Address[] | Address | undefined): Mailbox[] {
  const arr = Array.isArray(list) ? list : list ? [list] : [];
  return arr.flatMap((a) => (a.group ? a.group : [a])).filter((m) => EMAIL_SHAPE.test(m.address.trim()));
}

/** Plain text of an HTML body without rendering it: drop script/style, turn block ends into newlines, strip tags. */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h[1-6]|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d{1,6});/g, (_m, n: string) => String.fromCodePoint(Math.min(Number(n), 0x10ffff)))
    .replace(/&amp;/g, '&');
}


function senderContact(from: Mailbox, body: string, region: string | undefined): ContactDraft {
  const address = from.address.trim().toLowerCase();
  const headerName = cut(from.name, 500);
  const sig = parseSignature(body, { defaultRegion: region, senderName: headerName, senderEmail: address });
  const c = emptyContact();
  const nameIsAddress = !headerName || headerName.toLowerCase() === address;
  c.name = nameIsAddress ? cut(sig.name, 500) : headerName;
  c.provenance.name = nameIsAddress ? (sig.name ? 'signature' : 'header') : 'header';
  c.emails = [{ value: address, label: '' }, ...sig.emails.filter((e) => e !== address).map((value) => ({ value: cut(value, 500), label: '' }))].slice(0, 200);
  c.provenance.emails = 'header';
  if (sig.title) c.title = cut(sig.title, 500);
  if (sig.company) c.company = cut(sig.company, 500);
  c.phones = sig.phones.slice(0, 100).map((p) => ({ raw: cut(p.raw, 100), e164: p.e164, label: p.label ?? 'other' }));
  if (sig.address) c.addresses = [{ formatted: cut(sig.address, 500) }];
  c.websites = sig.websites.slice(0, 50).map((w) => cut(w, 2000));
  if (sig.wechat) c.social.push({ network: 'wechat', handle: cut(sig.wechat, 300) });
  if (sig.qq) c.social.push({ network: 'qq', handle: cut(sig.qq, 300) });
  for (const key of ['title', 'company', 'phones', 'addresses', 'websites', 'social'] as const) {
    const v = c[key];
    if (typeof v === 'string' ? v : v.length) c.provenance[key] = 'signature';
  }
  return c;
}

function recipientContact(m: Mailbox): ContactDraft {
  const c = emptyContact();
  c.name = cut(m.name, 500);
  c.emails = [{ value: m.address.trim().toLowerCase(), label: '' }];
  c.provenance = { name: 'header', emails: 'header' };
  return c;
}

async function parseRaw(data: ArrayBuffer | Uint8Array | string): Promise<Email> {
  if (typeof data !== 'string' && !(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) {
    throw new EmlParseError('An .eml file must be given as text or bytes');
  }
  try {
    return await PostalMime.parse(data);
  } catch (err) {
    throw new EmlParseError(`Could not read this .eml file: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * A raw message → CaptureDraft (provider 'eml'): the sender enriched from their signature first,
 * then the other To/Cc people, and the email as an interaction (direction from `ownEmails`).
 */
export async function parseEml(data: ArrayBuffer | Uint8Array | string, options: EmlOptions = {}): Promise<CaptureDraft> {
  const email = await parseRaw(data);
  const warnings: string[] = [];
  const own = new Set((options.ownEmails ?? []).map((e) => e.trim().toLowerCase()));
  // The first From wins (postal-mime keeps the first header); Sender and Reply-To stand in when From is unusable.
  const from = mailboxes(email.from)[0] ?? mailboxes(email.sender)[0] ?? mailboxes(email.replyTo)[0];
  const body = email.text?.trim() ? email.text : email.html ? htmlToPlainText(email.html) : '';
  if (!from) return { provider: 'eml', contacts: [], warnings: ['No sender address found in this message'] };

  const contacts: ContactDraft[] = [];
  const seen = new Set<string>(own);
  contacts.push(senderContact(from, body, options.defaultRegion));
  seen.add(from.address.trim().toLowerCase());
  for (const m of [...mailboxes(email.to), ...mailboxes(email.cc)]) {
    const key = m.address.trim().toLowerCase();
    if (seen.has(key) || contacts.length >= 500) continue;
    seen.add(key);
    contacts.push(recipientContact(m));
  }

  const when = email.date ? Date.parse(email.date) : NaN;
  if (email.date && !(when >= 0)) warnings.push('The Date header could not be read');
  const direction = own.has(from.address.trim().toLowerCase()) ? 'out' : 'in';
  const messageId = cut(email.messageId, 1000).replace(/^<|>$/g, '');
  return {
    provider: 'eml',
    contacts,
    interaction: {
      type: 'email',
      direction,
      occurredAt: when >= 0 ? when : undefined,
      subject: cut(email.subject, 2000),
      snippet: replyText(body).slice(0, SNIPPET_CHARS),
      url: cut(options.url, 4000),
      messageId: messageId || undefined,
    },
    warnings,
  };
}
