import { binaryStringToBytes, decodeCharset } from './encoding';

/** One vCard content line: `group.NAME;PARAM=a,b:value`, value still raw (escaped / encoded). */
export interface VProperty {
  group: string;
  name: string;
  params: Map<string, string[]>;
  /** Bare 2.1 parameters (`TEL;WORK;VOICE`) and TYPE values, lower-case. */
  types: string[];
  raw: string;
}

const PROPERTY_START = /^(?:[A-Za-z0-9-]+\.)?[A-Za-z0-9-]+[;:]/;

function isQuotedPrintable(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && /;(ENCODING=)?QUOTED-PRINTABLE[;:]/i.test(`${line.slice(0, colon)}:`);
}

/**
 * Split a vCard file into logical lines: quoted-printable soft breaks (`=` at the end), folded
 * lines (leading space / tab), and the continuation lines some 2.1 writers emit without folding
 * are joined; `#` comment lines that some phones write are dropped.
 */
export function logicalLines(text: string): string[] {
  const physical = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let qpOpen = false;
  for (const line of physical) {
    const last = out.length - 1;
    if (qpOpen && last >= 0) {
      out[last] = out[last]!.slice(0, -1) + line;
      qpOpen = out[last]!.endsWith('=');
      continue;
    }
    if (line === '') continue;
    if ((line[0] === ' ' || line[0] === '\t') && last >= 0) {
      out[last] += line.slice(1);
    } else if (line.startsWith('#')) {
      continue;
    } else if (!PROPERTY_START.test(line) && last >= 0 && !/^(BEGIN|END):/i.test(out[last]!)) {
      // AOSP-style 2.1 continuation ("…Brevern\" + newline): keep the line break.
      out[last] = `${out[last]!.replace(/\\$/, '')}\n${line}`;
    } else {
      out.push(line);
    }
    const cur = out[out.length - 1]!;
    qpOpen = isQuotedPrintable(cur) && cur.endsWith('=');
  }
  return out;
}

/** Split on `sep` outside double quotes. */
function splitOutsideQuotes(s: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** Parse one logical line into its parts; undefined when it is not a property line. */
export function parseProperty(line: string): VProperty | undefined {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return undefined;
  const [head = '', ...paramParts] = splitOutsideQuotes(line.slice(0, colon), ';');
  const dot = head.lastIndexOf('.');
  const params = new Map<string, string[]>();
  const types: string[] = [];
  for (const p of paramParts) {
    const eq = p.indexOf('=');
    const key = (eq < 0 ? 'TYPE' : p.slice(0, eq)).trim().toUpperCase();
    const rawValue = eq < 0 ? p : p.slice(eq + 1);
    const values = splitOutsideQuotes(rawValue, ',').map((v) => v.replace(/^"|"$/g, '').trim()).filter(Boolean);
    // 2.1 allows bare encodings / charsets as parameters ("…;QUOTED-PRINTABLE:").
    if (eq < 0 && /^(QUOTED-PRINTABLE|BASE64|B|8BIT)$/i.test(rawValue)) {
      params.set('ENCODING', [rawValue]);
      continue;
    }
    params.set(key, [...(params.get(key) ?? []), ...values]);
    if (key === 'TYPE') types.push(...values.flatMap((v) => v.split(',')).map((v) => v.toLowerCase()));
  }
  return {
    group: dot >= 0 ? head.slice(0, dot) : '',
    name: (dot >= 0 ? head.slice(dot + 1) : head).toUpperCase(),
    params,
    types,
    raw: line.slice(colon + 1),
  };
}

function qpToBytes(s: string, binary: boolean): Uint8Array {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i]!;
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (binary || ch.charCodeAt(0) < 0x80) {
      bytes.push(ch.charCodeAt(0) & 0xff);
    } else {
      bytes.push(...encoder.encode(ch));
    }
  }
  return Uint8Array.from(bytes);
}

/**
 * The property's value as text: quoted-printable decoded, bytes decoded with its CHARSET
 * (UTF-8 by default; Shift_JIS, GB2312/GBK … through TextDecoder). `binary` = the file was read
 * as bytes (one char per byte), so even unencoded values need their charset applied.
 */
export function decodedValue(p: VProperty, binary: boolean): string {
  const encoding = (p.params.get('ENCODING')?.[0] ?? '').toUpperCase();
  const charset = p.params.get('CHARSET')?.[0] ?? 'utf-8';
  if (encoding === 'QUOTED-PRINTABLE') return decodeCharset(qpToBytes(p.raw, binary), charset);
  if (binary) return decodeCharset(binaryStringToBytes(p.raw), charset);
  return p.raw;
}

/** Split a structured value on unescaped `sep` and unescape each part (\n \, \; \\ \:). */
export function splitEscaped(value: string, sep: ';' | ','): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i += 1) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[i + 1]!;
      cur += next === 'n' || next === 'N' ? '\n' : /[\\,;:]/.test(next) ? next : `\\${next}`;
      i += 1;
    } else if (ch === sep) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** Unescape a single text value. */
export function unescapeText(value: string): string {
  return splitEscaped(value, ';').join(';');
}

/** Escape a text value for writing. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/([,;])/g, '\\$1');
}

/** Fold a content line at 75 octets (RFC 6350 §3.2), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let cur = '';
  let size = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > 75) {
      out.push(cur);
      cur = ' ';
      size = 1;
    }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return out.join('\r\n');
}
