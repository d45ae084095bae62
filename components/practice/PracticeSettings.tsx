import { useEffect, useState } from 'preact/hooks';
import { practiceSettingsSchema, type PracticeSettings as P } from '../../lib/domain/practice-settings';
import { t, type MessageKey } from '../../lib/i18n';
import { saveSettings } from '../../lib/settings';
import { settings } from '../../lib/state/settings';
import { showToast } from '../common/Toast';

const NUMBERS: Array<[keyof P, string]> = [
  ['churn', 'dropPercent'], ['churn', 'windowDays'], ['churn', 'minPrevious'], ['churn', 'highValueSilentDays'],
  ['churn', 'complaints'], ['churn', 'complaintWindowDays'], ['churn', 'satisfactionDrop'],
  ['update24h', 'hours'], ['rfm', 'recencyDays'], ['audit', 'everyMonths'],
];

/** Settings → the practice's thresholds (churn warning, 24-hour rule, RFM, audit), validated before saving. */
export function PracticeSettings() {
  const [draft, setDraft] = useState<P>(() => structuredClone(settings.value.practice));
  const [error, setError] = useState('');
  useEffect(() => settings.subscribe((s) => { setDraft(structuredClone(s.practice)); }), []);
  const set = (group: keyof P, k: string, v: unknown) => setDraft((d) => ({ ...d, [group]: { ...d[group], [k]: v } }));
  const save = async (e: Event) => {
    e.preventDefault();
    const r = practiceSettingsSchema.safeParse(draft);
    if (!r.success) { setError(r.error.issues.map((i) => t(`pr.set.${String(i.path[0])}.${String(i.path[1])}` as MessageKey)).join(', ')); return; }
    setError('');
    await saveSettings({ practice: r.data });
    showToast(t('saved'));
  };
  return (
    <form class="card" onSubmit={(e) => void save(e)} data-testid="practice-settings" aria-labelledby="practice-settings-title">
      <h3 id="practice-settings-title">{t('pr.settings')}</h3>
      <label class="row nowrap"><input type="checkbox" checked={draft.churn.enabled} onChange={(e) => set('churn', 'enabled', e.currentTarget.checked)} /> {t('pr.set.churn.enabled')}</label>
      <label class="row nowrap"><input type="checkbox" checked={draft.update24h.enabled} onChange={(e) => set('update24h', 'enabled', e.currentTarget.checked)} /> {t('pr.set.update24h.enabled')}</label>
      {NUMBERS.map(([g, k]) => (
        <label key={`${g}.${k}`} class="field"><span class="field__label">{t(`pr.set.${g}.${k}` as MessageKey)}</span>
          <input type="number" name={`practice.${g}.${k}`} step={k === 'satisfactionDrop' ? 0.1 : 1} min={0}
            value={(draft[g] as Record<string, number>)[k]} onInput={(e) => set(g, k, e.currentTarget.value === '' ? Number.NaN : Number(e.currentTarget.value))} />
        </label>
      ))}
      {(['frequentFrom', 'valuableFrom'] as const).map((k) => (
        <label key={k} class="field"><span class="field__label">{t(`pr.set.rfm.${k}`)}</span>
          <select name={`practice.rfm.${k}`} value={draft.rfm[k]} onChange={(e) => set('rfm', k, e.currentTarget.value)}>
            {(['high', 'mid', 'low'] as const).map((v) => <option key={v} value={v}>{t(`pr.tier.${v}`)}</option>)}
          </select>
        </label>
      ))}
      {error && <p class="field__error" role="alert">{t('pr.set.invalid', { fields: error })}</p>}
      <button class="primary" type="submit">{t('save')}</button>
    </form>
  );
}
