import { useState } from 'preact/hooks';
import { getRepo } from '../../lib/db';
import type { AuditEntry } from '../../lib/domain';
import { formatDate, isMessageKey, t } from '../../lib/i18n';
import { auditWords } from '../../lib/i18n/words';
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

interface Named { entry: AuditEntry; customerId?: string; name?: string }

/**
 * Each entry with the card it concerns: a customer entry names its card, an interaction's or a
 * follow-up's names the card it belongs to (two bulkGets for the page of entries shown).
 */
async function named(entries: AuditEntry[]): Promise<Named[]> {
  const { db } = getRepo();
  const of = (entity: AuditEntry['entity']) => [...new Set(entries.filter((e) => e.entity === entity).map((e) => e.entityId))];
  const [ixs, fus] = await Promise.all([db.interactions.bulkGet(of('interaction')), db.followUps.bulkGet(of('followUp'))]);
  const owner = new Map<string, string>();
  for (const r of [...ixs, ...fus]) if (r?.customerId) owner.set(r.id, r.customerId);
  const customerOf = (e: AuditEntry) => (e.entity === 'customer' ? e.entityId : owner.get(e.entityId));
  const ids = [...new Set(entries.map(customerOf).filter((id): id is string => !!id))];
  const cards = new Map((await db.customers.bulkGet(ids)).filter((c) => !!c).map((c) => [c!.id, c!.name]));
  return entries.map((entry) => {
    const customerId = customerOf(entry);
    return { entry, customerId, name: customerId ? cards.get(customerId) : undefined };
  });
}

const fieldWords = (f: string) => { const key = `field.${f}`; return isMessageKey(key) ? t(key) : f; };

/** Who changed what and when; the whole workspace, or filtered to one card. */
export function AuditLog({ customerId, limit = 200 }: { customerId?: string; limit?: number }) {
  const [onlyCard, setOnlyCard] = useState(!!customerId);
  const { db } = getRepo();
  const rows = useLive(
    async () => named(await (onlyCard && customerId ? entriesOf(customerId) : db.audit.orderBy('at').reverse().limit(limit).toArray())),
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
