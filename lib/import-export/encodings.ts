/** Encoding names and labels, without the detector: small enough for the workspace's first load. */

/** The encodings a contacts file comes in (WHATWG TextDecoder labels). */
export const textEncodings = [
  'utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr',
  'windows-1252', 'iso-8859-1', 'windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'windows-1257', 'windows-1258',
  'iso-8859-2', 'iso-8859-5', 'iso-8859-7', 'iso-8859-9', 'koi8-r',
] as const;
export type TextEncodingName = (typeof textEncodings)[number];


/** An encoding's name as people know it: "GBK / GB18030", "Windows-1252 (Western European)". */
export function encodingLabel(e: TextEncodingName): string {
  const names: Partial<Record<TextEncodingName, string>> = {
    'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', gb18030: 'GBK / GB18030', big5: 'Big5', shift_jis: 'Shift_JIS', 'euc-jp': 'EUC-JP', 'euc-kr': 'EUC-KR',
    'windows-1252': 'Windows-1252 (Western European)', 'iso-8859-1': 'Latin-1 (ISO-8859-1)', 'windows-1250': 'Windows-1250 (Central European)', 'windows-1251': 'Windows-1251 (Cyrillic)',
    'windows-1253': 'Windows-1253 (Greek)', 'windows-1254': 'Windows-1254 (Turkish)', 'windows-1255': 'Windows-1255 (Hebrew)', 'windows-1256': 'Windows-1256 (Arabic)',
    'windows-1257': 'Windows-1257 (Baltic)', 'windows-1258': 'Windows-1258 (Vietnamese)', 'koi8-r': 'KOI8-R',
  };
  return names[e] ?? e.toUpperCase();
}
