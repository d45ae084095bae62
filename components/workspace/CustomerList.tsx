import { Badges } from '../customer/Badges';
import { getRepo } from '../../lib/actions/context';
import { recentCustomers } from '../../lib/db/queries';
import { t } from '../../lib/i18n';
import { useLive } from '../../lib/state/live';

/** The most recently changed customers (the full virtualised table replaces this list). */
export function CustomerList({ selectedId, onOpen }: { selectedId?: string; onOpen(id: string): void }) {
  const repo = getRepo();
  const rows = useLive(
    () => recentCustomers(repo, 200),
    [],
  );
  const list = rows.value.value;
  if (!list) return <p class="muted">{t('loading')}</p>;
  if (list.length === 0) return <p class="muted" data-testid="empty-list">{t('noCustomers')}</p>;
  return (
    <table class="customer-table" data-testid="customer-table">
      <thead>
        <tr><th>{t('field.name')}</th><th>{t('field.company')}</th><th>{t('field.title')}</th><th /></tr>
      </thead>
      <tbody>
        {list.map((c) => (
          <tr key={c.id} class={c.id === selectedId ? 'selected' : ''} data-customer-row={c.id}>
            <td><button class="link" onClick={() => onOpen(c.id)}>{c.name}</button></td>
            <td>{c.company}</td>
            <td>{c.title}</td>
            <td><Badges customer={c} tags={false} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
