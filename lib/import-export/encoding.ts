/** Why a file could not be read as text: shown to the user as is. */
export class FileFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileFormatError';
  }
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'shift_jis' | 'big5';

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

function decodeStrict(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decode a text file: a BOM wins (UTF-8 / UTF-16), else strict UTF-8, else GB18030 — what Chinese
 * Excel saves ("ANSI" = GBK, a subset of GB18030). `forced` skips detection.
 * Throws FileFormatError for binary data or bytes that fit no encoding.
 */
export function decodeText(bytes: Uint8Array, forced?: TextEncodingName): { text: string; encoding: TextEncodingName } {
  if (forced) {
    const text = decodeStrict(bytes, forced);
    if (text === undefined) throw new FileFormatError(`The file is not valid ${forced.toUpperCase()} text.`);
    return { text: text.replace(/^\uFEFF/, ''), encoding: forced };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict(bytes.subarray(3), 'utf-8');
    if (text === undefined) throw new FileFormatError('The file says it is UTF-8 but contains bytes that are not UTF-8 (damaged or truncated).');
    return { text, encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (looksBinary(bytes)) {
    throw new FileFormatError('This is not a text file (it contains binary data). Choose a CSV exported as text, or an .xlsx / .vcf file.');
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = decodeStrict(bytes, 'gb18030');
  if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
  throw new FileFormatError('The text encoding could not be recognised (it is neither UTF-8 nor GBK/GB18030). Save the file as "CSV UTF-8" and try again.');
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
