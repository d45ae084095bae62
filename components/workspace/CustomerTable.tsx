import { useEffect, useMemo } from 'preact/hooks';
import { VList } from 'virtua';
import { maskEmail, maskPhone } from '../../lib/domain/mask';
import { formatDate, formatMoney, t, type MessageKey } from '../../lib/i18n';
import { settings } from '../../lib/state/settings';
import { Badges } from '../customer/Badges';
import { BulkBar } from './BulkBar';
import { FilterBar } from './FilterBar';
import { currentIds, currentView, resetRows, rowRecord, selection } from './state';
import { getRepo } from '../../lib/actions/context';
import { resolveViewIds } from '../../lib/workspace/query';
import { PLACEHOLDER, placeholderPosition, useViewRows, withPlaceholders, type RowWindow } from './view-rows';

/** 138****5678 / a***@example.com when the user asks for masking in lists (SPEC §8). */
export function mask(value: string, on: boolean): string {
  // lib/domain/mask also masks numbers typed with spaces or dashes ("138 0013 8000").
  if (!on) return value;
  return value.includes('@') ? maskEmail(value) : maskPhone(value);
}

function Row({ slot, window, selected, onOpen }: { slot: string; window: RowWindow; selected(id: string): boolean; onOpen(id: string): void }) {
  // Below the first screen before the full list is known: the id at this position is read on demand.
  const id = slot.startsWith(PLACEHOLDER) ? window.idAt(placeholderPosition(slot)) : slot;
  if (id === undefined) return <div class="trow trow--loading" data-row-id={slot}><span class="muted">…</span></div>;
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
    <div class={`trow${selected(id) ? ' selected' : ''}`} data-customer-row={id}>
      <input type="checkbox" checked={checked} onChange={toggle} aria-label={c.name} data-select={id} />
      <button class="link trow__name" onClick={() => onOpen(id)}>{c.name}</button>
      <span class="trow__company">{c.company}</span>
      <span>{t(`stage.${c.stage}`)}</span>
      <span><Badges customer={c} tags={false} /></span>
      <span class="num">{c.value ? formatMoney(c.value, settings.value.currency) : ''}</span>
      <span>{c.lastInteractionAt ? formatDate(c.lastInteractionAt) : ''}</span>
      <span class="trow__contact">{mask(c.phones[0]?.raw ?? c.emails[0]?.value ?? '', masked)}</span>
      <span class="trow__tags">{c.tags.map((tag) => <span key={tag} class="chip">{tag}</span>)}</span>
    </div>
  );
}

/**
 * The customer table: the first screen of the view straight from an index (firstRows), rows further
 * down read by position from the nearer end of the sort index as they scroll into view (virtua draws
 * only those), so 100,000 cards scroll without the table, or even its id list, being in memory.
 */
export function CustomerTable({ selectedId, onOpen }: { selectedId?: string; onOpen(id: string): void }) {
  const view = currentView.value;
  const { first, count: viewCount, ids: full, window } = useViewRows(view);
  const head = first.value;
  const ids = full.value;
  const count = viewCount.value;
  // The first screen's records are in hand: draw them without asking again.
  useMemo(() => { if (head) resetRows(head.rows); }, [head]);
  useEffect(() => { if (head && !performance.getEntriesByName('cardfile:ws:rows-drawn').length) performance.mark('cardfile:ws:rows-drawn'); }, [head]);
  useEffect(() => {
    currentIds.value = ids;
    if (ids) {
      const present = new Set(ids);
      const kept = [...selection.value].filter((id) => present.has(id));
      if (kept.length !== selection.value.size) selection.value = new Set(kept);
    }
  }, [ids]);
  const data = useMemo(() => ids ?? (head ? withPlaceholders(head, count ?? head.rows.length) : undefined), [ids, head, count]);
  const selectAll = async () => {
    if (selection.value.size) selection.value = new Set();
    else selection.value = new Set(ids ?? (await resolveViewIds(getRepo(), view)));
  };
  return (
    <section class="table-pane">
      <FilterBar />
      <div class="row">
        <strong data-testid="row-count">{count !== undefined ? t('ws.count', { count }) : t('loading')}</strong>
        {!!count && (
          <button class="link" onClick={() => void selectAll()}>
            {selection.value.size ? t('ws.selectNone') : t('ws.selectAll')}
          </button>
        )}
      </div>
      {selection.value.size > 0 && <BulkBar ids={[...selection.value]} trash={view.trash} />}
      {/* One horizontal scroller for the header and the rows: a narrow pane (a card open at 1280 px)
          scrolls the columns instead of cutting them; both reserve the scrollbar's gutter so they line up. */}
      <div class="table-scroll" data-testid="table-scroll">
      <div class="trow trow--head" role="presentation">
        <span><span class="sr-only">{t('ws.col.select')}</span></span><span>{t('field.name')}</span><span>{t('field.company')}</span><span>{t('field.stage')}</span><span>{t('ws.col.tiers')}</span>
        <span>{t('ws.col.value')}</span><span>{t('ws.col.lastContact')}</span><span>{t('field.phones')}</span><span>{t('ws.col.tags')}</span>
      </div>
      {data && data.length === 0 && <p class="muted" data-testid="empty-list">{t('noCustomers')}</p>}
      {data && data.length > 0 && (
        <VList data={data} class="vlist" data-testid="customer-table" itemSize={34}>
          {(slot: string) => <Row key={slot} slot={slot} window={window} selected={(id) => id === selectedId} onOpen={onOpen} />}
        </VList>
      )}
      </div>
    </section>
  );
}
