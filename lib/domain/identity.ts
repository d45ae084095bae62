// When two records are the same person or company: the one set of rules used by the review form's
// matching (lib/db/matching.ts), the Duplicates tab (lib/workspace/duplicates.ts) and import dedupe
// (lookup keys, lib/domain/derive.ts). Pure.

/** An email compared: trimmed, lower case. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

/** A name compared: width (NFKC), case, spaces, punctuation and symbols ignored ("Zhang Wei" = "zhang-wei" = "ＺＨＡＮＧ　ＷＥＩ"). */
export const nameKey = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

// Legal forms, as whole words at the end (dots already removed: "S.p.A." → "spa", "Co., Ltd." → "co, ltd").
// A bare "co" is a word of its own only: "Cisco" keeps its "co".
const LEGAL_WORDS = [
  'gmbh & co kg', 'gmbh and co kg', 'sa de cv', 'sp z oo', 'sdn bhd', 'pty ltd', 'pte ltd', 'co ltd', 'co llc',
  'incorporated', 'inc', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'corp', 'corporation', 'company', 'co',
  'gmbh', 'ag', 'kg', 'ug', 'ev', 'kgaa', 'se', // German-speaking, EU
  'sarl', 'sas', 'sasu', 'sa', 'snc', 'eurl', // French
  'sl', 'slu', 'sau', // Spanish
  'spa', 'srl', 'srls', 'sapa', 'snc', // Italian
  'ltda', 'eireli', 'me', // Portuguese / Brazil
  'bv', 'nv', 'vof', // Dutch, Belgian
  'oy', 'oyj', 'ab', 'as', 'asa', 'a/s', 'aps', // Nordic
  'sro', 'as', 'kft', 'zrt', 'nyrt', 'doo', // Central Europe
  'pty', 'pte', 'bhd', 'kk', 'tbk', 'pt', // Asia-Pacific
  'ooo', 'oao', 'zao', 'pao', 'ао', 'ооо', 'оао', 'зао', 'пао', // Russian (Latin and Cyrillic)
];
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '[\\s,&]+');
const SUFFIX_WORD = new RegExp(`(?:^|[\\s,&(（]+)(?:${[...LEGAL_WORDS].sort((a, b) => b.length - a.length).map(escape).join('|')})[\\s,)）]*$`, 'u');
// Chinese, Japanese and Korean legal forms need no space before them; 株式会社 and 주식회사 may also lead.
const CJK_SUFFIX = /(?:有限责任公司|有限責任公司|股份有限公司|有限公司|股份公司|集团公司|集團|集团|公司|株式会社|有限会社|合同会社|（株）|\(株\)|주식회사|\(주\)|（주）|유한회사)[\s,.)）]*$/u;
const CJK_PREFIX = /^(?:株式会社|有限会社|合同会社|（株）|\(株\)|주식회사|\(주\)|（주）|ооо|оао|зао|пао|ао)\s*/u;

/**
 * A company name reduced for comparison: width, case, punctuation and legal forms removed
 * ("上海云帆科技有限公司" → "上海云帆科技", "Acme Co., Ltd." → "acme", "Siemens AG", "Fiat S.p.A.",
 * "株式会社ソニー" → its name). A name that is only a legal form keeps it.
 */
export function companyKey(s: string): string {
  let k = s.normalize('NFKC').toLowerCase().replace(/\./g, '').trim();
  for (let prev = ''; prev !== k; ) {
    prev = k;
    const next = k.replace(SUFFIX_WORD, '').replace(CJK_SUFFIX, '').replace(CJK_PREFIX, '').replace(/[\s,;&]+$/, '').trim();
    if (next) k = next;
  }
  return nameKey(k);
}

/** Same company: equal keys, or one inside the other when the shorter says enough on its own ("云帆科技" in "上海云帆科技"). */
export function sameCompany(a: string, b: string): boolean {
  const x = companyKey(a);
  const y = companyKey(b);
  if (!x || !y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return x === y || (short.length >= (/\p{Script=Han}/u.test(short) ? 2 : 4) && long.includes(short));
}

/** Same name and (when both have one) the same company. */
export function sameNameAndCompany(a: { name: string; company: string }, b: { name: string; company: string }): boolean {
  if (!a.name || !nameKey(a.name) || nameKey(a.name) !== nameKey(b.name)) return false;
  if (!a.company.trim() || !b.company.trim()) return true;
  return sameCompany(a.company, b.company);
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** "https://cn.linkedin.com/in/Zhang-Wei/?x" → "in/zhang-wei"; a bare handle "zhang-wei" → "*\/zhang-wei". */
export function linkedinKey(handle: string): string {
  const h = handle.trim();
  const m = /linkedin\.com\/(in|company|pub|school)\/([^/?#]+)/i.exec(h);
  if (m) return `${m[1]!.toLowerCase()}/${safeDecode(m[2]!).toLowerCase()}`;
  return `*/${h.replace(/^@/, '').replace(/\/+$/, '').toLowerCase()}`;
}

/** Same LinkedIn profile: same kind and slug, or the same slug when one side is a bare handle. */
export const sameLinkedin = (a: string, b: string): boolean =>
  a === b || ((a.startsWith('*/') || b.startsWith('*/')) && a.split('/')[1] === b.split('/')[1]);

/** A phone compared: its E.164 form when known, else its digits. */
export const phoneKey = (p: { raw: string; e164?: string }): string => p.e164 ?? p.raw.replace(/\D/g, '');

/** A website compared: no scheme, no www., no trailing slash, lower case. */
export const siteKey = (u: string): string => u.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
