import { addDays, startOfDay } from 'date-fns';

/** Milliseconds in a day; only for durations ("90 days"), never for calendar stepping. */
export const DAY_MS = 86_400_000;

/** Local calendar day as `yyyy-mm-dd`: the period part of rule keys, stable and readable. */
export function dayKey(t: number | Date): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The local midnight of a `yyyy-mm-dd` key, or undefined when it is not one. */
export function parseDayKey(key: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

/** Local midnight of the day `n` calendar days after the day of `t` (DST-safe). */
export function dayPlus(t: number, n: number): number {
  return addDays(startOfDay(t), n).getTime();
}

/** Local midnight of the day of `t`. */
export function midnight(t: number | Date): number {
  return startOfDay(t).getTime();
}
