/**
 * Repairs for what Tesseract typically gets wrong on cards, one line at a time, before the signature
 * parser reads the text. Each rule is narrow (it needs the shape of an email, a URL, a phone or a
 * label around it) so that correct text passes through unchanged; tests/capture/ocr/repair.test.ts
 * holds the table of mistakes.
 */

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_RE = new RegExp(`[${CJK}]`);

/** Full-width forms (ＡＢＣ１２３＠．) → ASCII; the ideographic space → a space. */
export function halfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => (c === '\uff1a' ? c : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/\u3000/g, ' ');
}

/** Spaces Tesseract puts between Chinese characters ("上 海 星河") go; two or more spaces stay a gap. */
export function joinCjk(s: string): string {
  return s
    .replace(new RegExp(`(?<=[${CJK}])[ ](?=[${CJK}（(])`, 'g'), '')
    .replace(new RegExp(`(?<=[${CJK}])[ ](?=[0-9]{1,5}(?:号|楼|层|室|弄|栋|座|幢|单元|街|路))`, 'g'), '')
    .replace(new RegExp(`(?<=[0-9])[ ](?=(?:号|楼|层|室|弄|栋|座|幢|单元)[${CJK}0-9]?)`, 'g'), '');
}

/** Label words as read, often mangled, → the label the parser knows. Only at the start of a line. */
const LABELS: Array<[RegExp, string]> = [
  [/^(?:手\s*[机杌]|移\s*动\s*电\s*话|Mob(?:ile)?|Mobi1e|Cell|M(?=\s*[:：.]))\s*[:：.;]?\s*/i, '手机：'],
  [/^(?:电\s*[话活诂]|座\s*机|Tel(?:ephone)?|Te1|TeI|Phone|Ph|T(?=\s*[:：.]))\s*[:：.;]?\s*/i, '电话：'],
  [/^(?:传\s*真|Fax|F(?=\s*[:：.]))\s*[:：.;]?\s*/i, '传真：'],
  [/^(?:[邮郎]\s*[箱笛件]|电\s*子\s*邮\s*件|E-?mai[l1I]|Mai[l1I]|E(?=\s*[:：.]))\s*[:：.;]?\s*/i, '邮箱：'],
  [/^(?:网\s*[址扯站]|[主官]\s*页|Web(?:site)?|URL|W(?=\s*[:：.]))\s*[:：.;]?\s*/i, '网址：'],
  [/^(?:[地他]\s*[址扯圵止]|Add(?:r(?:ess)?)?|A(?=\s*[:：.]))\s*[:：.;]?\s*/i, '地址：'],
  [/^(?:微\s*信|WeChat|Wechat)\s*[:：.;]?\s*/i, '微信：'],
];

/** What a value looks like, to recognise a label Tesseract turned into junk ("地址" → "it:"). */
function valueKind(v: string): '手机：' | '电话：' | '邮箱：' | '网址：' | '地址：' | undefined {
  if (/@/.test(v)) return '邮箱：';
  if (/^(https?:\/\/|www\.)/i.test(v)) return '网址：';
  const digits = v.replace(/\D/g, '');
  if (/^[+(]?[\d\s().-]{7,}$/.test(v) && digits.length >= 7) return /^(\+?86)?1[3-9]\d{9}$/.test(digits) ? '手机：' : '电话：';
  if ((v.match(new RegExp(`[${CJK}]`, 'g')) ?? []).length >= 5 && /[省市区县路街道号楼层室]/.test(v)) return '地址：';
  return undefined;
}

/** A label at the start of the line, read right or wrong, → its canonical form (or dropped). */
export function fixLabel(line: string): string {
  const t = line.trim();
  for (const [re, canonical] of LABELS) {
    const m = re.exec(t);
    if (!m) continue;
    const rest = t.slice(m[0].length);
    // "Add" and "M" etc. are only labels before a value of their kind (not "Adding value", "Mary").
    if (!rest || (/^[A-Za-z]/.test(m[0]) && !/[:：.]/.test(m[0]) && /^[a-z]/.test(rest))) continue;
    if (/^[A-Z]$/i.test(m[0].replace(/[\s:：.;]/g, '')) && !valueKind(rest)) continue;
    return canonical + rest;
  }
  // A short junk token and a colon before a recognisable value: the label was misread.
  const junk = /^([A-Za-z\u3400-\u9fff]{1,4}|[^\sA-Za-z0-9\u3400-\u9fff]{1,3})\s*[:：;]\s*(.+)$/.exec(t);
  if (junk) {
    const kind = valueKind(junk[2]!);
    if (kind) return kind + junk[2]!;
  }
  return t;
}

const TLDS = 'com|cn|net|org|de|uk|us|io|co|hk|tw|jp|biz|info|edu|gov';

/** An email read with the usual confusions: spaces, © or Q before @, ",com", ".corn", "c0m", a lost dot. */
export function fixEmail(token: string): string {
  let t = token.replace(/\s*[@©®]\s*/g, '@').replace(/\(at\)|\[at\]/gi, '@');
  if (!t.includes('@')) return token;
  const [local, domainRaw] = [t.slice(0, t.lastIndexOf('@')), t.slice(t.lastIndexOf('@') + 1)];
  let domain = fixDomain(domainRaw);
  // A stray capital Q or O glued before the @ is the @'s own ring read twice (lower-case addresses).
  const loc = /[a-z0-9]Q$/.test(local) && local === local.replace(/Q$/, '').toLowerCase() + 'Q' ? local.slice(0, -1) : local;
  t = `${loc.replace(/[,，]/g, '.').replace(/\s+/g, '')}@${domain}`;
  return t.replace(/^[^A-Za-z0-9]+/, '').replace(/[^A-Za-z0-9]+$/, '');
}

/** A host name: commas and spaces for dots, ".corn" / "c0m", a dropped dot before the TLD, lower case. */
export function fixDomain(d: string): string {
  let s = d.trim().replace(/[,，。、·]/g, '.').replace(/\s+/g, '').replace(/\.{2,}/g, '.');
  s = s.replace(/\.c[o0]rn$/i, '.com').replace(/\.c[o0]m$/i, '.com').replace(/\.(c|cm|co1|con)$/i, (m) => (m.length <= 3 ? m : '.com'));
  // "xinghe-techcom" → "xinghe-tech.com": a dot lost before the TLD when the host has no dot at all.
  if (!s.includes('.')) s = s.replace(new RegExp(`(?<=[a-z0-9-]{2})(${TLDS})$`, 'i'), '.$1');
  return s.toLowerCase().replace(/[^a-z0-9.-]+$/, '');
}

/** A web address: "Www.", "wvw.", "www," and the domain rules; a lost dot after www goes back. */
export function fixUrl(token: string): string {
  const m = /^(https?:\/\/)?(w{2,3}|vvw|wvw|vww|ww|Www|WWW)[.,，·。\s]?(.+)$/i.exec(token.trim());
  if (!m) return token;
  const [host, ...path] = m[3]!.split('/');
  return `${m[1] ? m[1].toLowerCase() : ''}www.${fixDomain(host!)}${path.length ? `/${path.join('/')}` : ''}`;
}

/** Letters in a digit run (O→0, l/I/|→1, S→5, B→8, Z→2) where the run is mostly digits already. */
export function fixPhone(token: string): string {
  const digits = (token.match(/\d/g) ?? []).length;
  const letters = (token.match(/[OoIlL|SBZ]/g) ?? []).length;
  if (digits < 6 || letters > 3 || /[a-km-np-z]{2,}/i.test(token.replace(/[OoIlL|SBZ]/g, ''))) return token;
  return token
    .replace(/[Oo]/g, '0').replace(/[Il|L]/g, '1').replace(/S/g, '5').replace(/B/g, '8').replace(/Z/g, '2')
    .replace(/(?<=\d)\s*[-—–~]\s*(?=\d)/g, '-');
}

const EMAILISH = /[A-Za-z0-9._%+-]+\s*[@©®]\s*[A-Za-z0-9-]+(?:\s*[.,，]\s*[A-Za-z0-9-]+)*\s*[.,，]?\s*(?:c[o0]rn|c[o0]m|[a-z]{2,6})?/g;
const URLISH = /(?:https?:\/\/)?(?:www|Www|WWW|wvw|vvw|vww)\s*[.,，·。]\s*[A-Za-z0-9-]+(?:\s*[.,，]\s*[A-Za-z0-9-]+)*(?:\/\S*)?/g;
const PHONEISH = /(?:\+|\(\+?)?[\dOoIlSBZ|][\dOoIlSBZ|\s().\-—–~]{5,}[\dOoIlSBZ]/g;

/** One line of OCR text → repaired text. */
export function repairLine(raw: string): string {
  let s = halfWidth(raw).replace(/[“”"‘’`´]/g, "'").replace(/\s+$/, '');
  // "anna. fischer@…": a space read after a dot inside an address.
  s = s.replace(/(?<=[A-Za-z0-9])\.\s+(?=[A-Za-z0-9._-]+\s*[@©®])/g, '.');
  s = joinCjk(s);
  s = fixLabel(s);
  s = s.replace(EMAILISH, (m) => (m.includes('@') || /[©®]/.test(m) ? fixEmail(m) : m));
  s = s.replace(URLISH, (m) => fixUrl(m));
  s = s.replace(PHONEISH, (m) => (/\d{3}/.test(m) ? fixPhone(m) : m));
  // A label read with its colon lost: "电话 021-…" keeps working for the parser either way.
  return s.replace(/^[|｜!！'.,、。·\-—_~]+\s*/, '').replace(/\s*[|｜]+$/, '').trim();
}

export const hasCjk = (s: string) => CJK_RE.test(s);

/** Levenshtein distance (one row of the table kept); also the OCR test scorer's. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = t;
    }
  }
  return prev[b.length]!;
}

const EMAIL_TOKEN = /[a-z0-9._%+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;
const WWW_TOKEN = /\bwww\.([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;

/**
 * Cross-field repairs on a card's lines: an email whose @ was read as Q, G, D or O is rebuilt where
 * the card's website gives the domain ("sunjunQhuayuan.com" + www.huayuan.com); and when the email's
 * domain and the website's differ by one or two letters, the less confident reading takes the other.
 */
export function reconcileDomains(lines: Array<{ text: string; confidence: number }>): string[] {
  const out = lines.map((l) => l.text);
  const sites = new Map<string, number>();
  const mails = new Map<string, number>();
  out.forEach((t, i) => {
    for (const m of t.matchAll(WWW_TOKEN)) sites.set(m[1]!.toLowerCase(), i);
    for (const m of t.matchAll(EMAIL_TOKEN)) mails.set(m[1]!.toLowerCase(), i);
  });
  // The lost @: a token ending in the website's domain, glued to a local part by a misread letter.
  for (const [d] of sites) {
    const esc = d.replace(/[.-]/g, (c) => `\\${c}`);
    const re = new RegExp(`(^|[\\s：:])([a-z0-9._-]{2,})[QqGgDdOo0©®]?(?<![/.])(${esc})(?=$|\\s)`, 'i');
    out.forEach((t, i) => {
      if (t.includes('@') || /www\./i.test(t)) return;
      const m = re.exec(t);
      if (!m) return;
      const local = m[2]!.replace(/[Qq]$/, '');
      out[i] = t.replace(m[0], `${m[1]}${local.toLowerCase()}@${d}`);
      mails.set(d, i);
    });
  }
  for (const [md, mi] of mails) {
    for (const [sd, si] of sites) {
      if (md === sd) continue;
      const dist = editDistance(md, sd);
      if (dist > 2 || dist >= Math.min(md.length, sd.length) / 3) continue;
      const [from, to, at] = lines[mi]!.confidence < lines[si]!.confidence ? [md, sd, mi] : [sd, md, si];
      out[at] = out[at]!.replace(new RegExp(from.replace(/[.-]/g, (c) => `\\${c}`), 'i'), to);
    }
  }
  return out;
}
