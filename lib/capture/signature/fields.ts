import { findEmails, findMessengers, findPhones, findWebsites, labelOnlyLine, type FoundPhone, type PhoneLabel } from './contacts';
import { inferE164, regionOfDomain, regionsOfAddress } from '../../domain/phone-region';
import { ADDRESS_LABEL, CITY_LINE, CN_ADDRESS_MARK, COMPANY, LANGUAGE_REGION, STREET, TITLE } from './lexicon';
import { looksLikeName } from './names';
import type { SignatureBlock } from './block';

export interface SignatureFields {
  name?: string;
  title?: string;
  company?: string;
  phones: FoundPhone[];
  emails: string[];
  websites: string[];
  address?: string;
  wechat?: string;
  qq?: string;
}
export interface FieldOptions {
  region: string;
  senderName?: string;
  senderEmail?: string;
}

const CJK = /[\u4e00-\u9fff]/;
const SEGMENT_SPLIT = /\s*[|｜•·,，;；]\s*|\s+[-–—/]\s+|\s{2,}|\t/;
const FIELD_LABEL = /^(公司|单位|职位|职务|姓名|company|title|position|name)\s*[:：]\s*/i;

const isTitle = (seg: string) => TITLE.test(seg) && seg.length <= 60 && seg.split(/\s+/).length <= 8 && !/([a-z]{3,}[.?!]|[?!])$/.test(seg);

function isChineseAddress(t: string): boolean {
  const marks = (t.match(CN_ADDRESS_MARK) ?? []).length;
  const cjk = (t.match(/[\u4e00-\u9fff]/g) ?? []).length;
  return marks >= 2 && cjk >= 5 && /\d|号|室|楼|层|弄|座/.test(t) && !/(公司|集团|银行|大学|医院)$/.test(t);
}

function segments(line: string): string[] {
  let parts = line.split(SEGMENT_SPLIT);
  // Chinese lines separate name, title and company with single spaces.
  if (CJK.test(line)) parts = parts.flatMap((p) => p.split(/(?<=[\u4e00-\u9fff)）])\s+(?=[\u4e00-\u9fff(（A-Za-z])/));
  return parts.map((p) => p.trim().replace(FIELD_LABEL, '')).filter(Boolean);
}

function nameTokens(options: FieldOptions): string[][] {
  const lists: string[][] = [];
  const n = options.senderName?.replace(/["'<>]/g, '').trim();
  if (n) lists.push(CJK.test(n) ? [n.replace(/\s+/g, '')] : n.toLowerCase().split(/[\s,]+/).filter((t) => t.length >= 2));
  const local = options.senderEmail?.split('@')[0]?.toLowerCase();
  if (local && /[._-]/.test(local)) lists.push(local.split(/[._-]+/).filter((t) => t.length >= 2 && !/\d/.test(t)));
  return lists.filter((l) => l.length > 0);
}

/** The name in the block: the sender's own name when it appears, else the first name-like line. */
function pickName(candidates: string[], allLines: string[], options: FieldOptions): string | undefined {
  for (const tokens of nameTokens(options)) {
    for (const line of allLines) {
      for (const seg of segments(line)) {
        const compact = CJK.test(seg) ? seg.replace(/\s+/g, '') : seg.toLowerCase();
        if (seg.length <= 40 && tokens.every((t) => compact.includes(t)) && !/@|\d/.test(seg)) return seg;
      }
    }
    for (const line of allLines) if (tokens.includes(line.trim().toLowerCase()) && looksLikeName(line)) return line.trim();
  }
  const first = candidates.find(looksLikeName);
  // "Cheers, Sam" above "Sam Carter | Lead Engineer": the fuller name wins.
  const fuller = first && candidates.find((c) => c.startsWith(`${first} `) && looksLikeName(c));
  return fuller ?? first;
}

/** Free-mail and webmail domains say nothing about the sender's company. */
const FREE_MAIL = /^(gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|mac|gmx|web|orange|free|sfr|laposte|wanadoo|libero|virgilio|terra|uol|bol|qq|foxmail|163|126|yeah|sina|sohu|aliyun|139|yandex|mail|protonmail|proton)$/i;
const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '');

function companyFromDomain(lines: string[], addresses: string[], options: FieldOptions): string | undefined {
  const labels = addresses
    .map((a) => a.toLowerCase().replace(/^.*@/, '').replace(/^https?:\/\//, '').replace(/^www\./, '').split(/[/:?#]/)[0] ?? '')
    .map((host) => host.split('.').filter((p) => !/^(com|net|org|co|gov|edu|ac|biz|info)$/.test(p)).slice(0, -1).pop() ?? host.split('.')[0] ?? '')
    .map(fold)
    .filter((l) => l.length >= 3 && !FREE_MAIL.test(l));
  if (!labels.length) return undefined;
  const sender = fold(options.senderName ?? '');
  for (const line of lines) {
    const f = fold(line);
    if (f.length < 3 || line.length > 60 || /\d{3}/.test(line) || looksLikePersonLine(line, sender)) continue;
    if (labels.some((l) => f.startsWith(l) || l.startsWith(f) || (f.length >= 4 && l.includes(f)) || (l.length >= 4 && f.includes(l)))) return line;
  }
  return undefined;
}

/** The sender's own name line is not the company, even when the domain is their name. */
function looksLikePersonLine(line: string, senderFolded: string): boolean {
  return !!senderFolded && fold(line) === senderFolded;
}

const NANP_SHAPE = /^(\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}$/;
const MOBILE_CN = /^\+861[3-9]\d{9}$/;

/**
 * The country of numbers written without "+": from the signature's address, its web and mail
 * domains, the sender's domain, the signature's language, then the default region
 * (lib/domain/phone-region). Each number's raw text stays as written.
 */
function assignRegions(out: SignatureFields, lines: string[], address: string[], options: FieldOptions): void {
  if (!out.phones.length) return;
  const text = lines.join('\n');
  const regions = [
    ...regionsOfAddress(address.join('\n')),
    ...[...out.websites, ...out.emails].map(regionOfDomain),
    regionOfDomain(options.senderEmail),
    ...LANGUAGE_REGION.filter(([re]) => re.test(text)).map(([, r]) => r),
  ].filter((r): r is string => !!r);
  for (const p of out.phones) {
    const shaped = NANP_SHAPE.test(p.raw.trim()) && !/^(400|800)/.test(p.raw.replace(/\D/g, '')) ? ['US'] : [];
    const e164 = inferE164(p.raw.replace(/\s*(x|ext\.?|extension|poste|分机|转|内线)\s*\d{1,6}$/i, ''), { regions: [...regions, ...shaped], defaultRegion: options.region });
    p.e164 = e164;
    if (!e164) delete p.e164;
    if (p.label === 'other' && e164 && MOBILE_CN.test(e164)) p.label = 'mobile';
  }
}

/** Name, title, company, phones, emails, websites, address, WeChat and QQ from a signature block. */
export function extractFields(block: SignatureBlock, options: FieldOptions): SignatureFields {
  const out: SignatureFields = { phones: [], emails: [], websites: [] };
  const lines = block.lines.map((l) => l.trim()).filter(Boolean);
  const address: string[] = [];
  const nameCandidates: string[] = block.closingName ? [block.closingName] : [];
  let inherited: PhoneLabel | undefined;
  let inAddress = false;
  const textLines: string[] = [];

  for (const line of lines) {
    const label = labelOnlyLine(line);
    if (label) {
      inherited = label;
      continue;
    }
    const messengers = findMessengers(line);
    out.wechat ??= messengers.wechat;
    out.qq ??= messengers.qq;
    const emails = findEmails(line);
    const websites = findWebsites(line);
    out.emails.push(...emails);
    out.websites.push(...websites);

    const labelled = ADDRESS_LABEL.exec(line);
    const bare = labelled ? line.slice(labelled[0].length) : line;
    const street = STREET.test(bare) || isChineseAddress(bare);
    if (labelled || street || (inAddress && CITY_LINE.test(bare))) {
      address.push(bare.trim());
      inAddress = true;
      continue;
    }
    inAddress = false;

    const phones = findPhones(messengers.masked, options.region, inherited);
    inherited = undefined;
    out.phones.push(...phones);
    if (messengers.sameAsPhone && phones[0]) out.wechat ??= phones[0].raw.replace(/\D/g, '');
    if (phones.length || emails.length || websites.length || messengers.wechat || messengers.qq) continue;
    if (line.length > 80) continue;

    textLines.push(line);
  }

  // Company suffix lines first, so a title line's remainder ("VP, Business Development") is not taken for the company.
  for (const line of textLines) {
    if (!out.company && COMPANY.test(line) && !TITLE.test(line.replace(COMPANY, '')) && line.length <= 60) out.company = line;
  }
  for (const line of textLines) {
    if (line === out.company) continue;
    if (looksLikeName(line)) {
      nameCandidates.push(line);
      continue;
    }
    let titleAt = -1;
    const segs = segments(line);
    segs.forEach((seg, i) => {
      if (!out.company && COMPANY.test(seg) && !TITLE.test(seg.replace(COMPANY, ''))) out.company = seg;
      else if (titleAt < 0 && !out.title && isTitle(seg)) {
        out.title = seg;
        titleAt = i;
      } else if (titleAt >= 0 && i > titleAt) {
        // The rest of a title line: its company ("Senior Counsel, EWS"), or more of the title.
        if (!out.company && seg.length <= 50 && !/\d/.test(seg)) out.company = seg;
        else if (out.company !== seg) out.title = `${out.title}, ${seg}`;
      } else nameCandidates.push(seg);
    });
  }

  // No company form ("Lumière Distribution", "ACME France"): the line that spells the mail or web domain.
  if (!out.company) {
    const free = textLines.filter((l) => !(out.title && l.includes(out.title)));
    out.company = companyFromDomain(free, [...out.emails, ...out.websites, options.senderEmail ?? ''], options);
    if (out.company) nameCandidates.splice(0, nameCandidates.length, ...nameCandidates.filter((c) => c !== out.company));
  }
  assignRegions(out, lines, address, options);
  out.name = pickName(nameCandidates, [...(block.closingName ? [block.closingName] : []), ...lines], options);
  if (address.length) out.address = address.join(CJK.test(address.join('')) ? ' ' : ', ').replace(/,\s*,/g, ',');
  out.emails = [...new Set(out.emails)];
  out.websites = [...new Set(out.websites)];
  return out;
}
