import { useEffect, useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { customersAt } from '../../lib/db/queries';
import type { Customer } from '../../lib/domain';
import { t } from '../../lib/i18n';
import { matchPage, type PageMatch } from '../../lib/search/page';
import { readCurrentTab, watchCurrentTab } from '../../lib/search-index/tab';
import { getSearchStore, searchVersion } from './search-store';
import { ResultRow } from './ResultRow';

type State = { kind: 'loading' } | { kind: 'hidden' } | { kind: 'shown'; rows: Array<{ match: PageMatch; customer: Customer }> };

/** Customers matching the tab beside the panel; follows tab switches, navigation and data changes. */
export function OnThisPage({ onOpen }: { onOpen(id: string): void }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [tabTick, setTabTick] = useState(0);
  const version = searchVersion.value;
  useEffect(() => watchCurrentTab(() => setTabTick((n) => n + 1)), []);
  useEffect(() => {
    let live = true;
    void (async () => {
      const store = getSearchStore();
      await store.ready;
      const view = await readCurrentTab().catch(() => undefined);
      if (!live) return;
      if (!view?.visible) return setState({ kind: 'hidden' });
      const matches = matchPage(store, view.facts);
      const customers = await customersAt(getRepo(), matches.map((m) => m.id));
      if (!live) return;
      setState({
        kind: 'shown',
        rows: matches.flatMap((match, i) => (customers[i] && customers[i].deletedAt === null ? [{ match, customer: customers[i] }] : [])),
      });
    })();
    return () => {
      live = false;
    };
  }, [tabTick, version]);

  return (
    <section class="on-this-page" aria-label={t('sp.onThisPage')} data-testid="on-this-page">
      <h3>{t('sp.onThisPage')}</h3>
      {state.kind === 'loading' && <p class="muted">{t('loading')}</p>}
      {state.kind === 'hidden' && <p class="muted">{t('sp.onThisPageHidden')}</p>}
      {state.kind === 'shown' && state.rows.length === 0 && <p class="muted">{t('sp.onThisPageNone')}</p>}
      {state.kind === 'shown' && state.rows.length > 0 && (
        <ul class="results">
          {state.rows.map(({ match, customer }) => (
            <ResultRow key={customer.id} customer={customer} onOpen={onOpen} why={t(`sp.reason.${match.reason}`)} />
          ))}
        </ul>
      )}
    </section>
  );
}
