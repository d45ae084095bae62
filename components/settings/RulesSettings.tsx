import { useEffect, useRef, useState } from 'preact/hooks';
import { defaultSettings, type Holiday } from '../../lib/domain';
import { isMessageKey, t, type MessageKey } from '../../lib/i18n';
import { saveSettings } from '../../lib/settings';
import { settings } from '../../lib/state/settings';
import { Field } from '../common/Field';
import { showToast } from '../common/Toast';
import { setPath, validateRules, type RulesDraft } from './rules-form';
import { markUnsaved, SECTION_TITLE, unsavedSections } from './sections';

type RuleName = keyof RulesDraft['followUps'];
type Draft = RulesDraft & { notifications: boolean };
const RULES: Array<[RuleName, string[]]> = [
  ['cadence', ['highDays', 'midDays', 'lowDays']], ['customService', ['everyMonths']], ['onboardingWelcome', ['withinDays']],
  ['onboardingRevisit', ['onDay']], ['survey', ['afterDays']], ['anniversary', ['afterDays']], ['winback', []],
  ['birthday', ['leadDays']], ['holiday', []], ['nextStep', []], ['contractRenewal', ['leadDays']], ['dataAudit', ['staleDays']],
  ['tagReview', ['everyMonths']], ['churnWarning', []],
];
const CLASSIFICATION = ['valueHigh', 'valueMid', 'valueWindowDays', 'activityWindowMonths', 'activityHighPerMonth',
  'activityMidPerMonth', 'churnDays', 'loyalAfterDays', 'retentionSilenceDays'] as const;

const pick = (s: Draft): Draft => ({ classification: s.classification, followUps: s.followUps, notifications: s.notifications });
const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

/** This year's (or next) solar date of each holiday, lunar ones converted; loaded lazily (lunar tables are large). */
function useNextDates(holidays: Holiday[]): string[] {
  const [dates, setDates] = useState<string[]>([]);
  const key = JSON.stringify(holidays);
  useEffect(() => {
    let live = true;
    void import('../../lib/domain/holidays').then(({ holidayDate }) => {
      const today = new Date().setHours(0, 0, 0, 0);
      const y = new Date().getFullYear();
      const next = holidays.map((h) => {
        try {
          const at = [y - 1, y, y + 1].map((year) => holidayDate(h, year)).find((d) => d >= today);
          return at === undefined ? '' : new Date(at).toLocaleDateString();
        } catch {
          return '';
        }
      });
      if (live) setDates(next);
    });
    return () => { live = false; };
  }, [key]);
  return dates;
}

/** Settings → Rules: every threshold and cadence of SPEC §3–4, each rule switchable, validated by zod before saving. */
export function RulesSettings() {
  const [draft, setDraft] = useState<Draft>(() => pick(settings.value));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Settings saved elsewhere (the general section, another tab) refresh this form only while it has no edits of its own.
  const seen = useRef(pick(settings.value));
  useEffect(() => settings.subscribe((s) => {
    const before = JSON.stringify(seen.current);
    seen.current = pick(s);
    setDraft((d) => (JSON.stringify(d) === before ? pick(s) : d));
  }), []);
  const unsaved = JSON.stringify(draft) !== JSON.stringify(pick(settings.value));
  useEffect(() => { markUnsaved('rules', unsaved); }, [unsaved]);
  useEffect(() => () => markUnsaved('rules', false), []);
  const set = (path: string, value: unknown) => setDraft((d) => setPath(d, path, value));
  const err = (path: string) => (errors[path] ? (isMessageKey(errors[path]!) ? t(errors[path]!) : errors[path]) : undefined);
  const numberField = (path: string, label: MessageKey, value: number, step = 1) => (
    <Field key={path} label={t(label)} path={path} error={err(path)}>
      <input type="number" name={path} step={step} min={0} value={Number.isNaN(value) ? '' : value}
        onInput={(e) => set(path, num(e.currentTarget.value))} />
    </Field>
  );
  const holidays = draft.followUps.holiday.holidays;
  const nextDates = useNextDates(holidays);

  async function save(e: Event) {
    e.preventDefault();
    const r = validateRules(draft);
    if (!r.ok) { setErrors(r.errors); showToast(t('fixErrors')); return; }
    setErrors({});
    await saveSettings({ ...r.value, notifications: draft.notifications });
    const waiting = unsavedSections.value.has('general');
    showToast(waiting ? `${t('settings.savedRules')} ${t('settings.otherUnsaved', { section: t(SECTION_TITLE.general) })}` : t('settings.savedRules'));
  }

  return (
    <form class="rules-settings" data-testid="rules-settings" onSubmit={save} noValidate>
      <h2>{t('rules.title')}</h2>
      <fieldset class="grid">
        <legend>{t('rules.classification')}</legend>
        {CLASSIFICATION.map((k) => numberField(`classification.${k}`, `rules.${k}`, draft.classification[k], k.includes('PerMonth') ? 0.1 : 1))}
      </fieldset>
      <fieldset>
        <legend>{t('rules.followUps')}</legend>
        <label class="row"><input type="checkbox" name="notifications" style="width:auto" checked={draft.notifications}
          onChange={(e) => set('notifications', e.currentTarget.checked)} /> {t('rules.notifications')}</label>
        {RULES.map(([rule, fields]) => {
          const r = draft.followUps[rule] as unknown as Record<string, number | boolean>;
          return (
            <div class="rules-settings__rule row" key={rule} data-rule={rule}>
              <label class="row"><input type="checkbox" name={`followUps.${rule}.enabled`} style="width:auto" checked={r.enabled === true}
                onChange={(e) => set(`followUps.${rule}.enabled`, e.currentTarget.checked)} /> <strong>{t(`rules.${rule}`)}</strong></label>
              {fields.map((f) => { const key = `rules.${rule}.${f}`; return numberField(`followUps.${rule}.${f}`, isMessageKey(key) ? key : 'rules.followUps', r[f] as number); })}
            </div>
          );
        })}
        <table class="rules-settings__holidays" data-testid="holiday-calendar">
          <thead><tr><th>{t('rules.enabled')}</th><th>{t('rules.holidayName')}</th><th>{t('rules.calendar')}</th><th>{t('rules.month')}</th>
            <th>{t('rules.day')}</th><th>{t('rules.leadDays')}</th><th>{t('rules.nextDate')}</th><th><span class="sr-only">{t('remove')}</span></th></tr></thead>
          <tbody>
            {holidays.map((h, i) => {
              const p = `followUps.holiday.holidays.${i}`;
              // Each cell's control is named by its column and the holiday ("Month · 春节") for screen readers.
              const named = (col: MessageKey) => `${t(col)} · ${h.name || String(i + 1)}`;
              return (
                <tr key={h.id} data-holiday={h.id}>
                  <td><input type="checkbox" aria-label={named('rules.enabled')} checked={h.enabled} onChange={(e) => set(`${p}.enabled`, e.currentTarget.checked)} /></td>
                  <td><input name={`${p}.name`} aria-label={t('rules.holidayName')} value={h.name} onInput={(e) => set(`${p}.name`, e.currentTarget.value)} />{err(`${p}.name`) && <span class="field__error">{err(`${p}.name`)}</span>}</td>
                  <td><select name={`${p}.calendar`} aria-label={named('rules.calendar')} value={h.calendar} onChange={(e) => set(`${p}.calendar`, e.currentTarget.value)}>
                    <option value="lunar">{t('rules.lunar')}</option><option value="solar">{t('rules.solar')}</option></select></td>
                  {(['month', 'day', 'leadDays'] as const).map((f) => (
                    <td key={f}><input type="number" name={`${p}.${f}`} aria-label={named(f === 'month' ? 'rules.month' : f === 'day' ? 'rules.day' : 'rules.leadDays')} value={Number.isNaN(h[f]) ? '' : h[f]} onInput={(e) => set(`${p}.${f}`, num(e.currentTarget.value))} />
                      {err(`${p}.${f}`) && <span class="field__error" data-error-for={`${p}.${f}`}>{err(`${p}.${f}`)}</span>}</td>
                  ))}
                  <td class="muted" data-next-date>{nextDates[i] ?? ''}</td>
                  <td><button type="button" class="link" aria-label={named('remove')} onClick={() => set('followUps.holiday.holidays', holidays.filter((_, j) => j !== i))}>{t('remove')}</button></td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="button" onClick={() => set('followUps.holiday.holidays', [...holidays,
          { id: `holiday-${Date.now()}`, name: '', calendar: 'lunar', month: 5, day: 5, leadDays: 3, enabled: true }])}>{t('rules.addHoliday')}</button>
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary">{t('save')}</button>
        {unsaved && <span class="muted" data-testid="rules-unsaved">{t('settings.unsaved')}</span>}
        <button type="button" onClick={() => { setDraft(pick(defaultSettings)); setErrors({}); }}>{t('rules.reset')}</button>
      </div>
    </form>
  );
}
