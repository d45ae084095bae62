import { signal } from '@preact/signals';
import type { Lang } from './define';
import { capture } from './messages/capture';
import { common } from './messages/common';
import { customer } from './messages/customer';
import { demo } from './messages/demo';
import { enums } from './messages/enums';
import { followUps } from './messages/followups';
import { importing } from './messages/importing';
import { rules } from './messages/rules';
import { interaction } from './messages/interaction';
import { scan } from './messages/scan';
import { security } from './messages/security';
import { settingsPage } from './messages/settings';
import { actions } from './messages/actions';
import { sidepanel } from './messages/sidepanel';
import { workspace } from './messages/workspace';
import { practice } from './messages/practice';
import { team } from './messages/team';

export type { Lang } from './define';

/**
 * Every feature's strings. Add a feature's bundle here; its keys join MessageKey.
 * (One typed module instead of _locales: the UI switches language without a reload.)
 */
export const bundles = [
  common,
  customer,
  interaction,
  followUps,
  capture,
  workspace,
  rules,
  sidepanel,
  security,
  settingsPage,
  enums,
  importing,
  practice,
  team,
  demo,
  scan,
  actions,
] as const;

type KeysOf<B> = B extends { en: infer E } ? keyof E : never;
export type MessageKey = KeysOf<(typeof bundles)[number]> & string;

const tables: Record<Lang, Record<string, string>> = { en: {}, 'zh-CN': {} };
for (const b of bundles) {
  Object.assign(tables.en, b.en);
  Object.assign(tables['zh-CN'], b['zh-CN']);
}

/** The browser's language mapped to one we speak. */
export function browserLang(language = globalThis.navigator?.language ?? 'en'): Lang {
  return language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The interface language, as a signal so every view re-renders when it changes. */
export const lang = signal<Lang>(browserLang());

/** Apply the settings' choice ('auto' follows the browser). */
export function applyLocaleSetting(setting: 'auto' | Lang): void {
  lang.value = setting === 'auto' ? browserLang() : setting;
  if (globalThis.document) document.documentElement.lang = lang.value;
}

/** The string for `key` in the current language, with {placeholders} filled. */
export function t(key: MessageKey, params?: Record<string, string | number>, in_: Lang = lang.value): string {
  const text = tables[in_][key] ?? tables.en[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : text;
}

/** Whether `key` names a UI string: for keys built at run time (an error code, a rule's field). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(tables.en, key);
}

/** Dates and money follow the interface language (SPEC §10). */
export function formatDate(ms: number, withTime = false, in_: Lang = lang.value): string {
  return new Intl.DateTimeFormat(in_, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(ms);
}

export function formatMoney(amount: number, currency = 'CNY', in_: Lang = lang.value): string {
  return new Intl.NumberFormat(in_, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

export { tables as messageTables };
