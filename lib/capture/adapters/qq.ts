import { webmailHosts } from '../hosts';
import type { CaptureAdapter } from '../adapter';
import type { MessageView } from '../webmail/message';
import { type Address, blockText, clean, firstMatch, parseAddressList } from '../dom';
import { CaptureReadError } from '../errors';
import { parseMailDate } from '../webmail/dates';
import { largestTextBlock } from '../webmail/body';
import { CC_LABEL, FROM_LABEL, headerLabels, labelWord, rowAddresses, rowAnchor, rowOf, TIME_LABEL, TO_LABEL } from '../webmail/labelled';
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
  label: '.addrtitle',
} as const;

const FROM = /^(发件人|發件人|from)/i;
const TO = /^(收件人|to)/i;
const CC = /^(抄送|cc)/i;
const TIME = /^(时间|時間|date|time)/i;

/** One labelled header row: "收件人：" and the addresses and text after it. */
interface Row {
  label: string;
  addrs: Address[];
  text: string;
}

const spanAddress = (el: Element): Address => ({ email: el.getAttribute('e') ?? '', name: el.getAttribute('n') ?? '' });
const squash = (s: string | null | undefined) => clean(s).replace(/\s+/g, '');

function domRows(root: Element): Row[] {
  return Array.from(root.querySelectorAll(qqSelectors.label)).map((label) => {
    const row = label.closest('td') ?? label.parentElement ?? label;
    return { label: squash(label.textContent), addrs: Array.from(row.querySelectorAll('span[e]')).map(spanAddress), text: clean(row.textContent) };
  });
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', nbsp: ' ', '#39': "'" };
const decode = (s: string) => s.replace(/&(lt|gt|amp|quot|nbsp|#39);/g, (_m, e: string) => ENTITIES[e] ?? '');
const stripTags = (s: string) => clean(decode(s.replace(/<[^>]*>/g, ' ')));

/**
 * The saved readmail page contains `<!--</span-->`; a parser that ends that comment at a later
 * "-->" (happy-dom does; browsers do not) hides the time and recipient rows inside a comment.
 * Read those rows back from the comment text (attributes only, nothing is parsed as HTML).
 */
function commentRows(root: Element): Row[] {
  const rows: Row[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = n.nodeValue ?? '';
    if (!data.includes('addrtitle')) continue;
    for (const seg of data.split(/(?=<[a-z]+[^>]*class="addrtitle)/i).slice(1)) {
      const label = squash(stripTags(/^<[^>]*>([^<]*)/.exec(seg)?.[1] ?? ''));
      const addrs = Array.from(seg.matchAll(/<span\b[^>]*\se="([^"]+)"[^>]*>/g)).map((m) => ({ email: decode(m[1] ?? ''), name: decode(/\sn="([^"]*)"/.exec(m[0])?.[1] ?? '') }));
      rows.push({ label, addrs, text: stripTags(seg).slice(0, 300) });
    }
  }
  return rows;
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
 * The new web client (wx.mail.qq.com) and any layout without the classic ids: header rows found by
 * their words (发件人：/收件人：/抄送：/时间：), addresses by their attributes or text, the body as the
 * largest block outside the header. No class names.
 */
function readLabelled(doc: Document, url: string): MessageView {
  const root = doc.querySelector('[data-cardfile-active]') ?? doc.body;
  const labels = headerLabels(root);
  const rowsOf = (re: RegExp) => labels.filter((l) => re.test(labelWord(l))).map(rowOf);
  const from = rowsOf(FROM_LABEL);
  const sender = from.flatMap(rowAddresses)[0];
  if (!sender?.email) throw new CaptureReadError('qq', 'no sender');
  const header = [...labels.map(rowOf)];
  // The message is the nearest block around all header rows that also holds text of its own (the body).
  const size = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, '').length;
  let scope: Element = from[0]!;
  while (scope.parentElement && scope !== root) {
    scope = scope.parentElement;
    const rows = header.filter((r) => scope.contains(r));
    if (rows.length === header.length && size(scope) - rows.reduce((n, r) => n + size(r), 0) >= 20) break;
  }
  const bodyEl = largestTextBlock(scope, header);
  const subjectEl = firstMatch(scope, qqSelectors.subject) ?? Array.from(scope.querySelectorAll('h1, h2, h3, [role="heading"]')).find((h) => !header.some((r) => r.contains(h)));
  return {
    sender,
    to: rowsOf(TO_LABEL).flatMap(rowAddresses),
    cc: rowsOf(CC_LABEL).flatMap(rowAddresses),
    subject: clean(subjectEl?.textContent),
    occurredAt: parseMailDate(clean(rowsOf(TIME_LABEL)[0]?.textContent).replace(/^[^:：]{1,8}[:：]/, '')),
    body: bodyEl ? blockText(bodyEl) : undefined,
    messageId: /[?&#/]mail[_-]?id[=/]([\w-]+)/i.exec(url)?.[1],
  };
}

/** Where the clip controls go: the classic pages' sender spans, else the From row's address. */
export function qqSenders(doc: Document): Element[] {
  for (const sel of ['#tipFromAddr_readmail', '.readmailinfo span[e]', '#mainmail span[e]']) {
    const found = Array.from(doc.querySelectorAll(sel));
    if (found.length) return found;
  }
  const labels = headerLabels(doc.body, 40).filter((l) => FROM_LABEL.test(labelWord(l)));
  return labels.map((l) => rowAnchor(rowOf(l)) ?? rowOf(l)).filter((e): e is Element => !!e);
}

export const qq: CaptureAdapter = {
  id: 'qq',
  webmail: true,
  matches: webmailHosts.qq,
  detect: (doc) => !!doc.querySelector('#mainmail .addrtitle, .readmailinfo span[e]'),
  read(doc, url) {
    const rdoc = readmailDoc(doc);
    if (!rdoc.querySelector('#mainmail, #readmailbox, .readmailinfo')) return readLabelled(rdoc, url);
    const root = firstMatch(rdoc, qqSelectors.root);
    if (!root) throw new CaptureReadError('qq', 'no readmail view');
    let rows = domRows(root);
    if (!rows.some((r) => TO.test(r.label))) rows = [...rows, ...commentRows(root)];
    const pick = (re: RegExp) => rows.filter((r) => re.test(r.label));
    const fromRows = pick(FROM);

    let sender = fromRows.flatMap((r) => r.addrs)[0];
    if (!sender?.email) {
      const el = firstMatch(root, qqSelectors.senderAttr);
      sender = el ? spanAddress(el) : undefined;
    }
    if (!sender?.email) {
      const email = firstMatch(root, qqSelectors.fromAddr)?.getAttribute('fromaddr');
      sender = email ? { email, name: '' } : parseAddressList(fromRows.map((r) => r.text).join(' '))[0];
    }
    if (!sender?.email) throw new CaptureReadError('qq', 'no sender');

    const bodyEl = firstMatch(rdoc, qqSelectors.body);
    const mailid = root.querySelector('span[e][mailid]')?.getAttribute('mailid') ?? /[?&]mailid=([^&#]+)/.exec(url)?.[1];
    return {
      sender,
      to: pick(TO).flatMap((r) => r.addrs),
      cc: pick(CC).flatMap((r) => r.addrs),
      // The message's own subject only: the page title is the app's ("QQ邮箱"), not the message's.
      subject: clean(firstMatch(root, qqSelectors.subject)?.textContent),
      occurredAt: parseMailDate(pick(TIME)[0]?.text),
      body: bodyEl ? blockText(bodyEl) : undefined,
      messageId: mailid ?? undefined,
    };
  },
  extract(doc, url, options) {
    return buildEmailDraft('qq', this.read!(doc, url), url, options);
  },
};
