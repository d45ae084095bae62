import { dueFollowUps, getRepo } from '../../lib/db';
import { formatDate, t } from '../../lib/i18n';
import { useLive } from '../../lib/state/live';

const DAY = 86_400_000;

/** Open follow-ups due within 7 days, read through the [status+dueAt] index with a limit. */
export function DueList({ onOpen }: { onOpen(customerId: string): void }) {
  const repo = getRepo();
  const due = useLive(async () => {
    const items = await dueFollowUps(repo, Date.now() + 7 * DAY, 100);
    const customers = await repo.db.customers.bulkGet(items.map((f) => f.customerId ?? ''));
    return items.map((f, i) => ({ f, c: customers[i] }));
  }, []);
  const rows = due.value.value;
  if (!rows) return <p class="muted">{t('loading')}</p>;
  if (rows.length === 0) return <p class="muted" data-testid="nothing-due">{t('none')}</p>;
  return (
    <ul class="due-list" data-testid="due-list">
      {rows.map(({ f, c }) => (
        <li key={f.id}>
          <button class="result" onClick={() => c && onOpen(c.id)}>
            <strong>{c?.name ?? '—'}</strong> <span class="muted">{c?.company}</span>
            <span class="muted">{f.reason} · {formatDate(f.dueAt)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
