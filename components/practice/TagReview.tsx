import { useEffect, useState } from 'preact/hooks';
import { applyTagChanges, type TagChange } from '../../lib/actions/tag-review';
import { getRepo } from '../../lib/db';
import { tagCounts } from '../../lib/db/practice-queries';
import { tagReviewPage, type TagSuggestion } from '../../lib/db/tag-review';
import { lang, t } from '../../lib/i18n';
import { showToast } from '../common/Toast';

const key = (id: string, op: 'add' | 'remove', tag: string) => `${id}\u0000${op}\u0000${tag}`;

/** The quarterly tag review: every tag and its count, cards whose behaviour no longer matches, suggestions applied in bulk. */
export function TagReview({ onOpen }: { onOpen(id: string): void }) {
  const repo = getRepo();
  const [counts, setCounts] = useState<Array<{ tag: string; count: number }> | undefined>();
  const [list, setList] = useState<TagSuggestion[]>([]);
  const [next, setNext] = useState<number | undefined>(0);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const load = async (start: number, reset = false) => {
    setBusy(true);
    const c = await tagCounts(repo);
    setCounts(c);
    const page = await tagReviewPage(repo, c.map((x) => x.tag), lang.value, start);
    const all = reset ? page.suggestions : [...list, ...page.suggestions];
    setList(all);
    setNext(page.next);
    // Every suggestion starts ticked: the review is accepting or unticking them.
    setPicked(new Set(all.flatMap((s) => [...s.review.add.map((tg) => key(s.customer.id, 'add', tg)), ...s.review.remove.map((tg) => key(s.customer.id, 'remove', tg))])));
    setBusy(false);
  };
  useEffect(() => { void load(0, true); }, []);
  const toggle = (k: string) => setPicked((p) => { const n = new Set(p); if (n.has(k)) n.delete(k); else n.add(k); return n; });
  const apply = async () => {
    const changes: TagChange[] = list.map((s) => ({
      customerId: s.customer.id,
      add: s.review.add.filter((tg) => picked.has(key(s.customer.id, 'add', tg))),
      remove: s.review.remove.filter((tg) => picked.has(key(s.customer.id, 'remove', tg))),
    })).filter((c) => c.add.length || c.remove.length);
    const n = await applyTagChanges(repo, changes);
    showToast(t('ws.bulk.done', { count: n }));
    await load(0, true);
  };
  if (!counts) return <p class="muted" aria-busy="true">{t('loading')}</p>;
  return (
    <section class="practice" data-testid="tag-review" aria-labelledby="tags-title">
      <h2 id="tags-title">{t('pr.tags')}</h2>
      <div class="practice__grid">
        <div class="card">
          <h3>{t('pr.tags.all')}</h3>
          <table class="practice-table" data-testid="tag-counts">
            <thead><tr><th scope="col">{t('field.tags')}</th><th scope="col">{t('pr.cards')}</th></tr></thead>
            <tbody>{counts.map((c) => <tr key={c.tag}><th scope="row">{c.tag}</th><td>{c.count}</td></tr>)}</tbody>
          </table>
        </div>
        <div class="card card--wide">
          <h3>{t('pr.tags.suggestions', { count: list.length })}</h3>
          {list.length === 0 && !busy && <p class="muted">{t('pr.tags.none')}</p>}
          <ul data-testid="tag-suggestions">
            {list.map((s) => (
              <li key={s.customer.id} data-card={s.customer.name}>
                <button class="link" onClick={() => onOpen(s.customer.id)}>{s.customer.name}</button> <span class="muted">{s.customer.company}</span>
                {s.review.newPlan && <span class="badge">{t('pr.tags.newPlan')}</span>}
                {s.review.remove.map((tg) => (
                  <label key={`r${tg}`} class="chip"><input type="checkbox" checked={picked.has(key(s.customer.id, 'remove', tg))} onChange={() => toggle(key(s.customer.id, 'remove', tg))} /> {t('pr.tags.remove', { tag: tg })}</label>
                ))}
                {s.review.add.map((tg) => (
                  <label key={`a${tg}`} class="chip"><input type="checkbox" checked={picked.has(key(s.customer.id, 'add', tg))} onChange={() => toggle(key(s.customer.id, 'add', tg))} /> {t('pr.tags.add', { tag: tg })}</label>
                ))}
              </li>
            ))}
          </ul>
          <div class="row">
            <button class="primary" disabled={busy || picked.size === 0} data-testid="tags-apply" onClick={() => void apply()}>{t('pr.tags.apply', { count: picked.size })}</button>
            {next !== undefined && <button disabled={busy} onClick={() => void load(next)}>{t('pr.tags.more')}</button>}
          </div>
        </div>
      </div>
    </section>
  );
}
