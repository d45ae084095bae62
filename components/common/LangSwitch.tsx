import { t, type Lang } from '../../lib/i18n';
import { saveSettings } from '../../lib/settings';
import { settings } from '../../lib/state/settings';

/** Switch between 简体中文 and English (or follow the browser); saved, so every surface follows. */
export function LangSwitch() {
  return (
    <select
      aria-label={t('language')}
      data-testid="lang-switch"
      value={settings.value.locale}
      onChange={(e) => saveSettings({ locale: e.currentTarget.value as 'auto' | Lang })}
    >
      <option value="auto">{t('langAuto')}</option>
      <option value="zh-CN">简体中文</option>
      <option value="en">English</option>
    </select>
  );
}
