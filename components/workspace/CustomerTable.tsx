import { useEffect, useMemo } from 'preact/hooks';
import { VList } from 'virtua';
import { maskEmail, maskPhone } from '../../lib/domain/mask';
import { formatDate, formatMoney, t, type MessageKey } from '../../lib/i18n';
import { settings } from '../../lib/state/settings';
import { Badges } from '../customer/Badges';
import { BulkBar } from './BulkBar';
import { FilterBar } from './FilterBar';
import { currentIds, currentView, resetRows, rowRecord, selection } from './state';
import { PLACEHOLDER, useViewRows, withPlaceholders } from './view-rows';

/** 138****5678 / a***@example.com when the user asks for masking in lists (SPEC §8). */
export function mask(value: string, on: boolean): string {
  // lib/domain/mask also masks numbers typed with spaces or dashes ("138 0013 8000").
  if (!on) return value;
  return value.includes('@') ? maskEmail(value) : maskPhone(value);
}

function Row({ id, selected, onOpen }: { id: string; selected: boolean; onOpen(id: string): void }) {
  // Below the first screen before the full list is known: nothing to load yet.
  if (id.startsWith(PLACEHOLDER)) return <div class="trow trow--loading" data-row-id={id}><span class="muted">…</span></div>;
  const c = rowRecord(id);
  const checked = selection.value.has(id);
  const toggle = () => {
    const next = new Set(selection.value);
    if (checked) next.delete(id);
    else next.add(id);
    selection.value = next;
  };
  if (!c) return <div class="trow trow--loading" data-row-id={id}><span class="muted">…</span></div>;
  const masked = settings.value.maskContacts;
  return (
    <div class={`trow${selected ? ' selected' : ''}`} data-customer-row={id}>
      <input type="checkbox" checked={checked} onChange={toggle} aria-label={c.name} data-select={id} />
      <button class="link trow__name" onClick={() => onOpen(id)}>{c.name}</button>
      <span class="trow__company">{c.company}</span>
      <span>{t(`stage.${c.stage}` as MessageKey)}</span>
      <span><Badges customer={c} tags={false} /></span>
      <span class="num">{c.value ? formatMoney(c.value, settings.value.currency) : ''}</span>
      <span>{c.lastInteractionAt ? formatDate(c.lastInteractionAt) : ''}</span>
      <span class="trow__contact">{mask(c.phones[0]?.raw ?? c.emails[0]?.value ?? '', masked)}</span>
      <span class="trow__tags">{c.tags.map((tag) => <span key={tag} class="chip">{tag}</span>)}</span>
    </div>
  );
}

/**
 * The customer table: the first screen of the view and its count straight from an index (firstRows),
 * then the view's ordered ids (index keys only) in the background; rows loaded only when visible
 * (virtua), so 100,000 cards scroll without the table ever being in memory.
 */
export function CustomerTable({ selectedId, onOpen }: { selectedId?: string; onOpen(id: string): void }) {
  const view = currentView.value;
  const { first, ids: full } = useViewRows(view);
  const head = first.value;
  const ids = full.value;
  // The first screen's records are in hand: draw them without asking again.
  useMemo(() => { if (head) resetRows(head.rows); }, [head]);
  useEffect(() => {
    currentIds.value = ids;
    if (ids) {
      const present = new Set(ids);
      const kept = [...selection.value].filter((id) => present.has(id));
      if (kept.length !== selection.value.size) selection.value = new Set(kept);
    }
  }, [ids]);
  const data = useMemo(() => ids ?? (head ? withPlaceholders(head) : undefined), [ids, head]);
  const count = ids?.length ?? head?.count;
  return (
    <section class="table-pane">
      <FilterBar />
      <div class="row">
        <strong data-testid="row-count">{count !== undefined ? t('ws.count', { count }) : t('loading')}</strong>
        {ids && ids.length > 0 && (
          <button class="link" onClick={() => { selection.value = selection.value.size ? new Set() : new Set(ids); }}>
            {selection.value.size ? t('ws.selectNone') : t('ws.selectAll')}
          </button>
        )}
      </div>
      {selection.value.size > 0 && <BulkBar ids={[...selection.value]} trash={view.trash} />}
      <div class="trow trow--head">
        <span /><span>{t('field.name')}</span><span>{t('field.company')}</span><span>{t('field.stage')}</span><span />
        <span>{t('ws.col.value')}</span><span>{t('ws.col.lastContact')}</span><span>{t('field.phones')}</span><span>{t('ws.col.tags')}</span>
      </div>
      {data && data.length === 0 && <p class="muted" data-testid="empty-list">{t('noCustomers')}</p>}
      {data && data.length > 0 && (
        <VList data={data} class="vlist" data-testid="customer-table" itemSize={34}>
          {(id: string) => <Row key={id} id={id} selected={id === selectedId} onOpen={onOpen} />}
        </VList>
      )}
    </section>
  );
}
