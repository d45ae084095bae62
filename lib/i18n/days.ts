import { midnight } from '../domain/days';
import { lang as current, type Lang } from './index';

/**
 * A near day in words: "Today", "Tomorrow", "Yesterday", "3 days ago", a weekday for the rest of
 * the coming week ("Friday" / "星期五"), the date beyond. Calendar days, local time, DST-safe.
 */
export function dayWords(ms: number, now: number, in_: Lang = current.value): string {
  const days = Math.round((midnight(ms) - midnight(now)) / 86_400_000);
  if (days >= -6 && days <= 1) {
    const text = new Intl.RelativeTimeFormat(in_, { numeric: 'auto' }).format(days, 'day');
    return in_ === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }
  if (days > 1 && days <= 6) return new Intl.DateTimeFormat(in_, { weekday: 'long' }).format(ms);
  return new Intl.DateTimeFormat(in_, { dateStyle: 'medium' }).format(ms);
}
