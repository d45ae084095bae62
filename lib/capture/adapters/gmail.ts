import { webmailHosts } from '../hosts';
import type { CaptureAdapter } from '../adapter';
import { type Address, allOfFirst, blockText, clean, firstMatch, parseAddressList } from '../dom';
import { CaptureReadError } from '../errors';
import { parseMailDate } from '../webmail/dates';
import { buildEmailDraft } from '../webmail/message';

/**
 * Gmail's reading view. Ordered fallback chains, stable attributes first (`email=`,
 * `data-message-id`, `data-thread-perm-id`), Gmail's short class names after them.
 * Seen on: mail.google.com/mail/u/0/#inbox/<thread> (2014 inbox rows, 2025 conversation view).
 */
export const gmailSelectors = {
  /** One message of the conversation; the clicked one is marked data-cardfile-active by the content script. */
  message: ['[data-cardfile-active][data-message-id]', '[data-message-id]', 'div.adn', 'div.gs'],
  body: ['div.a3s.aiL', 'div.a3s', 'div.ii.gt', '[data-message-id] [dir="ltr"]'],
  sender: ['span.gD[email]', 'h3.iw span[email]', '.cf.ix span[email]', 'span[email][name]', 'span[email]'],
  recipients: ['span.g2[email]', '.hb span[email]'],
  date: ['span.g3[title]', 'span.g3', 'td.gH span[title]'],
  subject: ['h2[data-thread-perm-id]', 'h2.hP', '[role="main"] h2'],
} as const;

const OPEN_MESSAGE = 'div.a3s, div.ii.gt';

function openMessage(doc: Document): Element | undefined {
  const active = doc.querySelector(gmailSelectors.message[0]);
  if (active) return active;
  for (const sel of gmailSelectors.message.slice(1)) {
    // The open message is the last expanded one: it has a rendered body.
    const withBody = Array.from(doc.querySelectorAll(sel)).filter((m) => m.querySelector(OPEN_MESSAGE));
    if (withBody.length) return withBody[withBody.length - 1];
  }
  return doc.querySelector('span.gD[email]') ? doc.body : undefined;
}

function addressOf(el: Element): Address {
  return { email: el.getAttribute('email') ?? '', name: el.getAttribute('name') ?? clean(el.textContent) };
}

function outsideBody(el: Element): boolean {
  return !el.closest('div.a3s, div.ii.gt');
}

export const gmail: CaptureAdapter = {
  id: 'gmail',
  webmail: true,
  matches: webmailHosts.gmail,
  detect: (doc) => !!doc.querySelector('span.gD[email], [data-message-id] span[email]') && /Gmail/.test(doc.title),
  read(doc, url) {
    const msg = openMessage(doc);
    if (!msg) throw new CaptureReadError('gmail', 'no open message');
    const bodyEl = firstMatch(msg, gmailSelectors.body);
    const senderEl = gmailSelectors.sender.map((s) => Array.from(msg.querySelectorAll(s)).find(outsideBody)).find(Boolean);
    let sender = senderEl ? addressOf(senderEl) : undefined;
    if (!sender?.email) {
      // Last resort: the header text above the body ("Name <a@b.c>").
      const header = clean(msg.textContent).slice(0, 600);
      sender = parseAddressList(bodyEl ? header.split(clean(bodyEl.textContent).slice(0, 40))[0] ?? '' : header)[0];
    }
    if (!sender?.email) throw new CaptureReadError('gmail', 'no sender');
    const recipients = allOfFirst(msg, gmailSelectors.recipients).filter(outsideBody).map(addressOf);
    const dateEl = firstMatch(msg, gmailSelectors.date);
    const subject = clean(firstMatch(doc, gmailSelectors.subject)?.textContent) || clean(doc.title.split(' - ')[0]);
    const id = msg.getAttribute('data-legacy-message-id') ?? msg.getAttribute('data-message-id') ?? undefined;
    return {
      sender,
      to: recipients.filter((r) => r.email && r.email !== sender.email),
      cc: [],
      subject,
      occurredAt: parseMailDate(dateEl?.getAttribute('title') ?? dateEl?.textContent),
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
