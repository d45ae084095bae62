import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/domain';
import { t } from '../../lib/i18n';
import { saveSettings } from '../../lib/settings';
import { settings, settingsProblemPaths } from '../../lib/state/settings';
import { settingsFieldList } from '../settings/field-labels';
import { markUnsaved, SECTION_TITLE, unsavedSections } from '../settings/sections';
import { Field } from '../common/Field';
import { showToast } from '../common/Toast';

// The thresholds / follow-up rules section is another feature's file; it is mounted here when present.
const rulesModules = import.meta.glob<{ RulesSettings: ComponentType }>('../settings/RulesSettings.tsx');

const generalDraft = (s: Settings) => ({ userName: s.userName, ownEmails: s.ownEmails.join('\n'), locale: s.locale, currency: s.currency, defaultRegion: s.defaultRegion, maskContacts: s.maskContacts, autoLogKnown: s.autoLogKnown });

/**
 * Settings: the general section (user name, own emails, language, currency, default phone region,
 * masking) and the rules section, each with its own Save that stores exactly that section. A stored
 * value that could not be read is named at the top (it shows its default until saved).
 */
export function SettingsPage() {
  const s = settings.value;
  const [draft, setDraft] = useState(() => generalDraft(s));
  const unsaved = JSON.stringify(draft) !== JSON.stringify(generalDraft(s));
  useEffect(() => { markUnsaved('general', unsaved); }, [unsaved]);
  useEffect(() => () => markUnsaved('general', false), []);
  const problem = settingsProblemPaths.value;
  const [error, setError] = useState('');
  const [Rules, setRules] = useState<ComponentType | null>(null);
  useEffect(() => {
    const load = Object.values(rulesModules)[0];
    if (load) void load().then((m) => setRules(() => m.RulesSettings));
  }, []);
  async function submit(e: Event) {
    e.preventDefault();
    try {
      const patch: Partial<Settings> = {
        ...draft,
        ownEmails: draft.ownEmails.split(/[\s,;]+/).map((x) => x.trim().toLowerCase()).filter(Boolean),
        currency: draft.currency.trim().toUpperCase(),
        defaultRegion: draft.defaultRegion.trim().toUpperCase(),
      };
      const saved = await saveSettings(patch);
      setError('');
      setDraft(generalDraft(saved));
      const waiting = unsavedSections.value.has('rules');
      showToast(waiting ? `${t('settings.savedGeneral')} ${t('settings.otherUnsaved', { section: t(SECTION_TITLE.rules) })}` : t('settings.savedGeneral'));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <section class="settings" data-testid="settings-page">
      {problem.length > 0 && (
        <p class="notice notice--error" role="alert" data-testid="settings-problem">{t('settings.problem', { fields: settingsFieldList(problem) })}</p>
      )}
      <h2>{t('settings.general')}</h2>
      <form onSubmit={submit} class="grid" data-testid="settings-general">
        <Field label={t('set.userName')}><input name="userName" value={draft.userName} onInput={(e) => setDraft({ ...draft, userName: e.currentTarget.value })} /></Field>
        <Field label={t('language')}>
          <select name="locale" value={draft.locale} onChange={(e) => setDraft({ ...draft, locale: e.currentTarget.value as Settings['locale'] })}>
            <option value="auto">{t('langAuto')}</option><option value="zh-CN">简体中文</option><option value="en">English</option>
          </select>
        </Field>
        <Field label={t('set.currency')}><input name="currency" value={draft.currency} maxLength={3} onInput={(e) => setDraft({ ...draft, currency: e.currentTarget.value })} /></Field>
        <Field label={t('set.region')}><input name="defaultRegion" value={draft.defaultRegion} maxLength={2} onInput={(e) => setDraft({ ...draft, defaultRegion: e.currentTarget.value })} /></Field>
        <Field label={t('set.ownEmails')} wide><textarea name="ownEmails" rows={3} value={draft.ownEmails} onInput={(e) => setDraft({ ...draft, ownEmails: e.currentTarget.value })} /></Field>
        <label class="row nowrap field--wide">
          <input type="checkbox" name="maskContacts" checked={draft.maskContacts} onChange={(e) => setDraft({ ...draft, maskContacts: e.currentTarget.checked })} style={{ width: 'auto' }} />
          {t('set.mask')}
        </label>
        <label class="row nowrap field--wide">
          <input type="checkbox" name="autoLogKnown" checked={draft.autoLogKnown} onChange={(e) => setDraft({ ...draft, autoLogKnown: e.currentTarget.checked })} style={{ width: 'auto' }} data-testid="settings-autolog" />
          {t('set.autoLog')}
        </label>
        {error && <p class="notice notice--error field--wide" role="alert">{error}</p>}
        <div class="actions field--wide">
          <button class="primary" type="submit" data-testid="settings-save">{t('save')}</button>
          {unsaved && <span class="muted" data-testid="settings-unsaved">{t('settings.unsaved')}</span>}
        </div>
      </form>
      {Rules && (
        <section class="settings__rules">
          <Rules />
        </section>
      )}
    </section>
  );
}
