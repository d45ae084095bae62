import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DueGroup, DueRow as Row, DueSnapshot } from '../../lib/db/due-groups';
import { countLabel, DUE_GROUPS, groupDue } from '../../lib/db/due-groups';
import { midnight } from '../../lib/domain/days';
import { t, type MessageKey } from '../../lib/i18n';
import { dueSnapshotItem } from '../../lib/ui/due-snapshot';
import { openPanel, sendLite } from './bridge';
import { DueRow, type RowActions } from './DueRow';

const snapshot = signal<DueSnapshot | null | undefined>(undefined);
/** Rows acted on in this popup (id → when): hidden at once, until a snapshot built after the action arrives. */
const handled = signal<ReadonlyMap<string, number>>(new Map());
const failure = signal<string>('');

/** Read the background's due list (no database), follow its changes, and ask for a fresh one. */
export function startDueList(): Promise<void> {
  dueSnapshotItem.watch((v) => { snapshot.value = v; });
  return dueSnapshotItem.getValue().then((v) => { if (snapshot.value === undefined) snapshot.value = v; });
}

/**
 * The stored list may be hours old (snoozes ran out, a write while the worker slept): ask for a fresh
 * one, after the first paint, so waking the background does not compete with drawing the list.
 */
function refreshAfterPaint(): void {
  setTimeout(() => void sendLite('followups/refresh', {}).catch((e: unknown) => { failure.value = String(e); }), 0);
}

const act = (row: Row, run: () => Promise<void>) => {
  handled.value = new Map([...handled.value, [row.id, Date.now()]]);
  run().catch((e: unknown) => {
    failure.value = e instanceof Error ? e.message : String(e);
    const next = new Map(handled.value);
    next.delete(row.id);
    handled.value = next;
  });
};

const actions: RowActions = {
  done: (row, type, subject) => act(row, () => sendLite('followups/done', { id: row.id, type, subject })),
  snooze: (row, until) => act(row, () => sendLite('followups/snooze', { id: row.id, until })),
  dismiss: (row) => act(row, () => sendLite('followups/dismiss', { id: row.id })),
  open: (row) => { if (row.customerId) void openPanel({ view: 'card', customerId: row.customerId }); },
};

/** Rows drawn per group; overdue shows only its most recent few until "show all". */
const GROUP_SIZE = 30;
const OVERDUE_COLLAPSED = 3;
const overdueOpen = signal(false);

function Group({ name, rows, count, now }: { name: DueGroup; rows: Row[]; count: number; now: number }) {
  if (count === 0 && rows.length === 0) return null;
  const collapsed = name === 'overdue' && !overdueOpen.value && rows.length > OVERDUE_COLLAPSED;
  const shown = rows.slice(0, collapsed ? OVERDUE_COLLAPSED : GROUP_SIZE * (name === 'overdue' ? 4 : 1));
  const rest = Math.max(0, count - shown.length);
  const headingId = `due-h-${name}`;
  return (
    <section class={`due-group due-group--${name}`} data-testid={`due-${name}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t(GROUP_TITLE[name])} <span class="due-group__count" data-testid="due-count">{countLabel(count)}</span></h2>
      <ul class="due-list">
        {shown.map((r) => <DueRow key={r.id} row={r} now={now} actions={actions} />)}
      </ul>
      {collapsed
        ? <button class="link" data-testid="due-show-all" aria-expanded="false" onClick={() => { overdueOpen.value = true; }}>{t('followUps.showAll', { count: countLabel(count) })}</button>
        : rest > 0 && <p class="muted" data-testid="due-more">{t('followUps.shownOf', { shown: shown.length, count: countLabel(count) })}{' '}
            <button class="link" onClick={() => void browser.runtime.openOptionsPage()}>{t('followUps.inWorkspace')}</button></p>}
    </section>
  );
}

const GROUP_TITLE = { overdue: 'followUps.overdue', today: 'followUps.today', upcoming: 'followUps.upcoming' } as const satisfies Record<DueGroup, MessageKey>;

/** Overdue, today, next 7 days: painted from the background's precomputed list. */
export function DueList() {
  const snap = snapshot.value;
  useEffect(() => {
    // For the benchmark (npm run bench reads this mark): the list is on screen, after layout.
    if (snap !== undefined && performance.getEntriesByName('cardfile:due-rendered').length === 0) {
      requestAnimationFrame(() => {
        if (performance.getEntriesByName('cardfile:due-rendered').length > 0) return;
        if (snap) performance.mark('cardfile:due-rendered');
        refreshAfterPaint();
      });
    }
  }, [snap]);
  if (snap === undefined) return <p class="muted">{t('loading')}</p>;
  const now = Date.now();
  const builtAt = snap?.builtAt ?? 0;
  const rows = (snap?.rows ?? []).filter((r) => !((handled.value.get(r.id) ?? -1) >= builtAt));
  const g = groupDue(rows, now);
  // The snapshot's counts are for the day it was built; rows acted on here leave their group's count at once.
  const sameDay = snap && midnight(snap.builtAt) === midnight(now);
  const hidden = groupDue((snap?.rows ?? []).filter((r) => (handled.value.get(r.id) ?? -1) >= builtAt), now);
  const count = (k: DueGroup) => (sameDay && snap.counts ? Math.max(snap.counts[k] - hidden[k].length, g[k].length) : g[k].length);
  return (
    <div class="due" data-testid="due-list" data-ready={snap ? 'yes' : 'no'}>
      {failure.value && <p class="notice notice--error">{t('error', { message: failure.value })}</p>}
      {DUE_GROUPS.every((k) => count(k) === 0)
        ? <p class="muted" data-testid="nothing-due">{snap ? t('followUps.nothingDue') : t('loading')}</p>
        : <>
            {DUE_GROUPS.map((k) => <Group key={k} name={k} rows={g[k]} count={count(k)} now={now} />)}
          </>}
    </div>
  );
}
