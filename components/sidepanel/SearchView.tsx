import { useState } from 'preact/hooks';
import { Badges } from '../customer/Badges';
import { getRepo } from '../../lib/db';
import { t } from '../../lib/i18n';
import { useLive } from '../../lib/state/live';

/** Search as you type (a simple name/company/email scan until the search index lands). */
export function SearchView({ initialQuery = '', onOpen }: { initialQuery?: string; onOpen(id: string): void }) {
  const [q, setQ] = useState(initialQuery);
  const repo = getRepo();
  const needle = q.trim().toLowerCase();
  const results = useLive(
    () => repo.db.customers.orderBy('updatedAt').reverse()
      .filter((c) => c.deletedAt === null && (!needle || [c.name, c.company, c.title, ...c.emailKeys].some((s) => s.toLowerCase().includes(needle))))
      .limit(50).toArray(),
    [needle],
  );
  const list = results.value.value ?? [];
  return (
    <section class="search">
      <input type="search" autoFocus placeholder={t('searchPlaceholder')} aria-label={t('search')} value={q}
        onInput={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => { if (e.key === 'Enter' && list[0]) onOpen(list[0].id); }} data-testid="search-input" />
      {needle && list.length === 0 && <p class="muted">{t('noResults')}</p>}
      <ul class="results" data-testid="search-results">
        {list.map((c) => (
          <li key={c.id}>
            <button class="result" onClick={() => onOpen(c.id)}>
              <strong>{c.name}</strong> <span class="muted">{c.company}</span>
              <Badges customer={c} tags={false} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
