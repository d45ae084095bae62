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

/** `;ENCODING=QUOTED-PRINTABLE` or 2.1's bare `;QUOTED-PRINTABLE` among the parameters of a line's head. */
function headIsQuotedPrintable(head: string): boolean {
  return /;(ENCODING=)?QUOTED-PRINTABLE[;:]/i.test(`${head}:`);
}

const CARD_BOUNDARY = /^(BEGIN|END):VCARD\s*$/i;

/** One logical line and where it starts in the file (1-based physical line), for messages. */
export interface LogicalLine {
  text: string;
  line: number;
  /**
   * True when a quoted-printable value ended with a soft break (`=`) right before BEGIN/END:VCARD:
   * the broken writer's `=` is dropped instead of swallowing the card boundary (and with it a card).
   */
  qpCut?: boolean;
}

/**
 * Split a vCard file into logical lines: quoted-printable soft breaks (`=` at the end), folded
 * lines (leading space / tab), and the continuation lines some 2.1 writers emit without folding
 * are joined; `#` comment lines that some phones write are dropped.
 *
 * One pass, linear in the file's size: each logical line collects its physical pieces in an array
 * and is joined once, and the quoted-printable test reads the line's head (name and parameters)
 * once, not the growing value. (Appending to the growing string and re-testing it per physical
 * line was quadratic: a 1 MB base64 photo froze the workspace for 4 s, 5 MB for minutes.)
 */
export function scanLogicalLines(text: string): LogicalLine[] {
  const physical = text.split(/\r\n|\r|\n/);
  const out: LogicalLine[] = [];
  let pieces: string[] = [];
  let startLine = 0;
  let boundary = false; // the current logical line is BEGIN:/END:
  let qp = false; // its parameters say QUOTED-PRINTABLE
  let headLength = -1; // chars before the first ':' once known, else -1
  let seen = 0; // chars collected so far (for finding the head across folded pieces)
  let qpCut = false;
  let tail = -1; // index of the last non-empty piece
  const flush = () => {
    if (pieces.length) out.push({ text: pieces.length === 1 ? pieces[0]! : pieces.join(''), line: startLine, ...(qpCut ? { qpCut } : {}) });
    pieces = [];
    tail = -1;
    qpCut = false;
  };
  const add = (piece: string) => {
    pieces.push(piece);
    if (piece.length) tail = pieces.length - 1;
    if (headLength < 0) {
      const colon = piece.indexOf(':');
      if (colon >= 0) {
        headLength = seen + colon;
        const head = pieces.join('').slice(0, headLength);
        qp = headIsQuotedPrintable(head);
      }
    }
    seen += piece.length;
  };
  /** The logical line ends with `=` (its last non-empty piece does). */
  const endsWithEquals = () => tail >= 0 && pieces[tail]!.endsWith('=');
  /** Drop the `=` of a soft break (the last char of the logical line). */
  const dropTrailingEquals = () => {
    if (tail >= 0 && pieces[tail]!.endsWith('=')) pieces[tail] = pieces[tail]!.slice(0, -1);
  };
  let qpOpen = false;
  for (let n = 0; n < physical.length; n++) {
    const line = physical[n]!;
    if (qpOpen && pieces.length) {
      if (CARD_BOUNDARY.test(line)) {
        // A writer's bug, not a soft break: END:VCARD is never part of a value.
        dropTrailingEquals();
        qpCut = true;
        qpOpen = false;
        flush();
      } else {
        dropTrailingEquals();
        add(line);
        qpOpen = endsWithEquals();
        continue;
      }
    }
    if (line === '') continue;
    if ((line[0] === ' ' || line[0] === '\t') && pieces.length) {
      add(line.slice(1));
    } else if (line.startsWith('#')) {
      continue;
    } else if (!PROPERTY_START.test(line) && pieces.length && !boundary) {
      // AOSP-style 2.1 continuation ("…Brevern\" + newline): keep the line break.
      if (tail >= 0 && pieces[tail]!.endsWith('\\')) pieces[tail] = pieces[tail]!.slice(0, -1);
      add('\n');
      add(line);
    } else {
      flush();
      startLine = n + 1;
      boundary = /^(BEGIN|END):/i.test(line);
      qp = false;
      headLength = -1;
      seen = 0;
      add(line);
    }
    qpOpen = qp && endsWithEquals();
  }
  flush();
  return out;
}

/** The logical lines' text (see scanLogicalLines). */
export function logicalLines(text: string): string[] {
  return scanLogicalLines(text).map((l) => l.text);
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
