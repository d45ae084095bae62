import { analyse } from 'chardet';
import { t } from '../i18n';

/** Why a file could not be read as text: shown to the user as is. */
export class FileFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileFormatError';
  }
}

import { encodingLabel, type TextEncodingName } from './encodings';

export { encodingLabel, textEncodings, type TextEncodingName } from './encodings';

/** chardet's names → ours. ISO-8859-1 is decoded as its superset Windows-1252, as browsers do. */
const FROM_CHARDET: Record<string, TextEncodingName> = {
  'UTF-8': 'utf-8', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be', GB18030: 'gb18030', Big5: 'big5', Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp', 'EUC-KR': 'euc-kr', 'ISO-8859-1': 'iso-8859-1', 'ISO-8859-2': 'iso-8859-2', 'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-7': 'iso-8859-7', 'ISO-8859-9': 'iso-8859-9', 'KOI8-R': 'koi8-r',
  'windows-1250': 'windows-1250', 'windows-1251': 'windows-1251', 'windows-1252': 'windows-1252', 'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254', 'windows-1255': 'windows-1255', 'windows-1256': 'windows-1256',
};
const MULTIBYTE = new Set<TextEncodingName>(['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr']);

/** How the decision was made, for the preview ("detected: GB18030"). */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** True when the bytes look like a binary file (images, zip, exe …) rather than text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control += 1;
  }
  return control / sample.length > 0.02;
}

/** Windows-1252's 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ). */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * TextDecoder for one encoding. Windows-1252 (and Latin-1, which browsers read as it) is fixed up
 * here because some runtimes (Node's small-ICU builds) decode it as ISO-8859-1 and lose “ ” — €.
 */
function decodeWith(bytes: Uint8Array, encoding: TextEncodingName, fatal = false): string {
  const text = new TextDecoder(encoding, { fatal }).decode(bytes);
  if (encoding !== 'windows-1252' && encoding !== 'iso-8859-1') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decodeStrict(bytes: Uint8Array, encoding: TextEncodingName): string | undefined {
  try {
    return decodeWith(bytes, encoding, true);
  } catch {
    return undefined;
  }
}

/** UTF-16 without a BOM: ASCII text has a zero in every other byte. */
function utf16Order(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (sample.length < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even += 1;
    if (sample[i + 1] === 0) odd += 1;
  }
  const pairs = sample.length / 2;
  if (odd / pairs > 0.3 && even / pairs < 0.05) return 'utf-16le';
  if (even / pairs > 0.3 && odd / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Evidence for a double-byte Chinese / Japanese / Korean encoding: in such text nearly every
 * byte ≥ 0x80 stands next to another one (a character is two bytes), while in Windows-125x text
 * they stand alone between ASCII letters ("Müller", "José").
 */
function pairedHighBytes(sample: Uint8Array): number {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i]! < 0x80) continue;
    high += 1;
    if ((i > 0 && sample[i - 1]! >= 0x80) || (i + 1 < sample.length && sample[i + 1]! >= 0x80)) paired += 1;
  }
  return high ? paired / high : 0;
}

/**
 * The encoding of a file that is not UTF-8, decided with chardet's statistics plus evidence of
 * our own (byte pairing, a strict decode that must succeed). `locale` breaks ties between the
 * Chinese encodings (zh-TW / zh-HK → Big5, ja → Shift_JIS, else GB18030, what mainland Excel saves).
 */
export function detectEncoding(bytes: Uint8Array, locale = globalThis.navigator?.language ?? 'zh-CN'): TextEncodingName | undefined {
  const sample = bytes.subarray(0, 65536);
  const ranked = analyse(sample)
    .map((r) => ({ enc: FROM_CHARDET[r.name], confidence: r.confidence }))
    .filter((r): r is { enc: TextEncodingName; confidence: number } => !!r.enc && r.enc !== 'utf-8' && !r.enc.startsWith('utf-16'));
  const paired = pairedHighBytes(sample);
  if (paired >= 0.7 || ranked.some((r) => (r.enc === 'shift_jis' || r.enc === 'euc-jp') && r.confidence >= 50)) {
    const prefer: TextEncodingName[] = /^zh-(tw|hk|mo|hant)/i.test(locale) ? ['big5', 'gb18030'] : /^ja/i.test(locale) ? ['shift_jis', 'gb18030'] : /^ko/i.test(locale) ? ['euc-kr', 'gb18030'] : ['gb18030', 'big5'];
    const multi = ranked.filter((r) => MULTIBYTE.has(r.enc));
    for (const p of prefer) if (!multi.some((r) => r.enc === p)) multi.push({ enc: p, confidence: 0 });
    // Highest confidence first; equal ones in the locale's order.
    const rank = (e: TextEncodingName) => (prefer.includes(e) ? prefer.indexOf(e) : prefer.length);
    multi.sort((a, b) => b.confidence - a.confidence || rank(a.enc) - rank(b.enc));
    for (const r of multi) if (decodeStrict(bytes, r.enc) !== undefined) return r.enc;
  }
  const single = ranked.find((r) => !MULTIBYTE.has(r.enc));
  const enc = single?.enc ?? 'windows-1252';
  return decodeStrict(bytes, enc) !== undefined ? enc : undefined;
}

/**
 * Decode a text file: a BOM wins (UTF-8 / UTF-16), then UTF-16 by its zero bytes, then strict
 * UTF-8, else detectEncoding (GBK/GB18030, Big5, Shift_JIS, Windows-125x, Latin-1 …).
 * `forced` (the user's choice in the preview) skips detection.
 * Throws FileFormatError (in the user's language) for binary data or bytes that fit no encoding.
 */
export function decodeText(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
  if (forced) {
    const body = forced === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    const text = decodeStrict(body, forced);
    if (text === undefined) throw new FileFormatError(t('impx.notEncoding', { encoding: encodingLabel(forced) }));
    return { text: text.replace(/^\uFEFF/, ''), encoding: forced };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict(bytes.subarray(3), 'utf-8');
    if (text === undefined) throw new FileFormatError(t('impx.badBom'));
    return { text, encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const wide = utf16Order(bytes.subarray(0, 4096));
  if (wide) return { text: new TextDecoder(wide).decode(bytes), encoding: wide };
  if (looksBinary(bytes)) throw new FileFormatError(t('impx.binary'));
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const detected = detectEncoding(bytes);
  if (detected) return { text: decodeWith(bytes, detected), encoding: detected };
  throw new FileFormatError(t('impx.unknownEncoding'));
}


/** A byte string (one char per byte) of the bytes: lets vCard values be re-decoded per CHARSET. */
export function bytesToBinaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

/** The bytes of a byte string (inverse of bytesToBinaryString). */
export function binaryStringToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i += 1) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** Decode bytes with a charset label (vCard CHARSET=…); unknown labels fall back to UTF-8. */
export function decodeCharset(bytes: Uint8Array, charset = 'utf-8'): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset.trim().toLowerCase());
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}
