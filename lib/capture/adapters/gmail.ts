import { webmailHosts } from '../hosts';
import type { CaptureAdapter } from '../adapter';
import { type Address, blockText, clean, firstMatch, parseAddressList } from '../dom';
import { CaptureReadError } from '../errors';
import { parseMailDate } from '../webmail/dates';
import { buildEmailDraft } from '../webmail/message';

/**
 * Gmail's reading view, read from attributes only. Gmail renames its classes two to four times a
 * year (InboxSDK ships 2–21 selector fixes a year), but the attributes its own scripts read stay:
 * `data-message-id` / `data-legacy-message-id` on each message, `email=` + `name=` on every
 * address span, `data-thread-perm-id` on the subject, `title=` holding the full date, `role="main"`.
 * So no class name is needed: the sender is the first address of the message's header, the body
 * is the largest part of the message that holds no header address.
 * Seen on: mail.google.com/mail/u/0/#inbox/<thread> (2014 inbox rows, 2025 conversation view).
 */
export const gmailSelectors = {
  /** One message of the conversation; the clicked one is marked data-cardfile-active by the content script. */
  message: ['[data-cardfile-active][data-message-id]', '[data-message-id]', '[data-legacy-message-id]'],
  address: '[email]',
  subject: ['h2[data-thread-perm-id]', '[data-thread-perm-id]', '[role="main"] h2'],
} as const;

const MESSAGE = '[data-message-id], [data-legacy-message-id]';

/** The address element a message is from: its first `[email]` (Gmail prints the sender before "to"). */
export function gmailSenderOf(msg: Element): Element | undefined {
  const all = Array.from(msg.querySelectorAll(gmailSelectors.address));
  return all.find((el) => el.closest(MESSAGE) === msg || el.closest(MESSAGE) === null) ?? all[0];
}

/** Buttons, attachment chips and hidden parts are not message text. */
const NOT_TEXT = '[role="button"], button, [data-filename], [download], [aria-hidden="true"], [data-tooltip]';

const visible = (s: string | null) => (s ?? '').replace(/\s+/g, '').length;

function contentLength(el: Element): number {
  let len = visible(el.textContent);
  for (const skip of Array.from(el.querySelectorAll(NOT_TEXT))) if (!skip.parentElement?.closest(NOT_TEXT)) len -= visible(skip.textContent);
  return el.matches(NOT_TEXT) ? 0 : len;
}

/** One sender element per message on the page (outer messages only): where the clip control goes. */
export function gmailSenders(doc: Document): Element[] {
  const messages = Array.from(doc.querySelectorAll(MESSAGE)).filter((m) => !m.parentElement?.closest(MESSAGE));
  return messages.map(gmailSenderOf).filter((e): e is Element => !!e);
}

/**
 * The message body without class names: walking down from the message, at the level where the
 * header (the sender's address) and the rest part, the first part after the header with real
 * text (buttons and attachment chips do not count; a much smaller block before a larger one is
 * skipped). Quoted replies stay inside it and are marked by blockText (blockquote) and the
 * signature parser ("On … wrote:").
 */
function bodyOf(msg: Element, sender: Element): Element | undefined {
  let cur: Element = msg;
  for (let depth = 0; depth < 40; depth++) {
    const children = Array.from(cur.children);
    const holder = children.find((c) => c.contains(sender));
    const after = holder ? children.slice(children.indexOf(holder) + 1) : children;
    const sized = after.map((c) => [c, contentLength(c)] as const).filter(([, n]) => n > 0);
    if (sized.length) {
      const max = Math.max(...sized.map(([, n]) => n));
      return sized.find(([, n]) => n >= max * 0.3)![0];
    }
    if (!holder) return undefined;
    cur = holder;
  }
  return undefined;
}

/** The open message: the clicked one, else the last one with a rendered body. */
function openMessage(doc: Document): Element | undefined {
  const active = doc.querySelector(gmailSelectors.message[0]);
  if (active) return active;
  const messages = Array.from(doc.querySelectorAll(MESSAGE)).filter((m) => !m.parentElement?.closest(MESSAGE));
  const withSender = messages.filter((m) => gmailSenderOf(m));
  for (let i = withSender.length - 1; i >= 0; i--) {
    const m = withSender[i]!;
    const body = bodyOf(m, gmailSenderOf(m)!);
    if (body && clean(body.textContent).length > 0) return m;
  }
  return withSender[withSender.length - 1];
}

function addressOf(el: Element): Address {
  return { email: el.getAttribute('email') ?? '', name: el.getAttribute('name') ?? clean(el.textContent) };
}

/** The date shown in the header: the first title= (or alt=) that reads as a date. */
function dateOf(msg: Element, body: Element | undefined): number | undefined {
  for (const el of Array.from(msg.querySelectorAll('[title], [alt]'))) {
    if (body?.contains(el)) continue;
    const text = el.getAttribute('title') || el.getAttribute('alt') || '';
    if (!/\d/.test(text) || text.length > 80) continue;
    const t = parseMailDate(text);
    if (t !== undefined) return t;
  }
  return undefined;
}

export const gmail: CaptureAdapter = {
  id: 'gmail',
  webmail: true,
  matches: webmailHosts.gmail,
  detect: (doc) => !!doc.querySelector('[data-message-id] [email], [data-legacy-message-id] [email]') && /Gmail/.test(doc.title),
  read(doc, url) {
    const msg = openMessage(doc);
    if (!msg) throw new CaptureReadError('gmail', 'no open message');
    const senderEl = gmailSenderOf(msg);
    if (!senderEl) throw new CaptureReadError('gmail', 'no sender');
    const bodyEl = bodyOf(msg, senderEl);
    const outsideBody = (el: Element) => !bodyEl?.contains(el);
    const header = Array.from(msg.querySelectorAll(gmailSelectors.address)).filter(outsideBody);
    let sender = addressOf(senderEl);
    if (!sender.email) sender = parseAddressList(clean(senderEl.textContent))[0] ?? sender;
    if (!sender.email) throw new CaptureReadError('gmail', 'no sender');
    // Everyone after the sender in the header; Gmail repeats the sender in hovercards.
    const recipients = header.filter((el) => el !== senderEl && !senderEl.contains(el)).map(addressOf);
    const subject = clean(firstMatch(doc, gmailSelectors.subject)?.textContent);
    const id = msg.getAttribute('data-legacy-message-id') ?? msg.getAttribute('data-message-id') ?? undefined;
    return {
      sender,
      to: recipients.filter((r) => r.email && r.email !== sender.email),
      cc: [],
      subject,
      occurredAt: dateOf(msg, bodyEl),
      body: bodyEl ? blockText(bodyEl) : undefined,
      messageId: id?.replace(/^#/, ''),
      // The tab title is "Inbox (3) - alice@example.com - Gmail".
      ownEmails: parseAddressList(doc.title).map((a) => a.email),
    };
  },
  extract(doc, url, options) {
    return buildEmailDraft('gmail', this.read!(doc, url), url, options);
  },
};
