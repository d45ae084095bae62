import { useEffect, useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import type { Customer } from '../../lib/domain';
import { t } from '../../lib/i18n';
import { settings } from '../../lib/state/settings';
import { forEachCustomerPage } from '../../lib/import-export/export';
import { findDuplicates } from '../../lib/workspace/duplicates';
import { qualityChecks, qualityIssues, type QualityCheck } from '../../lib/workspace/quality';

type Lists = Record<QualityCheck, Pick<Customer, 'id' | 'name' | 'company'>[]>;

/** Data-quality lists, each card one click from its edit form. Read page by page, never the whole table at once. */
export function Quality({ onFix, onDuplicates }: { onFix(id: string): void; onDuplicates(): void }) {
  const [lists, setLists] = useState<Lists | undefined>();
  const [dups, setDups] = useState(0);
  useEffect(() => {
    const repo = getRepo();
    const now = Date.now();
    const stale = settings.value.followUps.dataAudit.staleDays;
    const out = Object.fromEntries(qualityChecks.map((q) => [q, []])) as unknown as Lists;
    void forEachCustomerPage(repo, (page) => {
      for (const c of page) for (const q of qualityIssues(c, now, stale)) out[q].push({ id: c.id, name: c.name, company: c.company });
    }).then(() => setLists(out));
    void findDuplicates(repo).then((g) => setDups(g.length));
  }, []);
  if (!lists) return <p class="muted">{t('loading')}</p>;
  return (
    <section class="quality" data-testid="quality">
      <div class="quality__item">
        <h3>{t('dq.duplicates')} ({dups})</h3>
        {dups > 0 && <button onClick={onDuplicates}>{t('dq.fix')}</button>}
      </div>
      {qualityChecks.map((q) => (
        <div key={q} class="quality__item" data-quality={q}>
          <h3>{t(`dq.${q}`)} ({lists[q].length})</h3>
          {lists[q].length === 0 ? <p class="muted">{t('dq.allGood')}</p> : (
            <ul>
              {lists[q].slice(0, 50).map((c) => (
                <li key={c.id}>{c.name} <span class="muted">{c.company}</span> <button class="link" onClick={() => onFix(c.id)} data-fix={c.id}>{t('dq.fix')}</button></li>
              ))}
              {lists[q].length > 50 && <li class="muted">{t('dq.more', { count: lists[q].length - 50 })}</li>}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
