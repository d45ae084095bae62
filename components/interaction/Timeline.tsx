import { useState } from 'preact/hooks';
import { interactionTypes, type Interaction } from '../../lib/domain';
import { formatDate, formatMoney, t } from '../../lib/i18n';

/** A customer's interactions, newest first, filterable by type. Content is shown as text only. */
export function Timeline({ items }: { items: Interaction[] }) {
  const [type, setType] = useState('');
  const shown = type ? items.filter((i) => i.type === type) : items;
  return (
    <section class="timeline" aria-label={t('ix.timeline')}>
      <header class="row">
        <h3>{t('ix.timeline')}</h3>
        <select aria-label={t('ix.type')} value={type} onChange={(e) => setType(e.currentTarget.value)}>
          <option value="">{t('ix.allTypes')}</option>
          {interactionTypes.map((x) => <option key={x} value={x}>{t(`type.${x}`)}</option>)}
        </select>
      </header>
      {shown.length === 0 && <p class="muted">{t('ix.empty')}</p>}
      <ol>
        {shown.map((i) => (
          <li key={i.id} class={`timeline__item timeline__item--${i.type}`} data-interaction={i.type}>
            <div class="row">
              <strong>{t(`type.${i.type}`)}</strong>
              {i.direction !== 'none' && <span class="muted">{t(`dir.${i.direction}`)}</span>}
              <time class="muted">{formatDate(i.occurredAt, true)}</time>
              {i.amount !== undefined && <span>{formatMoney(i.amount, i.currency)}</span>}
            </div>
            {i.subject && <div class="timeline__subject">{i.subject}</div>}
            {i.content && <div class="pre">{i.content.length > 600 ? `${i.content.slice(0, 600)}…` : i.content}</div>}
            {i.place && <div class="muted">{i.place}</div>}
            {i.result && <div>{t('ix.result')}: {i.result}</div>}
            {i.nextStep?.text && (
              <div>{t('ix.nextStep')}: {i.nextStep.text}{i.nextStep.dueAt !== undefined && ` (${formatDate(i.nextStep.dueAt)})`}</div>
            )}
            {i.source?.url && /^https?:/i.test(i.source.url) && (
              <a href={i.source.url} target="_blank" rel="noopener noreferrer">{t('ix.openSource')}</a>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
