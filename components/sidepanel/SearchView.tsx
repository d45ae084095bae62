import { useEffect, useRef, useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { customersAt } from '../../lib/db/queries';
import type { Customer } from '../../lib/domain';
import { t } from '../../lib/i18n';
import { OnThisPage } from './OnThisPage';
import { listKeys, ResultRow } from './ResultRow';
import { getSearchStore, searchVersion } from './search-store';

const LIMIT = 50;

/**
 * Search as you type over the page's search index (lib/search-index/store), plus "On this page".
 * Each keystroke searches synchronously in memory, then fetches the ≤ 50 shown cards by id.
 */
export function SearchView({ initialQuery = '', onOpen }: { initialQuery?: string; onOpen(id: string): void }) {
  const [q, setQ] = useState(initialQuery);
  // Results together with the query they answer: the list says which query it shows
  // (data-shown-for), which the benchmark uses to time keystroke → results drawn.
  const [shown, setShown] = useState<{ q: string; results: Customer[] }>({ q: '', results: [] });
  const results = shown.results;
  const input = useRef<HTMLInputElement>(null);
  const store = getSearchStore();
  const version = searchVersion.value;
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const hits = store.search(q, LIMIT);
    if (hits.length === 0) {
      setShown({ q, results: [] });
      return;
    }
    void customersAt(getRepo(), hits.map((h) => h.id)).then((rows) => {
      if (mine !== seq.current) return; // a newer keystroke won
      setShown({ q, results: rows.filter((c): c is Customer => !!c && c.deletedAt === null) });
    });
  }, [q, version]);

  const typed = q.trim() !== '';
  return (
    <section class="search" data-search-status={store.status} onKeyDown={(e) => listKeys(e, input.current)}>
      <input ref={input} type="search" autoFocus placeholder={t('searchPlaceholder')} aria-label={t('search')} value={q}
        aria-controls="search-results"
        onInput={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && results[0]) onOpen(results[0].id);
          if (e.key === 'Escape' && q) {
            e.stopPropagation();
            setQ('');
          }
        }} data-testid="search-input" />
      {store.status === 'building' && <p class="muted" role="status">{t('sp.indexing')}</p>}
      {store.status === 'error' && <p class="notice notice--error" role="alert">{t('sp.searchError', { message: String(store.error) })}</p>}
      {typed && store.status === 'ready' && results.length === 0 && <p class="muted" data-testid="no-results">{t('noResults')}</p>}
      <ul class="results" id="search-results" aria-label={t('sp.results')} data-testid="search-results" data-shown-for={shown.q}>
        {typed && results.map((c) => <ResultRow key={c.id} customer={c} onOpen={onOpen} />)}
      </ul>
      {!typed && <OnThisPage onOpen={onOpen} />}
    </section>
  );
}
