import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { DueRow as Row, DueSnapshot } from '../../lib/db/due-groups';
import { groupDue } from '../../lib/db/due-groups';
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

const GROUP_SIZE = 30;

function Group({ name, rows, now }: { name: 'overdue' | 'today' | 'upcoming'; rows: Row[]; now: number }) {
  if (rows.length === 0) return null;
  return (
    <section class={`due-group due-group--${name}`} data-testid={`due-${name}`}>
      <h3>{t(`followUps.${name}` as MessageKey)} <span class="muted">{rows.length}</span></h3>
      <ul class="due-list">
        {rows.slice(0, GROUP_SIZE).map((r) => <DueRow key={r.id} row={r} now={now} actions={actions} />)}
      </ul>
      {rows.length > GROUP_SIZE && <p class="muted">{t('followUps.more', { count: rows.length - GROUP_SIZE })}</p>}
    </section>
  );
}

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
  return (
    <div class="due" data-testid="due-list" data-ready={snap ? 'yes' : 'no'}>
      {failure.value && <p class="notice notice--error">{t('error', { message: failure.value })}</p>}
      {g.overdue.length + g.today.length + g.upcoming.length === 0
        ? <p class="muted" data-testid="nothing-due">{snap ? t('followUps.nothingDue') : t('loading')}</p>
        : <>
            <Group name="overdue" rows={g.overdue} now={now} />
            <Group name="today" rows={g.today} now={now} />
            <Group name="upcoming" rows={g.upcoming} now={now} />
          </>}
    </div>
  );
}
