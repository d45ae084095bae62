import { webmailHosts } from '../hosts';
import type { CaptureAdapter } from '../adapter';
import { type Address, allOfFirst, blockText, clean, firstMatch, parseAddressList } from '../dom';
import { CaptureReadError } from '../errors';
import { parseMailDate } from '../webmail/dates';
import { buildEmailDraft } from '../webmail/message';

/** Localised "From:" / "To:" / "Cc:" labels OWA puts in aria-labels (en, de, fr, es, zh, ja). */
const FROM = ['From:', 'Von:', 'De:', 'Da:', '发件人:', '寄件者:', '差出人:', 'Van:'];
const TO = ['To:', 'An:', 'À:', 'Para:', 'A:', '收件人:', '宛先:', 'Aan:'];
const CC = ['Cc:', 'CC:', '抄送:'];
const aria = (labels: string[]) => labels.map((l) => `[aria-label^="${l}"]`).join(', ');

/**
 * Outlook on the web (outlook.live.com / office.com / office365.com). Ordered chains: aria-labels
 * and data-testid first, persona spans and OWA's hashed classes last.
 */
export const outlookSelectors = {
  pane: ['[data-app-section="ConversationContainer"]', '[data-app-section="MailReadCompose"]', '#ConversationReadingPaneContainer', '#ReadingPaneContainerId', '[role="main"]'],
  message: ['[data-cardfile-active]', '[aria-label="Email message"]', '[aria-label="E-Mail-Nachricht"]', 'div.aVla3', '.wide-content-host'],
  sender: [aria(FROM), '[data-testid="SenderPersona"]', 'span.OZZZK[title]', 'span.OZZZK'],
  to: ['[data-testid="RecipientWell"]', aria(TO), '[data-testid="ToLine"]'],
  cc: [aria(CC), '[data-testid="CcLine"]'],
  body: ['[aria-label="Message body"]', '[aria-label="Nachrichtentext"]', '[aria-label="Corps du message"]', 'div[id^="UniqueMessageBody"]', '[role="document"]'],
  subject: ['[data-testid="SubjectLine"]', '[role="heading"][aria-level="2"]', 'span.JdFsz'],
  date: ['[data-testid="SentReceivedSavedTime"]', '[data-testid="SentTime"]'],
  conversation: ['[aria-selected="true"][data-convid]', '[data-convid]'],
  mailbox: ['[data-folder-name*="@"]', '[id^="primaryMailboxRoot"][title*="@"]'],
} as const;

function labelText(el: Element): string {
  const label = el.getAttribute('aria-label') ?? '';
  return `${label} ${el.getAttribute('title') ?? ''} ${clean(el.textContent)}`;
}

function readSender(msg: Element): Address | undefined {
  const el = firstMatch(msg, outlookSelectors.sender);
  if (!el) return undefined;
  const found = parseAddressList(labelText(el));
  const addr = found[0];
  if (!addr) return undefined;
  // A persona span shows the name; the address sits in aria-label or title.
  const shown = clean(el.textContent);
  return { email: addr.email, name: addr.name || (shown.includes('@') ? '' : shown) };
}

function readList(msg: Element, chain: readonly string[]): Address[] {
  return allOfFirst(msg, chain).flatMap((el) => parseAddressList(labelText(el)));
}

export const outlook: CaptureAdapter = {
  id: 'outlook',
  webmail: true,
  matches: webmailHosts.outlook,
  detect: (doc) => !!doc.querySelector('[data-app-section="ConversationContainer"], [data-app-section="MailReadCompose"]'),
  read(doc, url) {
    const pane = firstMatch(doc, outlookSelectors.pane);
    if (!pane) throw new CaptureReadError('outlook', 'no reading pane');
    const withSender = outlookSelectors.message
      .flatMap((sel) => Array.from(pane.querySelectorAll(sel)))
      .filter((m) => firstMatch(m, outlookSelectors.sender));
    const msg = pane.querySelector('[data-cardfile-active]') ?? withSender[withSender.length - 1] ?? pane;
    const sender = readSender(msg);
    if (!sender?.email) throw new CaptureReadError('outlook', 'no sender');
    const bodyEl = firstMatch(msg, outlookSelectors.body);
    const dedupe = (list: Address[]) => {
      const seen = new Set<string>();
      return list.filter((a) => !seen.has(a.email) && !!seen.add(a.email));
    };
    const conv = firstMatch(doc, outlookSelectors.conversation)?.getAttribute('data-convid');
    const dateText = clean(firstMatch(msg, outlookSelectors.date)?.textContent);
    const mailbox = firstMatch(doc, outlookSelectors.mailbox);
    return {
      sender,
      to: dedupe(readList(msg, outlookSelectors.to)),
      cc: dedupe(readList(msg, outlookSelectors.cc)),
      subject: clean(firstMatch(pane, outlookSelectors.subject)?.textContent),
      occurredAt: parseMailDate(dateText),
      body: bodyEl ? blockText(bodyEl) : undefined,
      // OWA exposes the conversation id, not the message id: sender + time tell messages apart.
      messageId: conv ? `${conv}:${sender.email}:${dateText}` : undefined,
      ownEmails: mailbox ? parseAddressList(labelText(mailbox)).map((a) => a.email) : [],
    };
  },
  extract(doc, url, options) {
    return buildEmailDraft('outlook', this.read!(doc, url), url, options);
  },
};
