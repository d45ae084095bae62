import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/**
 * Which country a phone number written without "+" belongs to. Chinese account managers in
 * foreign trade clip customers from Europe, Latin America and Japan: reading "06 04 65 83 40"
 * with the CN default gives a wrong +86 number. The order of evidence:
 *   1. an explicit "+" or "00" international prefix: the number says it;
 *   2. the regions the evidence names (the signature's address or country, the sender's and the
 *      signature's domains, the signature's language) — the first where the number is valid;
 *   3. the settings' default region, when the number is valid there;
 *   4. the one region, among the common ones, where the number is valid;
 * else no E.164 (the raw text is always kept).
 */
export interface RegionEvidence {
  /** Regions in order of strength (address country first, then domains, then language). */
  regions?: readonly string[];
  defaultRegion: string;
}

/** Country-code top-level domains → region; generic ones (.com, .net, .org) say nothing. */
const TLD_REGION: Record<string, string> = {
  fr: 'FR', de: 'DE', es: 'ES', it: 'IT', pt: 'PT', br: 'BR', jp: 'JP', cn: 'CN', hk: 'HK', tw: 'TW', uk: 'GB',
  mx: 'MX', ar: 'AR', cl: 'CL', co: 'CO', pe: 'PE', ve: 'VE', uy: 'UY', be: 'BE', ch: 'CH', at: 'AT', nl: 'NL',
  lu: 'LU', ca: 'CA', au: 'AU', nz: 'NZ', ie: 'IE', pl: 'PL', se: 'SE', no: 'NO', dk: 'DK', fi: 'FI', ru: 'RU',
  kr: 'KR', in: 'IN', sg: 'SG', my: 'MY', th: 'TH', vn: 'VN', id: 'ID', ph: 'PH', tr: 'TR', ae: 'AE', sa: 'SA',
  za: 'ZA', eg: 'EG', ma: 'MA', tn: 'TN', dz: 'DZ', gr: 'GR', cz: 'CZ', hu: 'HU', ro: 'RO', us: 'US',
};

/** The region a domain's country-code TLD names ("mail.acme.co.uk" → GB), if any. */
export function regionOfDomain(domainOrEmail: string | undefined): string | undefined {
  const host = (domainOrEmail ?? '').toLowerCase().replace(/^.*@/, '').replace(/^https?:\/\//, '').split(/[/:?#]/)[0] ?? '';
  const tld = host.split('.').pop() ?? '';
  return TLD_REGION[tld];
}

/** Country names and postal shapes in an address → region. */
const COUNTRY_WORDS: Array<[RegExp, string]> = [
  [/\b(france|frankreich|francia)\b|\bcedex\b|(?<!\d)\d{5}\s+paris\b/i, 'FR'],
  [/\b(deutschland|germany|allemagne|alemania|germania)\b|\bD-\d{5}\b/i, 'DE'],
  [/\b(españa|espana|spain|espagne|spanien|spagna)\b/i, 'ES'],
  [/\b(italia|italy|italie|italien)\b|\(\s?(MI|RM|TO|BO|FI|NA|VE|GE|BS|BG|VR|PD|TV|VI)\s?\)/, 'IT'],
  [/\b(portugal)\b|\b\d{4}-\d{3}\s+\p{Lu}/iu, 'PT'],
  [/\b(brasil|brazil|brésil)\b|\b\d{5}-\d{3}\b/i, 'BR'],
  [/\b(méxico|mexico|mexique)\b|\bCDMX\b/i, 'MX'],
  [/\b(argentina)\b/i, 'AR'],
  [/\b(chile)\b/i, 'CL'],
  [/\b(colombia)\b/i, 'CO'],
  [/\b(perú|peru)\b/i, 'PE'],
  [/\b(japan|japon|japón|giappone)\b|日本|〒|東京都|大阪府|[都道府県].{0,6}[市区町村]/i, 'JP'],
  [/\b(belgique|belgium|belgië|belgien)\b/i, 'BE'],
  [/\b(suisse|schweiz|switzerland|svizzera)\b/i, 'CH'],
  [/\b(österreich|austria|autriche)\b/i, 'AT'],
  [/\b(united kingdom|england|scotland)\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/, 'GB'],
  [/\b(usa|u\.s\.a\.|united states)\b|\b[A-Z]{2}\s+\d{5}(-\d{4})?\b/, 'US'],
  [/\b(canada)\b/i, 'CA'],
  [/中国|中華人民共和国|\bP\.?R\.?\s?China\b|\bChina\b|[省市区县].{0,12}[路街道]/i, 'CN'],
];

export function regionsOfAddress(text: string | undefined): string[] {
  if (!text) return [];
  return COUNTRY_WORDS.filter(([re]) => re.test(text)).map(([, r]) => r);
}

/** Regions tried last, when nothing else decides: the countries Cardfile's users trade with most. */
const COMMON = ['CN', 'US', 'GB', 'FR', 'DE', 'ES', 'IT', 'PT', 'BR', 'MX', 'JP', 'HK', 'TW', 'KR', 'IN', 'RU', 'AU', 'CA', 'NL', 'BE', 'CH', 'AT', 'AR', 'CL', 'CO'];

function parse(raw: string, region?: string) {
  try {
    return parsePhoneNumberFromString(raw, region as CountryCode | undefined);
  } catch {
    return undefined;
  }
}

/** Written forms libphonenumber misreads: "+33 (0)1 42…" (the trunk 0 in brackets), fullwidth brackets. */
function tidy(raw: string): string {
  return raw.replace(/（/g, '(').replace(/）/g, ')').replace(/^(\+\d{1,3})\s*\(0\)\s*/, '$1 ').replace(/^00(?=[1-9])/, '+');
}

/** E.164 of a number, with its region chosen from the evidence; undefined when no reading is valid. */
export function inferE164(raw: string, evidence: RegionEvidence): string | undefined {
  const text = tidy(raw.trim());
  if (text.startsWith('+')) {
    const p = parse(text);
    return p?.isValid() ? p.number : undefined;
  }
  const tried = new Set<string>();
  for (const r of [...(evidence.regions ?? []), evidence.defaultRegion]) {
    if (!r || tried.has(r)) continue;
    tried.add(r);
    const p = parse(text, r);
    if (p?.isValid()) return p.number;
  }
  const valid = COMMON.filter((r) => !tried.has(r)).map((r) => parse(text, r)).filter((p) => p?.isValid());
  const numbers = new Set(valid.map((p) => p!.number));
  return numbers.size === 1 ? [...numbers][0] : undefined;
}
