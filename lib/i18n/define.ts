export type Lang = 'en' | 'zh-CN';

/**
 * One feature's UI strings in both languages. The type makes a missing Chinese (or English)
 * string a compile error; tests/i18n.test.ts checks the same at run time.
 * Placeholders are written {name}.
 */
export function defineMessages<const E extends Record<string, string>>(en: E, zh: { [K in keyof E]: string }) {
  return { en, 'zh-CN': zh } as const;
}
