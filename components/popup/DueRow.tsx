import { useState } from 'preact/hooks';
import type { DueRow as Row } from '../../lib/db/due-groups';
import { dayPlus } from '../../lib/domain/days';
import type { InteractionType } from '../../lib/domain/interaction';
import { DONE_TYPES, likelyContactType } from '../../lib/domain/done';
import { reasonText } from '../../lib/domain/reasons';
import { formatDate, lang, t } from '../../lib/i18n';
import { dayWords } from '../../lib/i18n/days';
import { lockedFlag } from '../../lib/security/lock-flag';


export interface RowActions {
  done(row: Row, type: InteractionType, subject: string): void;
  snooze(row: Row, until: number): void;
  dismiss(row: Row): void;
  open(row: Row): void;
}

/** One follow-up: who, badges, the reason in words, and what to do about it. */
export function DueRow({ row, now, actions }: { row: Row; now: number; actions: RowActions }) {
  const [snoozing, setSnoozing] = useState(false);
  // "Done" logs a contact of this type (the user may change it), as on the card.
  const [doneType, setDoneType] = useState<InteractionType>(() => likelyContactType(row.reason));
  const reason = reasonText(row, { valueTier: row.valueTier, signedAt: row.signedAt }, lang.value, new Date(now));
  const snooze = (until: number) => { setSnoozing(false); actions.snooze(row, until); };
  return (
    <li class="due-row" data-testid="due-row" data-reason={row.reason} data-followup={row.id} data-status={row.status}>
      <div class="due-row__who">
        {row.customerId ? (
          <button class="link" onClick={() => actions.open(row)} title={t('followUps.open')} data-action="open">
            <strong>{row.name}</strong>
          </button>
        ) : <strong>{t('followUps.workspace')}</strong>}
        {/* While locked the popup shows who is due by name only (SPEC §8). */}
        {row.company && !lockedFlag.value && <span class="muted"> · {row.company}</span>}
      </div>
      {row.customerId && !lockedFlag.value && (
        <span class="badges">
          <span class={`badge badge--value-${row.valueTier}`}>{t(`value.${row.valueTier}`)}</span>
          <span class={`badge badge--activity-${row.activityTier}`}>{t(`activity.${row.activityTier}`)}</span>
          <span class={`badge badge--status-${row.customerStatus}`}>{t(`status.${row.customerStatus}`)}</span>
          {row.tags.map((tag) => <span class="chip" key={tag}>{tag}</span>)}
        </span>
      )}
      <div class="due-row__reason" data-testid="due-reason">
        {reason}
        <span class="muted"> · <time dateTime={new Date(row.dueAt).toISOString()} title={formatDate(row.dueAt)} data-testid="due-when">{dayWords(row.dueAt, now)}</time>{row.status === 'snoozed' ? ` · ${t('followUps.snoozed')}` : ''}</span>
      </div>
      <div class="due-row__actions">
        {row.customerId && (
          <select data-action="done-type" aria-label={t('done.as')} title={t('done.as')} value={doneType}
            onChange={(e) => setDoneType(e.currentTarget.value as InteractionType)}>
            {DONE_TYPES.map((k) => <option key={k} value={k}>{t(`type.${k}`)}</option>)}
          </select>
        )}
        <button data-action="done" onClick={() => actions.done(row, doneType, reason)}>{t('followUps.done')}</button>
        <button data-action="snooze" aria-expanded={snoozing} onClick={() => setSnoozing(!snoozing)}>{t('followUps.snooze')}</button>
        <button data-action="dismiss" class="link" onClick={() => actions.dismiss(row)}>{t('followUps.dismiss')}</button>
      </div>
      {snoozing && (
        <div class="due-row__snooze" data-testid="snooze-menu">
          <button data-snooze="1d" onClick={() => snooze(dayPlus(now, 1))}>{t('followUps.snooze1d')}</button>
          <button data-snooze="3d" onClick={() => snooze(dayPlus(now, 3))}>{t('followUps.snooze3d')}</button>
          <button data-snooze="1w" onClick={() => snooze(dayPlus(now, 7))}>{t('followUps.snooze1w')}</button>
          <label class="muted">
            {t('followUps.snoozeDate')}{' '}
            <input type="date" data-snooze="date" min={new Date(dayPlus(now, 1)).toISOString().slice(0, 10)} onChange={(e) => {
              const [y, m, d] = e.currentTarget.value.split('-').map(Number);
              if (y && m && d) snooze(new Date(y, m - 1, d).getTime());
            }} />
          </label>
        </div>
      )}
    </li>
  );
}
