import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { addFollowUp, getRepo, openFollowUpsOf, updateFollowUp } from '../../lib/db';
import { newId, type Customer } from '../../lib/domain';
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
          return (
            <li key={f.id} class="row" data-follow-up={f.id} data-reason={f.reason}>
              <time class={f.dueAt < repo.now() ? 'overdue' : ''}>{formatDate(f.dueAt)}</time>
              <span>{reason}</span>
              <span class="spacer" />
              <button onClick={() => void updateFollowUp(repo, f.id, { status: 'done', doneAt: repo.now() })}
                aria-label={`${t('sp.done')}: ${reason}`}>{t('sp.done')}</button>
            </li>
          );
        })}
      </ul>
    </section>
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
          await addFollowUp(getRepo(), { customerId, dueAt, reason: 'manual', ruleKey: `manual:${newId()}`, note });
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
