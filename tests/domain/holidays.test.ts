import { describe, expect, it } from 'vitest';
import { dayKey } from '../../lib/domain';
import { birthdayIn, holidayDate, lunarToSolar } from '../../lib/domain/holidays';

describe('holiday calendar', () => {
  it.each([
    ['Spring Festival 2026', { calendar: 'lunar' as const, month: 1, day: 1 }, 2026, '2026-02-17'],
    ['Mid-Autumn 2026', { calendar: 'lunar' as const, month: 8, day: 15 }, 2026, '2026-09-25'],
    ['Spring Festival 2027', { calendar: 'lunar' as const, month: 1, day: 1 }, 2027, '2027-02-06'],
    ['Mid-Autumn 2027', { calendar: 'lunar' as const, month: 8, day: 15 }, 2027, '2027-09-15'],
    ['National Day', { calendar: 'solar' as const, month: 10, day: 1 }, 2026, '2026-10-01'],
    ['New Year', { calendar: 'solar' as const, month: 1, day: 1 }, 2027, '2027-01-01'],
    ['a solar 31st in a 30-day month falls on the 30th', { calendar: 'solar' as const, month: 4, day: 31 }, 2026, '2026-04-30'],
  ])('%s', (_label, h, year, expected) => {
    expect(dayKey(holidayDate(h, year))).toBe(expected);
  });

  it('takes New Year\'s Eve (lunar 12/30) as 12/29 in a year whose last month is short', () => {
    // Lunar year 2025 ends on 12/29 = 16 Feb 2026.
    expect(dayKey(lunarToSolar(2025, 12, 30))).toBe('2026-02-16');
  });
});

describe('birthdayIn', () => {
  it.each([
    [{ month: 2, day: 29 }, 2027, '2027-02-28'],
    [{ month: 2, day: 29 }, 2028, '2028-02-29'],
    [{ month: 12, day: 31 }, 2026, '2026-12-31'],
    [{ month: 3, day: 5, year: 1980 }, 2026, '2026-03-05'],
  ])('%j in %i → %s', (b, year, expected) => {
    expect(dayKey(birthdayIn(b, year))).toBe(expected);
  });
});
