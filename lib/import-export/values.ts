import type { Birthday } from '../domain';

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function valid(month: number, day: number, year?: number): Birthday | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= DAYS[month - 1]!)) return undefined;
  if (year !== undefined && (year < 1900 || year > 2100)) return { month, day };
  if (year !== undefined && month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
  return year === undefined ? { month, day } : { month, day, year };
}

/**
 * A birthday from the forms files use: 1980-03-22, 19800322, --0322, --03-22 (no year),
 * 1980/3/22, 3/22/1980 (US), 22.03.1980, 1980年3月22日, 3月22日, 2012-06-06T00:00:00Z.
 * Undefined when unreadable or impossible (Feb 30).
 */
export function parseBirthday(text: string): Birthday | undefined {
  const s = text.trim().replace(/T.*$/, '');
  let m: RegExpExecArray | null;
  if ((m = /^--(\d{2})-?(\d{2})$/.exec(s))) return valid(+m[1]!, +m[2]!);
  if ((m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s))) return valid(+m[2]!, +m[3]!, +m[1]!);
  if ((m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s))) return valid(+m[2]!, +m[3]!, +m[1]!);
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) return valid(+m[1]!, +m[2]!, +m[3]!);
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s))) return valid(+m[2]!, +m[1]!, +m[3]!);
  if ((m = /^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(s))) return valid(+m[2]!, +m[3]!, m[1] ? +m[1] : undefined);
  return undefined;
}

/** ISO form of a birthday: YYYY-MM-DD, or --MM-DD without a year. */
export function formatBirthday(b: Birthday, compact = false): string {
  const mm = String(b.month).padStart(2, '0');
  const dd = String(b.day).padStart(2, '0');
  if (b.year === undefined) return compact ? `--${mm}${dd}` : `--${mm}-${dd}`;
  return compact ? `${b.year}${mm}${dd}` : `${b.year}-${mm}-${dd}`;
}
