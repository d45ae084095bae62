import { getDaysInMonth } from 'date-fns';
import { Lunar } from 'lunar-javascript';
import type { Holiday } from './settings';

// Lunar conversion is table-driven and cheap, but the daily pass asks for the same few dates
// 100,000 times: remember them.
const cache = new Map<string, number>();

/** Solar date (local midnight) of a lunar month/day in lunar year `year`; a missing day 30 falls back to 29. */
export function lunarToSolar(year: number, month: number, day: number): number {
  const key = `${year}-${month}-${day}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let solar;
  try {
    solar = Lunar.fromYmd(year, month, day).getSolar();
  } catch {
    // Lunar months have 29 or 30 days: "12/30" (New Year's Eve) is 12/29 in short years.
    solar = Lunar.fromYmd(year, month, Math.min(day, 29)).getSolar();
  }
  const t = new Date(solar.getYear(), solar.getMonth() - 1, solar.getDay()).getTime();
  cache.set(key, t);
  return t;
}

/** The date (local midnight) of a calendar holiday in a given (lunar or solar) year. */
export function holidayDate(h: Pick<Holiday, 'calendar' | 'month' | 'day'>, year: number): number {
  if (h.calendar === 'lunar') return lunarToSolar(year, h.month, h.day);
  const day = Math.min(h.day, getDaysInMonth(new Date(year, h.month - 1, 1)));
  return new Date(year, h.month - 1, day).getTime();
}

/** The birthday's date (local midnight) in `year`; 29 February falls on 28 February in common years. */
export function birthdayIn(b: { month: number; day: number }, year: number): number {
  const day = Math.min(b.day, getDaysInMonth(new Date(year, b.month - 1, 1)));
  return new Date(year, b.month - 1, day).getTime();
}
