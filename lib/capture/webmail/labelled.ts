import { type Address, clean, EMAIL_RE, parseAddressList } from '../dom';

/**
 * Header rows labelled in words ("发件人：", "收件人：", "抄　送：", "From:"), read without class
 * names: the label is a short element of its own text, its row the nearest block around it, the
 * addresses the row's elements carrying one (e=, data-email=, title=, aria-label=) or its text.
 * QQ Mail's new client (wx.mail.qq.com) and NetEase render headers this way; classes change.
 */
export const FROM_LABEL = /^(发件人|發件人|寄件人|寄件者|from|von|de|da)$/i;
export const TO_LABEL = /^(收件人|收件者|to|an|à|a|para)$/i;
export const CC_LABEL = /^(抄送|副本|cc)$/i;
export const TIME_LABEL = /^(时间|時間|日期|发送时间|date|time|datum)$/i;
const ANY_LABEL = /^(发件人|發件人|寄件人|寄件者|收件人|收件者|抄送|副本|时间|時間|日期|发送时间|from|to|cc|date|time)[:：]?$/i;

const squash = (s: string | null | undefined) => clean(s).replace(/\s+/g, '');

/** Label elements in a root: leaf elements whose whole text is a header label. */
export function headerLabels(root: Element, limit = 400): Element[] {
  const out: Element[] = [];
  const all = root.querySelectorAll('span, div, b, strong, td, th, dt, label, em, i, p');
  for (let i = 0; i < all.length && i < 20_000 && out.length < limit; i++) {
    const el = all[i]!;
    if (el.children.length > 1) continue;
    const text = el.textContent ?? '';
    if (text.length > 14) continue;
    if (ANY_LABEL.test(squash(text))) out.push(el);
  }
  return out;
}

export const labelWord = (el: Element) => squash(el.textContent).replace(/[:：]$/, '');

/** The row a label heads: the smallest ancestor holding more than the label itself. */
export function rowOf(label: Element): Element {
  let row: Element = label;
  for (let k = 0; k < 4 && row.parentElement; k++) {
    row = row.parentElement;
    if (squash(row.textContent).length > squash(label.textContent).length) return row;
  }
  return row;
}

function attrAddress(el: Element): Address | undefined {
  const attr = el.getAttribute('e') ?? el.getAttribute('data-email') ?? el.getAttribute('email');
  const fromTitle = [el.getAttribute('title'), el.getAttribute('aria-label')].map((t) => t?.match(EMAIL_RE)?.[0]).find(Boolean);
  const email = attr?.includes('@') ? attr : fromTitle;
  if (!email) return undefined;
  const named = el.getAttribute('n') ?? el.getAttribute('data-name') ?? el.getAttribute('name');
  const shown = clean(el.textContent).replace(/[<＜(（]?\s*[^\s<>]+@[^\s<>]+\s*[>＞)）]?/g, '').trim();
  const name = clean(named ?? shown);
  return { email: email.toLowerCase(), name: name.includes('@') ? '' : name };
}

/** The addresses of a header row (labels' own text never becomes a name). */
export function rowAddresses(row: Element): Address[] {
  const els = Array.from(row.querySelectorAll('[e], [data-email], [email], [title*="@"], [aria-label*="@"]'));
  const found = els.map(attrAddress).filter((a): a is Address => !!a);
  const seen = new Set<string>();
  const unique = found.filter((a) => !seen.has(a.email) && !!seen.add(a.email));
  if (unique.length) return unique;
  const text = clean(row.textContent).replace(/^[^:：]{1,8}[:：]/, '');
  return parseAddressList(text);
}

/** The first element of a row that shows an address: where a clip control can go. */
export function rowAnchor(row: Element): Element | undefined {
  return row.querySelector('[e], [data-email], [email], [title*="@"], [aria-label*="@"]') ?? undefined;
}
