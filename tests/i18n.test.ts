import { describe, expect, it } from 'vitest';
import { browserLang, bundles, formatMoney, t } from '../lib/i18n';

describe('i18n', () => {
  it.each(bundles.map((b, i) => [i, b] as const))('bundle %i has every string in both languages, none empty', (_i, b) => {
    expect(Object.keys(b['zh-CN']).sort()).toEqual(Object.keys(b.en).sort());
    for (const v of [...Object.values(b.en), ...Object.values(b['zh-CN'])]) expect(v.trim()).not.toBe('');
  });

  it('has no key defined twice across bundles', () => {
    const keys = bundles.flatMap((b) => Object.keys(b.en));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it.each([
    ['zh-CN', 'zh-CN'], ['zh-TW', 'zh-CN'], ['zh', 'zh-CN'], ['en-US', 'en'], ['fr', 'en'],
  ] as const)('browser language %s → %s', (nav, lang) => {
    expect(browserLang(nav)).toBe(lang);
  });

  it('fills placeholders and formats money by locale', () => {
    expect(t('deleted', { name: 'Ada' }, 'en')).toBe('Deleted Ada.');
    expect(t('deleted', { name: '张伟' }, 'zh-CN')).toBe('已删除 张伟。');
    expect(formatMoney(500000, 'CNY', 'zh-CN')).toMatch(/500,000/);
  });
});
