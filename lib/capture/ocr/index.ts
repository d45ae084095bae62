import type { ContactDraft } from '../../domain/contact-draft';
import { addAddress, addEmail, addPhone, addSocial, addWebsite, emptyContact, setField } from '../draft';
import { parseSignature } from '../signature/index';
import { decodeImage, type Rgba } from './decode';
import { recognize, type DataVariant } from './engine';
import { companyHint, joinLabels, nameHint, pageLines, titleHint, type OcrLine } from './layout';
import { encodePgm, preprocess, quarterTurn, type PreprocessOptions } from './preprocess';
import { reconcileDomains, repairLine } from './repair';

export { OcrError, type OcrErrorCode } from './errors';
export { closeOcr, setOcrAssets, type OcrAssets } from './engine';
export { MAX_IMAGE_BYTES, sniffImage } from './decode';

/** Provenance of every field read from a card image (the review form says "read from the image"). */
export const IMAGE_SOURCE = 'image';

export interface ReadCardOptions {
  /** Region for numbers written without a country code (settings; CN by default). */
  defaultRegion?: string;
}

export interface ReadCardResult {
  /** The repaired text, one line per text line, in reading order. */
  text: string;
  /** The contact read from the card (none when the image holds no contact). */
  contacts: ContactDraft[];
}

/** Knobs for the measurements (scripts/ocr/eval.ts); the defaults are what ships. */
export interface PipelineOptions extends ReadCardOptions {
  preprocess?: PreprocessOptions;
  variant?: DataVariant;
  repair?: boolean;
  hints?: boolean;
  /** Try the picture turned a quarter either way when the upright read finds too little (default on). */
  rotate?: boolean;
}

/** A card photo, scan or screenshot (PNG, JPEG; WebP and others where the browser decodes them) → its contact. */
export async function readCardImage(bytes: Uint8Array, options: ReadCardOptions = {}): Promise<ReadCardResult> {
  return readCardPixels(await decodeImage(bytes), options);
}

/** The same from pixels already decoded (the side panel's canvas crop of a screenshot). */
export async function readCardPixels(img: Rgba, options: PipelineOptions = {}): Promise<ReadCardResult> {
  const upright = linesToResult(await readLines(img, options), options);
  if (options.rotate === false || machineFields(upright) >= ENOUGH) return upright;
  // Too little read upright: a card photographed sideways, or a vertical (竖排) card whose phone, email
  // and website run sideways. Each quarter turn costs one more pass, so only cards that need it pay.
  // The read with the most phones, emails and websites wins (they are checked by pattern, so a
  // garbled read cannot score with them); a tie keeps the upright read.
  let best = upright;
  for (const q of [3, 1] as const) {
    const turned = linesToResult(await readLines(quarterTurn(img, q), options), options);
    if (machineFields(turned) > machineFields(best)) best = turned;
    if (machineFields(best) >= ENOUGH) break;
  }
  return best;
}

/** Phones, emails and websites found: fields a real read has and a garbled one lacks. */
const machineFields = (r: ReadCardResult) => {
  const c = r.contacts[0];
  return c ? c.phones.length + c.emails.length + c.websites.length : 0;
};
/** An upright read with at least this many is kept as it is. */
const ENOUGH = 2;

/** Image → text lines (preprocessed, Tesseract sparse-text mode, fragments joined, repaired). */
export async function readLines(img: Rgba, options: PipelineOptions = {}): Promise<OcrLine[]> {
  const { image } = preprocess(img, options.preprocess);
  const page = await recognize(encodePgm(image), { variant: options.variant });
  const lines = joinLabels(pageLines(page));
  if (options.repair === false) return lines;
  const repaired = lines.map((l) => ({ ...l, text: repairLine(l.text) })).filter((l) => l.text);
  // The email's domain and the website's are usually one: a letter misread in one is read right in the other.
  const fixed = reconcileDomains(repaired.map((l) => ({ text: l.text, confidence: l.confidence })));
  return repaired.map((l, i) => ({ ...l, text: fixed[i]! }));
}

/** Lines → the signature parser, with the layout's hints (largest line = name, 有限公司/Ltd line = company). */
export function linesToResult(lines: OcrLine[], options: PipelineOptions = {}): ReadCardResult {
  const text = lines.map((l) => l.text).join('\n');
  if (!text.trim()) return { text: '', contacts: [] };
  const hints = options.hints !== false;
  const region = (options.defaultRegion || 'CN').toUpperCase();
  const name = hints ? nameHint(lines) : undefined;
  const company = hints ? companyHint(lines) : undefined;
  // "-- " first: the whole card is the signature block (the parser otherwise looks for one in a reply).
  const sig = parseSignature(`--\n${text}`, { defaultRegion: region, senderName: name });
  const c = emptyContact('person');
  const src = IMAGE_SOURCE;
  setField(c, 'name', name && (!sig.name || !sig.name.includes(name)) ? name : sig.name, src);
  setField(c, 'title', sig.title && sig.title !== name ? sig.title : hints ? titleHint(lines, c.name || name) : undefined, src);
  setField(c, 'company', sig.company && (!company || sig.company.includes(company)) ? sig.company : company ?? sig.company, src);
  for (const p of sig.phones) addPhone(c, p.raw, src, p.label ?? 'other', region, p.e164);
  for (const e of sig.emails) addEmail(c, e, src);
  for (const w of sig.websites) addWebsite(c, /^https?:/i.test(w) ? w : `https://${w}`, src);
  if (sig.address) addAddress(c, { formatted: sig.address }, src);
  if (sig.wechat) addSocial(c, 'wechat', sig.wechat, src);
  if (sig.qq) addSocial(c, 'qq', sig.qq, src);
  if (!c.name && c.company) {
    c.kind = 'organization';
    setField(c, 'name', c.company, src);
  }
  const found = !!(c.name || c.emails.length || c.phones.length);
  return { text, contacts: found ? [c] : [] };
}

/**
 * Two sides of one card (a Chinese front, an English back) → one contact: the first side's fields
 * win, the other fills what is empty and adds its phones, emails, sites and addresses; a name in the
 * other script is kept in the notes.
 */
export function mergeSides(results: ReadCardResult[]): ReadCardResult {
  const text = results.map((r) => r.text).filter(Boolean).join('\n\n');
  const drafts = results.map((r) => r.contacts[0]).filter((c): c is ContactDraft => !!c);
  if (!drafts.length) return { text, contacts: [] };
  const [first, ...rest] = drafts;
  const c: ContactDraft = structuredClone(first!);
  for (const o of rest) {
    for (const f of ['name', 'company', 'title', 'department'] as const) {
      if (!c[f]) setField(c, f, o[f], IMAGE_SOURCE);
      else if (o[f] && o[f] !== c[f] && f !== 'department') c.notes = `${c.notes ? `${c.notes}\n` : ''}${o[f]}`;
    }
    for (const p of o.phones) addPhone(c, p.raw, IMAGE_SOURCE, p.label, undefined, p.e164);
    for (const e of o.emails) addEmail(c, e.value, IMAGE_SOURCE, e.label);
    for (const w of o.websites) addWebsite(c, w, IMAGE_SOURCE);
    for (const a of o.addresses) addAddress(c, a, IMAGE_SOURCE);
    for (const s of o.social) addSocial(c, s.network, s.handle, IMAGE_SOURCE);
  }
  if (c.kind === 'organization' && rest.some((o) => o.kind === 'person')) c.kind = 'person';
  return { text, contacts: [c] };
}

/** Read both sides and merge them (see mergeSides). */
export async function readCardSides(sides: Uint8Array[], options: ReadCardOptions = {}): Promise<ReadCardResult> {
  const results: ReadCardResult[] = [];
  for (const s of sides) results.push(await readCardImage(s, options));
  return mergeSides(results);
}
