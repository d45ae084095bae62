import { CLOSING, COMPANY, TITLE } from './lexicon';

const CJK = /[\u4e00-\u9fff]/;
const NOT_A_NAME = /^(hi|hello|dear|thanks|thank|regards|best|cheers|sincerely|ok|yes|no|please|note|attachment|confidential|from|to|subject|sent|date|您好|你好|谢谢|多谢|此致|敬礼|祝好|附件|收到|好的)(?![A-Za-z])/i;
/** One to four capitalised words or initials ("Mary S. Rembert"), with the usual particles. */
// Initials and short abbreviations take a period ("Mary S. Rembert", "Carol St. Clair"); whole words do not ("Agreed.").
const NAME_WORD = String.raw`(\p{Lu}(\.|\p{Ll}{1,2}\.|[\p{L}'’-]+(?!\.))|(van|von|de|der|den|da|di|do|dos|das|le|la|du|del|della|bin|al)\b)`;
const LATIN_NAME = new RegExp(`^${NAME_WORD}(\\s+${NAME_WORD}){0,3}$`, 'u');

/** Does a short string look like a person's name (Latin capitalised words, or 2–4 Chinese characters)? */
export function looksLikeName(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 40 || /\d|@/.test(t) || NOT_A_NAME.test(t) || CLOSING.test(t)) return false;
  if (COMPANY.test(t) || TITLE.test(t)) return false;
  // Departments and places (华东区, 市场部) are not names.
  if (CJK.test(t) && /[部区省市县处组科室司厂店行院所]$/.test(t)) return false;
  if (CJK.test(t)) return /^[\u4e00-\u9fff·]{2,4}(\s*[(（]?[A-Za-z][A-Za-z .'-]{1,30}[)）]?)?$/.test(t.replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, ''));
  return LATIN_NAME.test(t);
}

