import { webmailHosts } from '../hosts';
import type { CaptureAdapter } from '../adapter';
import { type Address, blockText, clean, emailFromMailto, firstMatch, parseAddressList } from '../dom';
import { CaptureReadError } from '../errors';
import { parseMailDate } from '../webmail/dates';
import { buildEmailDraft } from '../webmail/message';

/**
 * Yahoo Mail (mail.yahoo.com, the 2019+ React app). No saved page in the corpus: the chains
 * follow the `data-test-id` attributes the app ships (also relied on by several public
 * extensions), then title/mailto attributes, then header text.
 */
export const yahooSelectors = {
  message: ['[data-cardfile-active]', '[data-test-id="message-view"][data-test-expanded="true"]', '[data-test-id="message-view"]', '[data-test-id="message-group-view-scroller"]'],
  from: ['[data-test-id="message-from"]', '[data-test-id="from"]', '[data-test-id="message-group-from"]'],
  pill: ['[data-test-id="email-pill"][data-email]', '[data-test-id="email-pill"][title*="@"]', '[title*="@"]', 'a[href^="mailto:"]'],
  pillName: ['[data-test-id="message-from-name"]', '[data-test-id="email-pill"] span', 'span'],
  to: ['[data-test-id="message-to"]', '[data-test-id="to"]'],
  cc: ['[data-test-id="message-cc"]', '[data-test-id="cc"]'],
  body: ['[data-test-id="message-view-body-content"]', '[data-test-id="message-view-body"]', '[data-test-id="message-body"]'],
  subject: ['[data-test-id="message-group-subject-text"]', '[data-test-id="message-subject"]', 'h2[data-test-id*="subject"]'],
  date: ['[data-test-id="message-date"]', '[data-test-id="message-time"]', 'time[datetime]'],
  account: ['[data-test-id="account-email"]', '[data-test-id="ybar-account-email"]'],
} as const;

function pillAddress(el: Element): Address | undefined {
  const email = el.getAttribute('data-email') ?? emailFromMailto(el.getAttribute('href') ?? '') ?? parseAddressList(el.getAttribute('title') ?? '')[0]?.email;
  if (!email) return undefined;
  const name = clean(el.getAttribute('data-name') ?? firstMatch(el, yahooSelectors.pillName)?.textContent ?? el.textContent);
  return { email, name: name.includes('@') ? '' : name };
}

function pillsIn(el: Element | undefined): Address[] {
  if (!el) return [];
  const pills = Array.from(el.querySelectorAll('[data-test-id="email-pill"], [title*="@"], a[href^="mailto:"]'));
  const found = pills.map(pillAddress).filter((a): a is Address => !!a);
  return found.length ? found : parseAddressList(clean(el.textContent));
}

export const yahoo: CaptureAdapter = {
  id: 'yahoo',
  webmail: true,
  matches: webmailHosts.yahoo,
  detect: (doc) => !!doc.querySelector('[data-test-id="message-view"] [data-test-id="message-from"]'),
  read(doc, url) {
    const views = Array.from(doc.querySelectorAll(yahooSelectors.message.join(', '))).filter((v) => firstMatch(v, yahooSelectors.from));
    const msg = doc.querySelector('[data-cardfile-active]') ?? views[views.length - 1];
    if (!msg) throw new CaptureReadError('yahoo', 'no open message');
    const fromEl = firstMatch(msg, yahooSelectors.from);
    const sender = pillsIn(fromEl)[0];
    if (!sender?.email) throw new CaptureReadError('yahoo', 'no sender');
    const bodyEl = firstMatch(msg, yahooSelectors.body);
    const dateEl = firstMatch(msg, yahooSelectors.date);
    const mid = /\/messages\/(\d+)/.exec(url)?.[1] ?? msg.getAttribute('data-message-id') ?? undefined;
    return {
      sender,
      to: pillsIn(firstMatch(msg, yahooSelectors.to)),
      cc: pillsIn(firstMatch(msg, yahooSelectors.cc)),
      subject: clean(firstMatch(doc, yahooSelectors.subject)?.textContent),
      occurredAt: parseMailDate(dateEl?.getAttribute('title') ?? dateEl?.getAttribute('datetime') ?? dateEl?.textContent),
      body: bodyEl ? blockText(bodyEl) : undefined,
      messageId: mid,
      ownEmails: Array.from(doc.querySelectorAll(yahooSelectors.account.join(', '))).flatMap((e) => parseAddressList(clean(e.textContent)).map((a) => a.email)),
    };
  },
  extract(doc, url, options) {
    return buildEmailDraft('yahoo', this.read!(doc, url), url, options);
  },
};
