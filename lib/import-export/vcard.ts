/**
 * vCard 2.1 / 3.0 / 4.0 import and 3.0 / 4.0 export.
 *
 * Hand-written on purpose: the maintained npm parsers each miss something this needs
 * (checked Nov 2026): `vcard4` and `vcard4-ts` read 4.0 only; `ical.js` reads 3.0/4.0 but has no
 * 2.1 quoted-printable with soft line breaks nor CHARSET=Shift_JIS/GBK; `vcf` (2.1.2) keeps QP
 * and charsets encoded and throws on the malformed lines real phones write. The tokenizer is in
 * vcard-lines.ts; this file maps properties to a ContactDraft and back.
 */
import { blankDraft, cleanEmail, type ImportDraft, type RowIssue } from './draft';
import { bytesToBinaryString } from './encoding';
import { t } from '../i18n';
import { decodedValue, parseProperty, scanLogicalLines, splitEscaped, unescapeText, type VProperty } from './vcard-lines';
import { parseBirthday } from './values';
import { phoneLabelOf, socialFromProperty } from './vcard-map';

export { toVCard } from './vcard-write';

/** What reading a .vcf file found: the cards, numbered as in the file, and every problem. */
export interface VCardReadResult {
  drafts: ImportDraft[];
  /** The card number (1 = the file's first BEGIN:VCARD) of each draft. */
  rowNumbers: number[];
  /** Problems that make the file unsafe to import as it is (a card cut off): the importer writes nothing. */
  errors: RowIssue[];
  /** What was read differently from what the file says, or left out; `row` is the card number (0 = the file). */
  warnings: RowIssue[];
}

const BLOB_PROPERTIES = ['PHOTO', 'LOGO', 'SOUND', 'KEY'];

/**
 * Read every card of a .vcf file (text, or the raw bytes so CHARSET params can be honoured).
 * Nothing is dropped silently: a card nested inside another (2.1's AGENT, or a missing END:VCARD)
 * is read as its own card and the outer one is kept whole; a card cut off at the end of the file is
 * an error (row = its card number); a quoted-printable soft break before END:VCARD no longer
 * swallows the card boundary; lines outside any card are reported. Linear in the file's size.
 */
export function readVCards(text: string | Uint8Array): VCardReadResult {
  const binary = typeof text !== 'string';
  const source = binary ? bytesToBinaryString(text).replace(/^\xEF\xBB\xBF/, '') : text.replace(/^\uFEFF/, '');
  const done: { card: number; draft: ImportDraft }[] = [];
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const open: { card: number; line: number; props: VProperty[] }[] = [];
  let cards = 0;
  let withBlobs = 0;
  let outside: number | undefined;
  for (const l of scanLogicalLines(source)) {
    const p = parseProperty(l.text);
    const current = open[open.length - 1];
    if (l.qpCut) warnings.push({ row: current?.card ?? 0, message: t('impx.vcardQpCut', { line: l.line }) });
    if (!p) {
      if (current) warnings.push({ row: current.card, message: t('impx.vcardBadLine', { line: l.line }) });
      else outside ??= l.line;
      continue;
    }
    if (p.name === 'BEGIN' && /^vcard$/i.test(p.raw.trim())) {
      cards += 1;
      if (current) warnings.push({ row: cards, message: t('impx.vcardNested', { line: l.line, outer: current.card }) });
      open.push({ card: cards, line: l.line, props: [] });
    } else if (p.name === 'END' && /^vcard$/i.test(p.raw.trim())) {
      const closed = open.pop();
      if (!closed) {
        warnings.push({ row: 0, message: t('impx.vcardStrayEnd', { line: l.line }) });
        continue;
      }
      if (closed.props.some((q) => BLOB_PROPERTIES.includes(q.name))) withBlobs += 1;
      done.push({ card: closed.card, draft: cardToDraft(closed.props, binary) });
    } else if (current) current.props.push(p);
    else if (!/^(VERSION|PRODID)$/.test(p.name)) outside ??= l.line;
    if (outside !== undefined && current === undefined && p.name === 'BEGIN') {
      warnings.push({ row: 0, message: t('impx.vcardOutside', { line: outside }) });
      outside = undefined;
    }
  }
  if (outside !== undefined) warnings.push({ row: 0, message: t('impx.vcardOutside', { line: outside }) });
  // Cut off by the end of the file: the innermost first; each is an error, so nothing is imported half.
  for (const o of open.reverse()) errors.push({ row: o.card, message: t('impx.vcardUnclosed', { line: o.line }) });
  if (withBlobs) warnings.push({ row: 0, message: t('impx.vcardPhotos', { count: withBlobs }) });
  done.sort((a, b) => a.card - b.card);
  return { drafts: done.map((d) => d.draft), rowNumbers: done.map((d) => d.card), errors, warnings: warnings.sort((a, b) => a.row - b.row) };
}

/** Every complete card of a .vcf file as drafts (see readVCards for the problems it reports). */
export function parseVCards(text: string | Uint8Array): ImportDraft[] {
  return readVCards(text).drafts;
}

function labelOf(types: string[]): string {
  if (types.includes('work')) return 'work';
  if (types.includes('home')) return 'home';
  return '';
}

function cardToDraft(props: VProperty[], binary: boolean): ImportDraft {
  const d = blankDraft();
  const custom: Record<string, string> = {};
  const extra: NonNullable<ImportDraft['extra']> = {};
  let structuredName = '';
  const labels: { label: string; text: string }[] = [];
  const notes: string[] = [];
  const provenance: Record<string, string> = {};
  const from = (field: string) => { provenance[field] = 'vcard'; };
  for (const p of props) {
    if (BLOB_PROPERTIES.includes(p.name)) continue; // binary blobs: skipped, never decoded
    const value = decodedValue(p, binary);
    const text = unescapeText(value).trim();
    switch (p.name) {
      case 'FN': d.name = text; from('name'); break;
      case 'N': {
        const [family = '', given = '', middle = '', prefix = '', suffix = ''] = splitEscaped(value, ';').map((s) => s.trim());
        const cjk = /[\u3040-\u30ff\u3400-\u9fff]/.test(family + given);
        structuredName = (cjk ? [family + given] : [prefix, given, middle, family, suffix]).filter(Boolean).join(' ');
        break;
      }
      case 'ORG': {
        const [company = '', ...units] = splitEscaped(value, ';').map((s) => s.trim());
        d.company = company;
        if (units.filter(Boolean).length) d.department = units.filter(Boolean).join(' / ');
        from('company');
        break;
      }
      case 'X-DEPARTMENT': d.department = text; break;
      case 'TITLE': d.title = text; from('title'); break;
      case 'ROLE': if (text) custom.role = text; break;
      case 'NICKNAME': if (text) custom.nickname = splitEscaped(value, ',').map((s) => s.trim()).join(', '); break;
      case 'TEL': {
        const raw = text.replace(/^tel:/i, '').replace(/;ext=(\d+)/i, ' ext. $1').trim();
        if (raw) d.phones.push({ raw, label: phoneLabelOf(p.types) });
        from('phones');
        break;
      }
      case 'EMAIL': {
        const email = cleanEmail(text);
        if (email) d.emails.push({ value: email, label: labelOf(p.types) });
        from('emails');
        break;
      }
      case 'ADR': {
        const [pobox = '', ext = '', street = '', city = '', region = '', postalCode = '', country = ''] =
          splitEscaped(value, ';').map((s) => s.trim());
        const formattedParam = p.params.get('LABEL')?.[0];
        d.addresses.push({
          label: labelOf(p.types), street: [pobox, ext, street].filter(Boolean).join('\n'), city, region, postalCode, country,
          formatted: formattedParam ? unescapeText(formattedParam) : '',
        });
        from('addresses');
        break;
      }
      case 'LABEL': labels.push({ label: labelOf(p.types), text: text.replace(/\r\n/g, '\n') }); break;
      case 'URL': if (text) d.websites.push(text); break;
      case 'NOTE': if (text) notes.push(text); break;
      case 'BDAY': {
        const b = parseBirthday(text);
        if (b) d.birthday = b;
        else if (text) custom.birthday = text;
        break;
      }
      case 'ANNIVERSARY': case 'X-MS-ANNIVERSARY': case 'X-ANNIVERSARY': if (text) custom.anniversary = text; break;
      case 'GENDER': if (text) custom.gender = text; break;
      case 'CATEGORIES': d.tags.push(...splitEscaped(value, ',').map((s) => s.trim()).filter(Boolean)); break;
      case 'KIND': if (/^org/i.test(text)) d.kind = 'organization'; break;
      case 'X-ABSHOWAS': if (/company/i.test(text)) d.kind = 'organization'; break;
      case 'X-ANDROID-CUSTOM': {
        const [mime = '', nick = ''] = splitEscaped(value, ';');
        if (mime.endsWith('/nickname') && nick) custom.nickname = nick;
        break;
      }
      case 'X-CARDFILE-FIELD': {
        const key = p.params.get('X-NAME')?.[0];
        if (key) custom[unescapeText(key)] = text;
        break;
      }
      case 'X-CARDFILE-INDUSTRY': extra.industry = text; break;
      case 'X-CARDFILE-OWNER': extra.owner = text; break;
      case 'X-CARDFILE-STAGE': extra.stage = text as never; break; // validated by draftToInput
      case 'X-CARDFILE-INTERESTS': extra.interests = splitEscaped(value, ',').map((s) => s.trim()).filter(Boolean); break;
      case 'X-CARDFILE-ANNUAL-VALUE': if (text && Number.isFinite(Number(text))) extra.annualValue = Number(text); break;
      default: {
        const social = socialFromProperty(p.name, p.params, p.types, text);
        if (social) d.social.push(social);
        else if (/^X-PHONETIC-/.test(p.name) && text) custom[p.name.toLowerCase()] = text;
      }
    }
  }
  if (!d.name) d.name = structuredName;
  for (const l of labels) {
    const target = d.addresses.find((a) => (a.label ?? '') === l.label && !a.formatted);
    if (target) target.formatted = l.text;
  }
  d.notes = notes.join('\n\n');
  d.provenance = provenance;
  if (Object.keys(custom).length) extra.customFields = custom;
  if (Object.keys(extra).length) d.extra = extra;
  return d;
}
