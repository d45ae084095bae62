import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { markFollowUpDone, scheduleFollowUp } from '../../lib/actions/followups';
import { getRepo } from '../../lib/actions/context';
import { openFollowUpsOf } from '../../lib/db/queries';
import type { Customer } from '../../lib/domain/customer';
import { DONE_TYPES, likelyContactType } from '../../lib/domain/done';
import type { FollowUp } from '../../lib/domain/followup';
import type { InteractionType } from '../../lib/domain/interaction';
import { reasonText } from '../../lib/domain/reasons';
import { formatDate, lang, t } from '../../lib/i18n';
import { useLive } from '../../lib/state/live';

/** A customer's open follow-ups, soonest first, with the reason in words, Done and a keyboard-friendly schedule form. */
export function FollowUps({ customer, scheduling, onScheduled }: { customer: Customer; scheduling: boolean; onScheduled(): void }) {
  const repo = getRepo();
  const customerId = customer.id;
  const open = useLive(() => openFollowUpsOf(repo, customerId), [customerId]);
  const list = open.value.value ?? [];
  return (
    <section class="follow-ups" aria-label={t('sp.followUps')} data-testid="follow-ups">
      <h3>{t('sp.followUps')}</h3>
      {scheduling && <ScheduleForm customerId={customerId} onDone={onScheduled} />}
      {list.length === 0 && <p class="muted">{t('sp.followUpsNone')}</p>}
      <ul class="due-list">
        {list.map((f) => {
          const reason = reasonText(f, customer, lang.value, new Date(repo.now()));
          return <FollowUpRow key={f.id} f={f} reason={reason} overdue={f.dueAt < repo.now()} />;
        })}
      </ul>
    </section>
  );
}

/** One open follow-up: "Done" completes it and logs the contact (type chosen here), as in the popup. */
function FollowUpRow({ f, reason, overdue }: { f: FollowUp; reason: string; overdue: boolean }) {
  const [type, setType] = useState<InteractionType>(() => likelyContactType(f.reason));
  const [error, setError] = useState('');
  return (
    <li class="row" data-follow-up={f.id} data-reason={f.reason}>
      <time class={overdue ? 'overdue' : ''}>{formatDate(f.dueAt)}</time>
      <span>{reason}</span>
      <span class="spacer" />
      <select data-action="done-type" aria-label={t('done.as')} title={t('done.as')} value={type}
        onChange={(e) => setType(e.currentTarget.value as InteractionType)}>
        {DONE_TYPES.map((k) => <option key={k} value={k}>{t(`type.${k}`)}</option>)}
      </select>
      <button data-action="done" aria-label={`${t('sp.done')}: ${reason}`}
        onClick={() => void markFollowUpDone(getRepo(), f.id, { type, subject: reason }).catch((e: unknown) => setError(String(e)))}>{t('sp.done')}</button>
      {error && <span class="field__error" role="alert">{error}</span>}
    </li>
  );
}

function ScheduleForm({ customerId, onDone }: { customerId: string; onDone(): void }) {
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const first = useRef<HTMLInputElement>(null);
  // The note takes focus first: Tab inside a date input walks its month/day/year parts.
  useLayoutEffect(() => first.current?.focus(), []);
  return (
    <form class="row" autoComplete="off" aria-label={t('sp.schedule')} data-testid="schedule-form"
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
      onSubmit={async (e) => {
        e.preventDefault();
        const dueAt = Date.parse(`${due}T09:00`);
        if (Number.isNaN(dueAt)) return setError(t('sp.due'));
        try {
          await scheduleFollowUp(getRepo(), customerId, dueAt, note);
          onDone();
        } catch (err) {
          setError(String(err));
        }
      }}>
      <label class="field"><span class="field__label">{t('sp.note')}</span>
        <input ref={first} name="note" value={note} onInput={(e) => setNote(e.currentTarget.value)} /></label>
      <label class="field"><span class="field__label">{t('sp.due')}</span>
        <input type="date" name="dueAt" required value={due} onInput={(e) => setDue(e.currentTarget.value)} /></label>
      <button type="submit" class="primary">{t('save')}</button>
      <button type="button" onClick={onDone}>{t('cancel')}</button>
      {error && <span class="field__error" role="alert">{error}</span>}
    </form>
  );
}
