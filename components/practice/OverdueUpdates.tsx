import { useEffect, useState } from 'preact/hooks';
import { getRepo, updateFollowUp } from '../../lib/db';
import { overdueUpdates, type OverdueUpdate } from '../../lib/db/practice-queries';
import { reasonText } from '../../lib/domain';
import { formatDate, lang, t } from '../../lib/i18n';
import { ownerName } from './OwnerPicker';

/** Data quality: 24-hour updates past due, grouped by the card's owner, each one click from the card's edit form. */
export function OverdueUpdates({ onFix }: { onFix(id: string): void }) {
  const [list, setList] = useState<OverdueUpdate[] | undefined>();
  const load = () => void overdueUpdates(getRepo(), Date.now()).then(setList);
  useEffect(load, []);
  if (!list) return null;
  const owners = [...new Set(list.map((o) => o.customer.owner))].sort();
  return (
    <div class="quality__item" data-quality="update24h" data-testid="overdue-updates">
      <h3>{t('pr.overdueUpdates')} ({list.length})</h3>
      {list.length === 0 ? <p class="muted">{t('dq.allGood')}</p> : owners.map((o) => (
        <section key={o} aria-label={ownerName(o)}>
          <h4>{ownerName(o)}</h4>
          <ul>
            {list.filter((x) => x.customer.owner === o).map(({ followUp: f, customer: c }) => (
              <li key={f.id}>{c.name} <span class="muted">{c.company} · {reasonText(f, undefined, lang.value, new Date())} · {t('pr.dueAt', { date: formatDate(f.dueAt, true) })}</span>{' '}
                <button class="link" onClick={() => onFix(c.id)} data-fix={c.id}>{t('dq.fix')}</button>{' '}
                <button class="link" onClick={() => void updateFollowUp(getRepo(), f.id, { status: 'done', doneAt: Date.now() }).then(load)}>{t('pr.markDone')}</button></li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
