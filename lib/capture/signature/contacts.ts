import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { PHONE_LABELS } from './lexicon';

export type PhoneLabel = 'mobile' | 'work' | 'fax' | 'home' | 'other';
export interface FoundPhone {
  raw: string;
  e164?: string;
  label?: PhoneLabel;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const URL_RE = /(?:https?:\/\/|www\.)[^\s<>()"'，。；、]+/gi;
const BARE_DOMAIN = /^(?:[a-z0-9-]+\.)+(?:com|cn|net|org|io|co|biz|info|com\.cn|net\.cn|hk|tw|uk|de|fr|jp|us|ca|au)$/i;
const WEB_LABEL = /(网址|网站|主页|官网|web|website|site|url|homepage)\s*[:：]\s*(\S+)/i;
const PHONE_CANDIDATE = /(?<![A-Za-z0-9])[+(（]?\d[\d\s().\-–（）]{5,}\d(?:\s*(?:x|ext\.?|extension|分机|转)\s*\d{1,6})?/gi;
/** Dates and US ZIP+4 codes look like numbers but are not. */
const DATE_LIKE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$|^\d{5}-\d{4}$/;
const IN_DATE = /\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}/;
const NANP_SHAPE = /^\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}$/;
const WECHAT = /(?:微信号?|WeChat(?:\s*ID)?|weixin|(?<![A-Za-z])wx)\s*[:：]?\s*([A-Za-z][-_A-Za-z0-9]{5,19}|\+?\d[\d\s-]{5,16}\d)/i;
const QQ = /(?<![A-Za-z])(?:QQ|Q\s?Q)\s*(?:号码?)?\s*[:：]?\s*([1-9]\d{4,11})(?!\d)/i;
const SAME_AS_PHONE = /微信同号|同微信|wechat\s*same/i;

/** Emails on a line, lower-cased. */
export function findEmails(line: string): string[] {
  return [...line.matchAll(EMAIL)].map((m) => m[0].replace(/\.$/, '').toLowerCase());
}

/** Web addresses on a line: http(s) and www. links, a labelled site, or a bare domain alone on its line. */
export function findWebsites(line: string): string[] {
  const withoutEmails = line.replace(EMAIL, ' ');
  const found = [...withoutEmails.matchAll(URL_RE)].map((m) => m[0].replace(/[.,;:!?)\]}>]+$/, ''));
  const labelled = WEB_LABEL.exec(withoutEmails);
  if (labelled?.[2] && found.length === 0 && /\.[a-z]{2,}/i.test(labelled[2])) found.push(labelled[2].replace(/[.,;]+$/, ''));
  const bare = withoutEmails.trim();
  if (found.length === 0 && BARE_DOMAIN.test(bare)) found.push(bare);
  return found;
}

/**
 * A WeChat ID and a QQ number on a line; `masked` is the line with them blanked out so the phone
 * finder skips them; `sameAsPhone` marks "微信同号" (the WeChat ID is the phone number).
 */
export function findMessengers(line: string): { wechat?: string; qq?: string; masked: string; sameAsPhone: boolean } {
  let masked = line;
  let wechat: string | undefined;
  let qq: string | undefined;
  const w = WECHAT.exec(line);
  if (w?.[1]) {
    wechat = w[1].replace(/[\s-]/g, '');
    masked = masked.replace(w[0], ' '.repeat(w[0].length));
  }
  const q = QQ.exec(masked);
  if (q?.[1]) {
    qq = q[1];
    masked = masked.replace(q[0], ' '.repeat(q[0].length));
  }
  return { wechat, qq, masked, sameAsPhone: !wechat && SAME_AS_PHONE.test(line) };
}

function labelFor(before: string, after: string, e164: string | undefined): PhoneLabel {
  for (const [label, re] of PHONE_LABELS) if (re.test(before)) return label;
  // "(Cell)" or a bare "fax" after the number labels it when nothing stands before it.
  const suffix = /^\s*[(（]?\s*([A-Za-z\u4e00-\u9fff]{1,12})\s*[)）]?/.exec(after)?.[1];
  if (suffix) for (const [label, re] of PHONE_LABELS) if (re.test(suffix) && !/^[a-z]$/i.test(suffix)) return label;
  if (e164 && /^\+861[3-9]\d{9}$/.test(e164)) return 'mobile';
  return 'other';
}

function e164Of(raw: string, region: string): string | undefined {
  const digits = raw.replace(/\D/g, '');
  // A US-shaped 10-digit number ((770) 886-6202) would otherwise parse as a Chinese landline under
  // the CN default; CN 10-digit numbers are 400/800 service lines, so the shape is unambiguous.
  const useRegion = region === 'CN' && digits.length === 10 && /^[2-9]/.test(digits) && !/^(400|800)/.test(digits) && NANP_SHAPE.test(raw.trim()) ? 'US' : region;
  const parsed = parsePhoneNumberFromString(raw.replace(/（/g, '(').replace(/）/g, ')'), useRegion as CountryCode);
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * Phone numbers on a line (emails and URLs removed first), each with the raw text, E.164 when
 * libphonenumber finds it valid, and a label from the nearest keyword before it ("Tel:", "手机")
 * or a parenthesised one after it ("(Cell)"). `inherited` is a label from a line above ("Phone:" alone).
 */
export function findPhones(line: string, region: string, inherited?: PhoneLabel): FoundPhone[] {
  const clean = line.replace(EMAIL, (m) => ' '.repeat(m.length)).replace(URL_RE, (m) => ' '.repeat(m.length));
  const matches = [...clean.matchAll(PHONE_CANDIDATE)];
  const out: FoundPhone[] = [];
  let prevEnd = 0;
  matches.forEach((m, i) => {
    const start = m.index;
    let raw = m[0].trim().replace(/[\s(（.\-–]+$/, '');
    if (/^[(（]/.test(raw) && !/[)）]/.test(raw)) raw = raw.slice(1);
    const digits = raw.replace(/\s*(x|ext\.?|extension|分机|转)\s*\d+$/i, '').replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15 || DATE_LIKE.test(raw) || IN_DATE.test(raw)) return;
    // "14:30" right after the match: a date and time, not a number.
    if (/^\d*\s*:\d/.test(clean.slice(start + m[0].length))) return;
    const e164 = e164Of(raw, region);
    const before = clean.slice(prevEnd, start);
    const after = clean.slice(start + m[0].length, matches[i + 1]?.index ?? clean.length);
    let label = labelFor(before, after, e164);
    if (label === 'other' && inherited) label = inherited;
    out.push({ raw, e164, label });
    prevEnd = start + m[0].length;
  });
  return out;
}

/** The label of a line that is only a keyword ("Phone:", "手机："), applied to the number on the next line. */
export function labelOnlyLine(line: string): PhoneLabel | undefined {
  const t = line.trim();
  if (t.length > 20 || /\d/.test(t)) return undefined;
  for (const [label, re] of PHONE_LABELS) if (re.test(t) && /[:：]$/.test(t)) return label;
  return undefined;
}
