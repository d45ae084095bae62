import { webmailHosts } from '../hosts';
import type { CaptureAdapter } from '../adapter';
import { type Address, blockText, clean, firstMatch, parseAddressList } from '../dom';
import { CaptureReadError } from '../errors';
import { parseMailDate } from '../webmail/dates';
import { buildEmailDraft } from '../webmail/message';

/**
 * QQ Mail / Tencent Exmail. The classic page shows the message inside the readmail frame
 * (`#mainFrame` → /cgi-bin/readmail); addresses sit in `e=` / `n=` attributes of spans after a
 * `.addrtitle` label ("发件人：", "收件人：", "抄送："). Chains run stable attributes first.
 */
export const qqSelectors = {
  frame: ['iframe#mainFrame', 'iframe[name="mainFrame"]'],
  root: ['#mainmail', '#readmailbox', '.readmailinfo', 'body'],
  senderAttr: ['#sendinfo span[e]', '.readmailinfo span[e][n]', 'span[e][n]'],
  fromAddr: ['#tipFromAddr_readmail[fromaddr]', '[fromaddr]'],
  subject: ['#subject', '.sub_title', '.readmail_subject'],
  body: ['#contentDiv', '#mailContentContainer', '#qm_con_body', '.qmbox'],
  labels: ['.addrtitle'],
} as const;

const FROM_LABEL = /^(发件人|發件人|from)/i;
const TO_LABEL = /^(收件人|to)/i;
const CC_LABEL = /^(抄送|cc)/i;
const TIME_LABEL = /^(时\s*间|時\s*間|date|time)/i;

function spanAddress(el: Element): Address {
  return { email: el.getAttribute('e') ?? '', name: el.getAttribute('n') ?? '' };
}

/** The address spans that belong to a label, up to the next label (same row of the header table). */
function rowFor(label: Element): Element {
  return label.closest('td') ?? label.parentElement ?? label;
}

/** The readmail document: this one, or the same-origin frame of the classic page. */
function readmailDoc(doc: Document): Document {
  if (doc.querySelector('#mainmail, .readmailinfo')) return doc;
  const frame = firstMatch(doc, qqSelectors.frame) as HTMLIFrameElement | undefined;
  try {
    return frame?.contentDocument ?? doc;
  } catch {
    return doc;
  }
}

/**
 * The saved readmail page contains `<!--</span-->`; a parser that ends that comment at a later
 * "-->" (happy-dom does) hides the time and recipient rows inside a comment. Read such comments
 * back with an inert DOMParser (no scripts run, nothing loads) so the adapter sees those rows.
 */
function hiddenHeaderRows(root: Element): Element[] {
  const out: Element[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  for (let n = walker.nextNode(); n && out.length < 5; n = walker.nextNode()) {
    const data = n.nodeValue ?? '';
    if (!/class="addrtitle|\se="[^"]+@/.test(data)) continue;
    const body = new DOMParser().parseFromString(data, 'text/html').body;
    if (body) out.push(body);
  }
  return out;
}

export const qq: CaptureAdapter = {
  id: 'qq',
  webmail: true,
  matches: webmailHosts.qq,
  detect: (doc) => !!doc.querySelector('#mainmail .addrtitle, .readmailinfo span[e]'),
  extract(doc, url, options) {
    const rdoc = readmailDoc(doc);
    const root = firstMatch(rdoc, qqSelectors.root);
    if (!root) throw new CaptureReadError('qq', 'no readmail view');
    const parts = [root, ...hiddenHeaderRows(root)];
    const labels = parts.flatMap((p) => Array.from(p.querySelectorAll('.addrtitle')));
    const rowsOf = (re: RegExp) => labels.filter((l) => re.test(clean(l.textContent))).map(rowFor);
    const addrsIn = (rows: Element[]) => rows.flatMap((r) => Array.from(r.querySelectorAll('span[e]')).map(spanAddress));

    const fromRows = rowsOf(FROM_LABEL);
    let sender = addrsIn(fromRows)[0];
    if (!sender?.email) {
      const el = firstMatch(root, qqSelectors.senderAttr);
      sender = el ? spanAddress(el) : undefined;
    }
    if (!sender?.email) {
      const fa = firstMatch(root, qqSelectors.fromAddr);
      const email = fa?.getAttribute('fromaddr');
      sender = email ? { email, name: '' } : parseAddressList(fromRows.map((r) => clean(r.textContent)).join(' '))[0];
    }
    if (!sender?.email) throw new CaptureReadError('qq', 'no sender');
    if (!sender.name) sender.name = clean(fromRows[0]?.querySelector('b')?.textContent).replace(/<.*$/, '');

    const timeRow = rowsOf(TIME_LABEL)[0];
    const bodyEl = firstMatch(rdoc, qqSelectors.body);
    const idFromUrl = /[?&]mailid=([^&#]+)/.exec(url)?.[1];
    const mailid = root.querySelector('span[e][mailid]')?.getAttribute('mailid') ?? idFromUrl;
    return buildEmailDraft(
      'qq',
      {
        sender,
        to: addrsIn(rowsOf(TO_LABEL)),
        cc: addrsIn(rowsOf(CC_LABEL)),
        subject: clean(firstMatch(root, qqSelectors.subject)?.textContent) || clean(rdoc.title.replace(/\s*-\s*QQ邮箱.*$/, '')),
        occurredAt: parseMailDate(timeRow?.textContent),
        body: bodyEl ? blockText(bodyEl) : undefined,
        messageId: mailid ?? undefined,
      },
      url,
      options,
    );
  },
};
