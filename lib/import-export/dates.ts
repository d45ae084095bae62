import type { Birthday } from '../domain';

/**
 * Dates as contact files write them. Decided per column, not per cell: "03/04/1990" is 3 April in a
 * column that also holds "20/01/1991", and 4 March in one that holds "12/25/1985". When no value
 * decides, the file's locale does (US English and a few others write month first).
 */
export type DayOrder = 'dmy' | 'mdy';

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

function valid(month: number, day: number, year?: number): Birthday | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= DAYS[month - 1]!)) return undefined;
  if (year !== undefined && (year < 1900 || year > 2100)) return { month, day };
  if (year !== undefined && month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
  return year === undefined ? { month, day } : { month, day, year };
}

/** Two-digit years: 00–29 are 2000s, 30–99 are 1900s (birthdays are in the past). */
const fullYear = (y: string) => (y.length === 2 ? (+y < 30 ? 2000 + +y : 1900 + +y) : +y);

/**
 * Empty-date placeholders exporters write: Outlook's "0/0/00" and "1/1/4501" (its "None"),
 * "00/00/0000", "0000-00-00", "00.00.0000", "--", and blank.
 */
export function isPlaceholderDate(text: string): boolean {
  const s = text.trim();
  if (!s || /^[-–—/.\s]*$/.test(s) || /^(none|null|n\/a|无|無)$/i.test(s)) return true;
  if (/^[0\s./-]+$/.test(s) && /0/.test(s)) return true;
  return /^0?1[/.-]0?1[/.-]4501$/.test(s) || /^4501[/.-]0?1[/.-]0?1/.test(s);
}

const ORDER_LOCALES = /^(en-us|en-ph|en-ca|es-us|en-um|en-as|en-gu|en-mp|en-pr|en-vi|fil|en$)/i;

/** The day order a locale writes: month first for US English (and "en" alone, as Outlook's default), else day first. */
export function localeDayOrder(locale = 'en-US'): DayOrder {
  return ORDER_LOCALES.test(locale) ? 'mdy' : 'dmy';
}

const SLASHED = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;

/** Decide a column's order from its values: a first part over 12 means day first, a second over 12 month first. */
export function detectDayOrder(values: Iterable<string>, locale?: string): DayOrder {
  let dmy = 0;
  let mdy = 0;
  let dotted = 0;
  for (const v of values) {
    const m = SLASHED.exec(v.trim().replace(/\s.*$/, ''));
    if (!m) continue;
    if (m[2] === '.') dotted += 1;
    if (+m[1]! > 12 && +m[3]! <= 12) dmy += 1;
    else if (+m[3]! > 12 && +m[1]! <= 12) mdy += 1;
  }
  if (dmy !== mdy) return dmy > mdy ? 'dmy' : 'mdy';
  // 22.03.1980 is day-first everywhere it is written.
  if (dotted) return 'dmy';
  return localeDayOrder(locale);
}

/** Excel's day number (1900 date system; 60 is the phantom 29 Feb 1900). */
function fromSerial(n: number): Birthday | undefined {
  if (!Number.isInteger(n) || n < 367 || n > 73050) return undefined; // 1901 … 2099
  const d = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
  return valid(d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCFullYear());
}

export type DateReading = { kind: 'empty' } | { kind: 'date'; date: Birthday } | { kind: 'invalid' };

/**
 * Read one date: placeholders are empty; YYYY-MM-DD (and /, ., none), --MM-DD, YYYY年M月D日,
 * M月D日, D/M/Y or M/D/Y by `order` (also with . or -, two-digit years), "March 22, 1980",
 * "22 Mar 1980", ISO date-times, and Excel serial numbers (when `serials` is allowed: a column
 * of dates that Excel stored as numbers).
 */
export function readDate(text: string, order: DayOrder = 'mdy', serials = true): DateReading {
  if (isPlaceholderDate(text)) return { kind: 'empty' };
  const s = text.trim().replace(/^(\d{4}-\d{2}-\d{2})[T\s].*$/, '$1').replace(/\s+0?0:00(:00)?(\s*[AP]M)?$/i, '');
  const out = (b: Birthday | undefined): DateReading => (b ? { kind: 'date', date: b } : { kind: 'invalid' });
  let m: RegExpExecArray | null;
  if ((m = /^--(\d{2})-?(\d{2})$/.exec(s))) return out(valid(+m[1]!, +m[2]!));
  if ((m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s))) return out(valid(+m[2]!, +m[3]!, +m[1]!));
  if ((m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(s))) return out(valid(+m[2]!, +m[3]!, +m[1]!));
  if ((m = SLASHED.exec(s))) {
    const a = +m[1]!;
    const b = +m[3]!;
    const y = fullYear(m[4]!);
    // A value that only fits the other order is read that way rather than refused.
    const dayFirst = order === 'dmy' || m[2] === '.' ? !(b > 12 && a <= 12) : a > 12 && b <= 12;
    return out(dayFirst ? valid(b, a, y) : valid(a, b, y));
  }
  if ((m = /^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?$/.exec(s))) return out(valid(+m[2]!, +m[3]!, m[1] ? +m[1] : undefined));
  if ((m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?$/.exec(s)) && MONTHS[m[1]!.toLowerCase()]) {
    return out(valid(MONTHS[m[1]!.toLowerCase()]!, +m[2]!, m[3] ? +m[3] : undefined));
  }
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9})\.?,?(?:\s+(\d{4}))?$/.exec(s)) && MONTHS[m[2]!.toLowerCase()]) {
    return out(valid(MONTHS[m[2]!.toLowerCase()]!, +m[1]!, m[3] ? +m[3] : undefined));
  }
  if (serials && /^\d{3,5}(\.0+)?$/.test(s)) return out(fromSerial(Math.trunc(+s)));
  return { kind: 'invalid' };
}
