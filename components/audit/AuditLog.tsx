import { useState } from 'preact/hooks';
import { getRepo } from '../../lib/db';
import type { AuditEntry } from '../../lib/domain';
import { formatDate, t } from '../../lib/i18n';
import { useLive } from '../../lib/state/live';

/** The audit entries of one card (its own and its interactions' and follow-ups'), newest first. */
async function entriesOf(customerId: string): Promise<AuditEntry[]> {
  const { db } = getRepo();
  const [ixIds, fuIds] = await Promise.all([
    db.interactions.where('[customerId+occurredAt]').between([customerId, -Infinity], [customerId, Infinity]).primaryKeys(),
    db.followUps.where('customerId').equals(customerId).primaryKeys(),
  ]);
  const keys: [string, string][] = [['customer', customerId], ...ixIds.map((id) => ['interaction', id] as [string, string]), ...fuIds.map((id) => ['followUp', id] as [string, string])];
  const found = await db.audit.where('[entity+entityId]').anyOf(keys).toArray();
  return found.sort((a, b) => b.at - a.at);
}

/** Who changed what and when; the whole workspace, or filtered to one card. */
export function AuditLog({ customerId, limit = 200 }: { customerId?: string; limit?: number }) {
  const [onlyCard, setOnlyCard] = useState(!!customerId);
  const { db } = getRepo();
  const rows = useLive(
    () => (onlyCard && customerId ? entriesOf(customerId) : db.audit.orderBy('at').reverse().limit(limit).toArray()),
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
            {list.map((e) => (
              <tr key={e.id} data-audit-entity={e.entityId}>
                <td>{formatDate(e.at, true)}</td>
                <td>{e.who || '—'}</td>
                <td>{e.entity} · {e.action}</td>
                <td>{e.fields.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
