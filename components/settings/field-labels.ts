import { t, messageTables, type MessageKey } from '../../lib/i18n';

const GENERAL: Record<string, MessageKey> = {
  userName: 'set.userName', ownEmails: 'set.ownEmails', locale: 'language', currency: 'set.currency',
  defaultRegion: 'set.region', maskContacts: 'set.mask', notifications: 'rules.notifications',
};

const has = (k: string): k is MessageKey => k in messageTables.en;

/** The label a user knows for a settings path (`classification.valueHigh` → "High value from …"), never the raw path. */
export function settingsFieldLabel(path: string): string {
  const [top, a, b] = path.split('.');
  if (top && GENERAL[top]) return t(GENERAL[top]);
  if (top === 'classification' && a && has(`rules.${a}`)) return t(`rules.${a}` as MessageKey);
  if (top === 'followUps' && a) {
    if (a === 'holiday') return t('rules.holiday');
    if (b && b !== 'enabled' && has(`rules.${a}.${b}`)) return `${t(`rules.${a}` as MessageKey)} · ${t(`rules.${a}.${b}` as MessageKey)}`;
    if (has(`rules.${a}`)) return t(`rules.${a}` as MessageKey);
  }
  if (top === 'classification') return t('rules.classification');
  if (top === 'followUps') return t('rules.followUps');
  return t('set.title');
}

/** The distinct labels of several paths, joined for a sentence. */
export function settingsFieldList(paths: readonly string[], sep = ', '): string {
  return [...new Set(paths.map(settingsFieldLabel))].join(sep);
}
