import { useState } from 'preact/hooks';
import { ValidationError, type FieldIssue } from '../../lib/db/errors';
import { directions, interactionTypes, type InteractionInput, type InteractionType } from '../../lib/domain';
import { t } from '../../lib/i18n';
import { Field } from '../common/Field';

interface InteractionFormProps {
  customerId: string;
  /** Start with this type (e.g. 'note' for "Add note"). */
  type?: InteractionType;
  currency: string;
  onSubmit(input: InteractionInput): Promise<void>;
  onCancel?(): void;
}

const localNow = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

/** Log an interaction: type, direction, time, place, content, result, next step with a date, amount. */
export function InteractionForm({ customerId, type = 'call', currency, onSubmit, onCancel }: InteractionFormProps) {
  const [f, setF] = useState({
    type, direction: 'out' as (typeof directions)[number], occurredAt: localNow(), place: '', subject: '', content: '',
    result: '', nextText: '', nextDue: '', amount: '', endsAt: '', satisfaction: '',
  });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const err = (p: string) => issues.find((i) => i.path.startsWith(p))?.message;
  const money = f.type === 'purchase' || f.type === 'contract';

  async function submit(e: Event) {
    e.preventDefault();
    const when = Date.parse(f.occurredAt);
    try {
      await onSubmit({
        customerId, type: f.type, direction: f.type === 'note' ? 'none' : f.direction,
        occurredAt: Number.isNaN(when) ? -1 : when,
        place: f.place, subject: f.subject, content: f.content, result: f.result,
        nextStep: f.nextText || f.nextDue ? { text: f.nextText, dueAt: f.nextDue ? Date.parse(`${f.nextDue}T09:00`) : undefined } : undefined,
        amount: money && f.amount ? Number(f.amount) : undefined,
        currency: money && f.amount ? currency : undefined,
        endsAt: f.type === 'contract' && f.endsAt ? Date.parse(`${f.endsAt}T00:00`) : undefined,
        satisfaction: f.satisfaction ? Number(f.satisfaction) : undefined,
      });
      setIssues([]);
    } catch (error) {
      if (error instanceof ValidationError) setIssues(error.issues);
      else setIssues([{ path: '', message: String(error) }]);
    }
  }

  return (
    <form class="interaction-form" onSubmit={submit} autoComplete="off" onKeyDown={(e) => e.key === 'Escape' && onCancel?.()} aria-label={t('ix.log')}>
      {issues.length > 0 && <div class="notice notice--error" role="alert">{issues.map((i) => `${i.path} ${i.message}`).join('; ')}</div>}
      <div class="grid">
        <Field label={t('ix.type')}>
          <select name="type" value={f.type} onChange={set('type')}>
            {interactionTypes.map((x) => <option key={x} value={x}>{t(`type.${x}`)}</option>)}
          </select>
        </Field>
        {f.type !== 'note' && (
          <Field label={t('ix.direction')}>
            <select name="direction" value={f.direction} onChange={set('direction')}>
              {directions.map((x) => <option key={x} value={x}>{t(`dir.${x}`)}</option>)}
            </select>
          </Field>
        )}
        <Field label={t('ix.occurredAt')} error={err('occurredAt')} path="occurredAt">
          <input name="occurredAt" type="datetime-local" value={f.occurredAt} onInput={set('occurredAt')} />
        </Field>
        <Field label={t('ix.place')}><input name="place" value={f.place} onInput={set('place')} /></Field>
        <Field label={t('ix.subject')}><input name="subject" value={f.subject} onInput={set('subject')} /></Field>
      </div>
      <Field label={t('ix.content')} wide>
        <textarea name="content" rows={3} value={f.content} onInput={set('content')}
          onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit(); }} />
      </Field>
      <div class="grid">
        <Field label={t('ix.result')}><input name="result" value={f.result} onInput={set('result')} /></Field>
        <Field label={t('ix.nextStep')}><input name="nextStep" value={f.nextText} onInput={set('nextText')} /></Field>
        <Field label={t('ix.nextStepDue')}><input name="nextStepDue" type="date" value={f.nextDue} onInput={set('nextDue')} /></Field>
        {money && <Field label={`${t('ix.amount')} (${currency})`} error={err('amount')}><input name="amount" type="number" min="0" value={f.amount} onInput={set('amount')} /></Field>}
        {f.type === 'contract' && <Field label={t('ix.endsAt')}><input name="endsAt" type="date" value={f.endsAt} onInput={set('endsAt')} /></Field>}
        <Field label={t('ix.satisfaction')} error={err('satisfaction')}>
          <select name="satisfaction" value={f.satisfaction} onChange={set('satisfaction')}>
            <option value="">—</option>
            {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </Field>
      </div>
      <div class="actions">
        <button type="submit" class="primary">{t('save')}</button>
        {onCancel && <button type="button" onClick={onCancel}>{t('cancel')}</button>}
      </div>
    </form>
  );
}
