import { useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { ValidationError, type FieldIssue } from '../../lib/db/errors';
import {
  decisionRoles, industrySections, phoneLabels, socialNetworks, stages, type Customer, type CustomerInput,
} from '../../lib/domain';
import { t, type MessageKey, isMessageKey } from '../../lib/i18n';
import { industryName, networkName } from '../../lib/i18n/words';
import { errorText } from '../../lib/i18n/zod';

/** An issue's path as the field's name ("emails.0.value" → "Emails 1"). */
function pathWords(path: string): string {
  const [field, index] = path.split('.');
  const key = `field.${field}`;
  const name = isMessageKey(key) ? t(key) : field!;
  return index !== undefined && /^\d+$/.test(index) ? `${name} ${Number(index) + 1}` : name;
}
import { Field } from '../common/Field';
import { emptyAddress, fromDraft, toDraft, type FormDraft } from './draft';
import { ListEditor } from './ListEditor';

interface CustomerFormProps {
  initial?: Partial<Customer>;
  /** Saves the input; a thrown ValidationError is shown field by field and nothing is lost. */
  onSubmit(input: CustomerInput): Promise<void>;
  onCancel?(): void;
  /** Fields filled from somewhere else (a scanned card): each gets `note` beside it ("read from the image"). */
  marked?: { fields: ReadonlySet<string>; note: string };
}

type Input = TargetedEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;
const val = (e: Input) => e.currentTarget.value;

/** Every field of a customer card (SPEC §2), for creating and editing. */
export function CustomerForm({ initial, onSubmit, onCancel, marked }: CustomerFormProps) {
  const [d, setD] = useState<FormDraft>(() => toDraft(initial));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof FormDraft>(k: K, v: FormDraft[K]) => setD((prev) => ({ ...prev, [k]: v }));
  const err = (path: string) => { const m = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message; return m === undefined ? undefined : errorText(m); };
  const mark = (k: string) => (marked?.fields.has(k) ? <span class="muted small" data-testid="form-provenance" data-for={k}>{marked.note}</span> : null);
  const text = (k: keyof FormDraft & string, label: MessageKey, type: 'text' | 'date' | 'number' = 'text') => (
    <Field label={t(label)} path={k} error={err(k)}>
      <input name={k} type={type as "text"} value={d[k] as string} onInput={(e) => set(k, val(e) as never)} />
      {mark(k)}
    </Field>
  );

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(fromDraft(d));
      setIssues([]);
    } catch (error) {
      if (error instanceof ValidationError) setIssues(error.issues);
      else setIssues([{ path: '', message: error instanceof Error ? error.message : String(error) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="customer-form" onSubmit={submit} noValidate autoComplete="off" aria-label={initial?.id ? t('edit') : t('newCustomer')}>
      {issues.length > 0 && (
        <div class="notice notice--error" role="alert" data-testid="form-errors">
          {t('fixErrors')}
          <ul>{issues.map((i) => <li key={i.path + i.message}>{i.path ? `${pathWords(i.path)}: ` : ''}{errorText(i.message)}</li>)}</ul>
        </div>
      )}
      <div class="grid">
        <Field label={t('field.kind')} path="kind">
          <select name="kind" value={d.kind} onChange={(e) => set('kind', val(e) as FormDraft['kind'])}>
            <option value="person">{t('kind.person')}</option>
            <option value="organization">{t('kind.organization')}</option>
          </select>
        </Field>
        {text('name', 'field.name')}
        {text('company', 'field.company')}
        {text('title', 'field.title')}
        {text('department', 'field.department')}
        {text('owner', 'field.owner')}
      </div>
      {mark('emails')}
      <ListEditor legend={t('field.emails')} name="emails" items={d.emails} onChange={(v) => set('emails', v)} blank={() => ({ value: '', label: '' })}
        row={(item, put, i) => (
          <>
            <Field label={t('field.emails')} path={`emails.${i}.value`} error={err(`emails.${i}.value`)}>
              <input type="email" name={`emails.${i}.value`} value={item.value} onInput={(e) => put({ ...item, value: val(e) })} />
            </Field>
            <Field label={t('field.label')}><input name={`emails.${i}.label`} value={item.label} onInput={(e) => put({ ...item, label: val(e) })} /></Field>
          </>
        )} />
      {mark('phones')}
      <ListEditor legend={t('field.phones')} name="phones" items={d.phones} onChange={(v) => set('phones', v)} blank={() => ({ raw: '', label: 'mobile' as const })}
        row={(item, put, i) => (
          <>
            <Field label={t('field.phones')} path={`phones.${i}.raw`} error={err(`phones.${i}`)}>
              <input type="tel" name={`phones.${i}.raw`} value={item.raw} onInput={(e) => put({ ...item, raw: val(e) })} />
            </Field>
            <Field label={t('field.label')}>
              <select name={`phones.${i}.label`} value={item.label} onChange={(e) => put({ ...item, label: val(e) as typeof item.label })}>
                {phoneLabels.map((l) => <option key={l} value={l}>{t(`phone.${l}`)}</option>)}
              </select>
            </Field>
          </>
        )} />
      {mark('addresses')}
      <ListEditor legend={t('field.addresses')} name="addresses" items={d.addresses} onChange={(v) => set('addresses', v)} blank={emptyAddress}
        row={(item, put, i) => (
          <div class="grid">
            {(['label', 'street', 'city', 'region', 'postalCode', 'country'] as const).map((k) => (
              <Field key={k} label={t(`field.${k}`)} path={`addresses.${i}.${k}`} error={err(`addresses.${i}.${k}`)}>
                <input name={`addresses.${i}.${k}`} value={item[k]} onInput={(e) => put({ ...item, [k]: val(e) })} />
              </Field>
            ))}
          </div>
        )} />
      {mark('websites')}
      <ListEditor legend={t('field.websites')} name="websites" items={d.websites} onChange={(v) => set('websites', v)} blank={() => ''}
        row={(item, put, i) => (
          <Field label={t('field.websites')} path={`websites.${i}`} error={err(`websites.${i}`)}>
            <input type="url" name={`websites.${i}`} value={item} onInput={(e) => put(val(e))} />
          </Field>
        )} />
      <ListEditor legend={t('field.social')} name="social" items={d.social} onChange={(v) => set('social', v)} blank={() => ({ network: 'wechat' as const, handle: '' })}
        row={(item, put, i) => (
          <>
            <Field label={t('field.network')}>
              <select name={`social.${i}.network`} value={item.network} onChange={(e) => put({ ...item, network: val(e) as typeof item.network })}>
                {socialNetworks.map((n) => <option key={n} value={n}>{networkName(n)}</option>)}
              </select>
            </Field>
            <Field label={t('field.handle')} path={`social.${i}.handle`} error={err(`social.${i}.handle`)}>
              <input name={`social.${i}.handle`} value={item.handle} onInput={(e) => put({ ...item, handle: val(e) })} />
            </Field>
          </>
        )} />
      <fieldset class="grid" data-field="birthday">
        <legend>{t('field.birthday')}</legend>
        {(['month', 'day', 'year'] as const).map((k) => (
          <Field key={k} label={t(`field.${k}`)} path={`birthday.${k}`} error={err(`birthday.${k}`) ?? (k === 'month' ? err('birthday') : undefined)}>
            <input name={`birthday.${k}`} inputMode="numeric" value={d.birthday[k]} onInput={(e) => set('birthday', { ...d.birthday, [k]: val(e) })} />
          </Field>
        ))}
      </fieldset>
      <div class="grid">
        <Field label={t('field.industry')} path="industry">
          <input name="industry" list="gbt4754" value={d.industry} onInput={(e) => set('industry', val(e))} />
          <datalist id="gbt4754">{industrySections.map((s) => <option key={s} value={s} label={`${s} ${industryName(s)}`} />)}</datalist>
        </Field>
        {text('employees', 'field.employees')}
        {text('annualRevenue', 'field.annualRevenue')}
        <Field label={t('field.stage')} path="stage">
          <select name="stage" value={d.stage} onChange={(e) => set('stage', val(e) as FormDraft['stage'])}>
            {stages.map((s) => <option key={s} value={s}>{t(`stage.${s}`)}</option>)}
          </select>
        </Field>
        {text('signedAt', 'field.signedAt', 'date')}
        {text('annualValue', 'field.annualValue', 'number')}
        {text('reviewedAt', 'field.reviewedAt', 'date')}
        <Field label={`${t('field.tags')} (${t('field.commaSeparated')})`} path="tags" error={err('tags')}>
          <input name="tags" value={d.tags} onInput={(e) => set('tags', val(e))} />
        </Field>
        <Field label={`${t('field.interests')} (${t('field.commaSeparated')})`} path="interests" error={err('interests')}>
          <input name="interests" value={d.interests} onInput={(e) => set('interests', val(e))} />
        </Field>
      </div>
      <fieldset class="grid">
        <legend>{t('field.needs')}</legend>
        {text('needsSummary', 'field.needsSummary')}
        {text('budget', 'field.budget')}
        <Field label={t('field.decisionRole')} path="decisionRole">
          <select name="decisionRole" value={d.decisionRole} onChange={(e) => set('decisionRole', val(e))}>
            <option value="">—</option>
            {decisionRoles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
          </select>
        </Field>
      </fieldset>
      <Field label={t('field.notes')} path="notes" wide error={err('notes')}>
        <textarea name="notes" rows={4} value={d.notes} onInput={(e) => set('notes', val(e))} />
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>{t('save')}</button>
        {onCancel && <button type="button" onClick={onCancel}>{t('cancel')}</button>}
      </div>
    </form>
  );
}
