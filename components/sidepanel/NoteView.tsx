import { useEffect, useState } from 'preact/hooks';
import { addInteraction, getRepo } from '../../lib/db';
import type { Customer } from '../../lib/domain';
import { t } from '../../lib/i18n';
import { pendingCaptureItem, type PendingCapture } from '../../lib/ui/panel-request';

const host = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};

/** "Add selection as note to …": pick a customer (suggested from the page's domain, or by search) and append the text. */
export function NoteView(props: { pending: PendingCapture; onSaved(id: string): void }) {
  const { pending } = props;
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Customer[]>([]);
  useEffect(() => {
    const q = query.trim().toLowerCase();
    const domain = host(pending.tabUrl);
    void getRepo().db.customers
      .filter((c) => c.deletedAt === null && (q
        ? `${c.name} ${c.company} ${c.emails.map((e) => e.value).join(' ')}`.toLowerCase().includes(q)
        : !!domain && (c.websites.some((w) => host(w) === domain) || c.emails.some((e) => e.value.endsWith(`@${domain}`)))))
      .limit(10)
      .toArray()
      .then(setFound);
  }, [query, pending.tabUrl]);

  async function add(c: Customer) {
    const text = [pending.note ?? '', '', [pending.tabTitle, pending.tabUrl].filter(Boolean).join(' — ')].join('\n').trim();
    await addInteraction(getRepo(), {
      customerId: c.id, type: 'note', direction: 'none', occurredAt: Date.now(),
      subject: (pending.tabTitle ?? '').slice(0, 500), content: text, source: { url: pending.tabUrl, provider: 'page' },
    });
    await pendingCaptureItem.setValue(null);
    props.onSaved(c.id);
  }

  return (
    <section class="review" data-testid="note-review">
      <h2>{t('noteTitle')}</h2>
      <blockquote class="small" data-testid="note-text">{pending.note}</blockquote>
      <p class="muted small">{t('sourceUrl', { url: pending.tabUrl })}</p>
      <input type="search" value={query} placeholder={t('searchPlaceholder')} onInput={(e) => setQuery(e.currentTarget.value)} data-testid="note-search" />
      {!query && found.length > 0 && <p class="muted small">{t('noteSuggested')}</p>}
      <ul>{found.map((c) => <li key={c.id}><button class="link" onClick={() => void add(c)}>{t('notePick', { name: c.name })}</button> <span class="muted small">{c.company}</span></li>)}</ul>
    </section>
  );
}
