import { useEffect, useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { logInteraction } from '../../lib/actions/interactions';
import { customersAt } from '../../lib/db/queries';
import type { Customer } from '../../lib/domain';
import { t } from '../../lib/i18n';
import { matchPage } from '../../lib/search/page';
import { finishPending, type PendingCapture } from '../../lib/ui/panel-request';
import { getSearchStore, searchVersion } from './search-store';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Live cards for these ids, in this order. */
async function cards(ids: string[]): Promise<Customer[]> {
  const rows = await customersAt(getRepo(), ids);
  return rows.filter((c): c is Customer => !!c && c.deletedAt === null);
}

/**
 * "Add selection as note to …": suggest the customer the page concerns (an address in the
 * selection or on the page, a LinkedIn profile, the site's domain) or pick one by search, then
 * append the text with the page's URL and title to that customer's timeline.
 */
export function NoteView(props: { pending: PendingCapture; onSaved(id: string): void }) {
  const { pending } = props;
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Customer[] | undefined>(undefined);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const version = searchVersion.value;

  useEffect(() => {
    let live = true;
    void (async () => {
      // The same search index as the panel's search box and "On this page": no scan of every card.
      const store = getSearchStore();
      await store.ready;
      const q = query.trim();
      const ids = q
        ? store.search(q, 10).map((h) => h.id)
        : matchPage(store, {
            url: pending.tabUrl,
            emails: [...(pending.note ?? '').matchAll(EMAIL)].map((m) => m[0].replace(/\.$/, '')).concat(pending.pageFacts?.emails ?? []),
            links: pending.pageFacts?.links ?? [],
          }, 10).map((m) => m.id);
      const rows = await cards(ids);
      if (live) setFound(rows);
    })();
    return () => {
      live = false;
    };
  }, [query, pending.tabUrl, pending.note, version]);

  async function add(c: Customer) {
    setBusy(true);
    setError('');
    try {
      const text = [pending.note ?? '', '', [pending.tabTitle, pending.tabUrl].filter(Boolean).join(' — ')].join('\n').trim();
      await logInteraction(getRepo(), {
        customerId: c.id, type: 'note', direction: 'none', occurredAt: Date.now(),
        subject: (pending.tabTitle ?? '').slice(0, 500), content: text, source: { url: pending.tabUrl.slice(0, 4000), provider: 'page' },
      });
      if (!(await finishPending())) props.onSaved(c.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const typed = query.trim() !== '';
  return (
    <section class="review" data-testid="note-review">
      <h2>{t('noteTitle')}</h2>
      <blockquote class="small pre" data-testid="note-text">{pending.note}</blockquote>
      <p class="muted small">{t('sourceUrl', { url: pending.tabUrl })}</p>
      <input type="search" value={query} placeholder={t('searchPlaceholder')} aria-label={t('search')} onInput={(e) => setQuery(e.currentTarget.value)} data-testid="note-search" />
      {!typed && found?.length === 0 && <p class="muted small" data-testid="note-no-match">{t('noteNoMatch')}</p>}
      {typed && found?.length === 0 && <p class="muted small">{t('noResults')}</p>}
      {!typed && !!found?.length && <p class="muted small">{t('noteSuggested')}</p>}
      <ul data-testid="note-candidates">
        {found?.map((c) => (
          <li key={c.id}>
            <button class="link" disabled={busy} onClick={() => void add(c)} data-testid="note-pick">{t('notePick', { name: c.name })}</button>{' '}
            <span class="muted small">{c.company}</span>
          </li>
        ))}
      </ul>
      {error && <p class="error" role="alert">{t('error', { message: error })}</p>}
    </section>
  );
}
