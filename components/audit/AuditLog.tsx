import { useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { auditOfCard, latestAudit, withCardNames } from '../../lib/db/queries';
import { formatDate, isMessageKey, t } from '../../lib/i18n';
import { auditWords } from '../../lib/i18n/words';
import { useLive } from '../../lib/state/live';

const fieldWords = (f: string) => { const key = `field.${f}`; return isMessageKey(key) ? t(key) : f; };

/** Who changed what and when; the whole workspace, or filtered to one card. */
export function AuditLog({ customerId, limit = 200 }: { customerId?: string; limit?: number }) {
  const [onlyCard, setOnlyCard] = useState(!!customerId);
  const repo = getRepo();
  const rows = useLive(
    async () => withCardNames(repo, await (onlyCard && customerId ? auditOfCard(repo, customerId) : latestAudit(repo, limit))),
    [onlyCard, customerId, limit],
  );
  const list = rows.value.value;
  return (
    <section class="audit" data-testid="audit-log">
      <header class="row">
        <h2>{t('sec.audit')}</h2>
        {customerId && (
          <select aria-label={t('sec.audit')} value={onlyCard ? 'card' : 'all'} onChange={(e) => setOnlyCard(e.currentTarget.value === 'card')} data-testid="audit-filter">
            <option value="card">{t('sec.auditThis')}</option>
            <option value="all">{t('sec.auditAll')}</option>
          </select>
        )}
      </header>
      {list && list.length === 0 && <p class="muted">{t('sec.auditEmpty')}</p>}
      {list && list.length > 0 && (
        <table class="audit__table">
          <thead><tr><th>{t('sec.auditWhen')}</th><th>{t('sec.auditWho')}</th><th>{t('sec.auditWhat')}</th><th>{t('sec.auditFields')}</th></tr></thead>
          <tbody>
            {list.map(({ entry: e, customerId: cid, name }) => (
              <tr key={e.id} data-audit-entity={e.entityId} data-audit-action={e.action}>
                <td>{formatDate(e.at, true)}</td>
                <td>{e.who || t('audit.you')}</td>
                <td>
                  {auditWords(e)}{' · '}
                  {cid && name !== undefined
                    ? <a href={`?customer=${encodeURIComponent(cid)}#customers`} data-testid="audit-card">{name || t('audit.unnamed')}</a>
                    : <span class="muted">{t('audit.gone')}</span>}
                </td>
                <td>{e.fields.map(fieldWords).join(t('listSep'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
