import type { Birthday } from '../domain';
import { readDate, type DayOrder } from './dates';

/**
 * A birthday from the forms files use: 1980-03-22, 19800322, --0322, --03-22 (no year),
 * 1980/3/22, 3/22/1980 (US, unless only day-first fits), 22.03.1980, 1980年3月22日, 3月22日,
 * 2012-06-06T00:00:00Z. Undefined when unreadable, impossible (Feb 30) or a placeholder (0/0/00).
 * Columns of a file are read with lib/import-export/dates.ts, which decides the day order per column.
 */
export function parseBirthday(text: string, order: DayOrder = 'mdy'): Birthday | undefined {
  const r = readDate(text, order, false);
  return r.kind === 'date' ? r.date : undefined;
}

/** ISO form of a birthday: YYYY-MM-DD, or --MM-DD without a year. */
export function formatBirthday(b: Birthday, compact = false): string {
  const mm = String(b.month).padStart(2, '0');
  const dd = String(b.day).padStart(2, '0');
  if (b.year === undefined) return compact ? `--${mm}${dd}` : `--${mm}-${dd}`;
  return compact ? `${b.year}${mm}${dd}` : `${b.year}-${mm}-${dd}`;
}
