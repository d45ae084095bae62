import { webmailHosts } from '../hosts';
import type { CaptureAdapter } from '../adapter';
import { type Address, blockText, clean, firstMatch, parseAddressList } from '../dom';
import { CaptureReadError } from '../errors';
import { parseMailDate } from '../webmail/dates';
import { largestTextBlock } from '../webmail/body';
import { buildEmailDraft } from '../webmail/message';

/**
 * NetEase mail (163 / 126 / yeah.net / qiye.163.com, the "nui" web app). No saved page in the
 * corpus: the chains follow NetEase's public component markup — header rows labelled
 * 发件人 / 收件人 / 抄送, address chips `.nui-addr` (title = address) with `.nui-addr-name` /
 * `.nui-addr-email`, `data-*` attributes where present — then fall back to header text.
 */
export const neteaseSelectors = {
  read: ['[data-cardfile-active]', '[id^="_dvModuleContainer_read.ReadModule"]', '.js-component-readmodule', '[id*="ReadModule"]', '.frame-main-cont-body'],
  headerRow: ['li', '.js-component-addressitem', 'tr', 'dl'],
  label: ['.fT', 'dt', '.nui-addr-label', 'th', 'label'],
  address: ['.js-component-addressitem[data-email]', '[data-email]', '.nui-addr[title*="@"]', '[title*="@"]', '.nui-addr'],
  subject: ['[data-subject]', 'h1.nui-fSubject', 'h1', '.js-component-subject'],
  date: ['[data-time]', '.js-component-time', '.nui-fDate'],
  bodyFrame: ['iframe[id$="_frameBody"]', 'iframe.oD0', 'iframe[name*="frameBody"]'],
  body: ['.netease_mail_readhtml', '[id$="_content"]', '.js-component-content', '.mail-content'],
  account: ['#spnUid', '.js-component-account'],
} as const;

const FROM = /^(发件人|發件人|from)/i;
const TO = /^(收件人|to)/i;
const CC = /^(抄送|cc)/i;
const TIME = /^(时间|日期|date|time)/i;

function chipAddress(el: Element): Address | undefined {
  const email = el.getAttribute('data-email') ?? parseAddressList(`${el.getAttribute('title') ?? ''} ${clean(el.textContent)}`)[0]?.email;
  if (!email) return undefined;
  // The chip shows "name<address>": without class names, the name is the text before the address.
  const shown = clean(el.querySelector('.nui-addr-name')?.textContent ?? clean(el.textContent).replace(/[<＜(（]?\s*[^\s<>]+@[^\s<>]+\s*[>＞)）]?/g, ''));
  const name = clean(el.getAttribute('data-name') ?? shown);
  return { email, name: name.includes('@') ? '' : name };
}

/** A header label is a short element of its own text: "发件人：", "抄　送：" (classes optional). */
const LABEL_TEXT = /^(发件人|發件人|收件人|抄送|时间|日期|from|to|cc|date|time)[:：]?$/i;

function labelsIn(root: Element): Element[] {
  const byClass = Array.from(root.querySelectorAll(neteaseSelectors.label.join(', ')));
  if (byClass.length) return byClass;
  return Array.from(root.querySelectorAll('div, span, b, strong, td, dt, th, label')).filter(
    (el) => el.children.length === 0 && (el.textContent ?? '').length <= 12 && LABEL_TEXT.test(clean(el.textContent).replace(/\s+/g, '')),
  );
}

function rows(root: Element, re: RegExp): Element[] {
  const labels = labelsIn(root).filter((l) => re.test(clean(l.textContent).replace(/\s+/g, '')));
  return labels.map((l) => l.closest(neteaseSelectors.headerRow.join(', ')) ?? l.parentElement ?? l);
}

function addressesIn(rowEls: Element[]): Address[] {
  return rowEls.flatMap((r) => {
    const chips = Array.from(r.querySelectorAll(neteaseSelectors.address.join(', ')));
    const found = chips.map(chipAddress).filter((a): a is Address => !!a);
    return found.length ? found : parseAddressList(clean(r.textContent));
  });
}

function bodyText(root: Element, header: Element[]): string | undefined {
  const frame = firstMatch(root, neteaseSelectors.bodyFrame) as HTMLIFrameElement | undefined;
  try {
    const fdoc = frame?.contentDocument;
    if (fdoc?.body) return blockText(fdoc.body);
  } catch {
    /* cross-origin frame: fall through to the inline body */
  }
  const el = firstMatch(root, neteaseSelectors.body) ?? largestTextBlock(root, header);
  return el ? blockText(el) : undefined;
}

/** Where the clip controls go: the address chips of From rows (by NetEase's classes, else by the row's words). */
export function neteaseSenders(doc: Document): Element[] {
  for (const sel of ['.nui-readHeader .nui-addr', '[id*="ReadModule"] .js-component-addressitem', '[id*="ReadModule"] .nui-addr']) {
    const found = Array.from(doc.querySelectorAll(sel));
    if (found.length) return found;
  }
  const roots = Array.from(doc.querySelectorAll('[id*="ReadModule"]'));
  return (roots.length ? roots : [doc.body]).flatMap((root) =>
    rows(root, FROM).map((row) => row.querySelector('[data-email], [title*="@"]')).filter((e): e is Element => !!e),
  );
}

export const netease: CaptureAdapter = {
  id: 'netease',
  webmail: true,
  matches: webmailHosts.netease,
  detect: (doc) => !!doc.querySelector('[id*="ReadModule"] [data-email], [id*="ReadModule"] [title*="@"], .nui-addr .nui-addr-email'),
  read(doc, url) {
    const reads = neteaseSelectors.read.flatMap((s) => Array.from(doc.querySelectorAll(s))).filter((r) => rows(r, FROM).length);
    const root = reads[0];
    if (!root) throw new CaptureReadError('netease', 'no open message');
    const fromRows = rows(root, FROM);
    const sender = addressesIn(fromRows)[0];
    if (!sender?.email) throw new CaptureReadError('netease', 'no sender');
    const subjectEl = firstMatch(root, neteaseSelectors.subject);
    const dateEl = firstMatch(root, neteaseSelectors.date);
    const dateText = dateEl?.getAttribute('data-time') ?? dateEl?.getAttribute('title') ?? clean(dateEl?.textContent ?? rows(root, TIME)[0]?.textContent);
    const ts = /^\d{12,13}$/.test(dateText ?? '') ? Number(dateText) : parseMailDate(dateText);
    return {
      sender,
      to: addressesIn(rows(root, TO)),
      cc: addressesIn(rows(root, CC)),
      subject: clean(subjectEl?.getAttribute('data-subject') ?? subjectEl?.textContent),
      occurredAt: ts,
      body: bodyText(root, [...fromRows, ...labelsIn(root), ...(subjectEl ? [subjectEl] : [])]),
      messageId: root.getAttribute('data-mid') ?? root.querySelector('[data-mid]')?.getAttribute('data-mid') ?? /[?&#]mid=([^&]+)/.exec(url)?.[1],
      ownEmails: parseAddressList(clean(firstMatch(doc, neteaseSelectors.account)?.textContent)).map((a) => a.email),
    };
  },
  extract(doc, url, options) {
    return buildEmailDraft('netease', this.read!(doc, url), url, options);
  },
};
