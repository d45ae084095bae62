import { describe, expect, it } from 'vitest';
import { dayWords } from '../lib/i18n/days';

const NOW = new Date(2026, 11, 2, 9).getTime(); // a Wednesday
const at = (d: number, h = 15) => new Date(2026, 11, 2 + d, h).getTime();

describe('dayWords', () => {
  it.each([
    [0, 'Today', '今天'], [1, 'Tomorrow', '明天'], [-1, 'Yesterday', '昨天'], [-3, '3 days ago', '3天前'],
    [2, 'Friday', '星期五'], [6, 'Tuesday', '星期二'],
  ])('%i days → %s / %s', (d, en, zh) => {
    expect(dayWords(at(d), NOW, 'en')).toBe(en);
    expect(dayWords(at(d), NOW, 'zh-CN')).toBe(zh);
  });
  it('dates beyond the week', () => {
    expect(dayWords(at(9), NOW, 'en')).toBe('Dec 11, 2026');
    expect(dayWords(at(-30), NOW, 'zh-CN')).toBe('2026年11月2日');
  });
  it('counts calendar days, not 24-hour spans', () => {
    expect(dayWords(new Date(2026, 11, 3, 0, 5).getTime(), new Date(2026, 11, 2, 23, 55).getTime(), 'en')).toBe('Tomorrow');
  });
});
