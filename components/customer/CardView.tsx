import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { deleteCard, editCard, restoreCard } from '../../lib/actions/customers';
import { logInteraction } from '../../lib/actions/interactions';
import { customerById, timeline } from '../../lib/db/queries';
import type { CustomerInput, InteractionType } from '../../lib/domain';
import { t } from '../../lib/i18n';
import { useLive } from '../../lib/state/live';
import { settings } from '../../lib/state/settings';
import { Badges } from './Badges';
import { CustomerForm } from '../customer-form/CustomerForm';
import { InteractionForm } from '../interaction/InteractionForm';
import { Timeline } from '../interaction/Timeline';
import { CardDetails } from './CardDetails';
import { CardImages } from './CardImages';
import { FollowUps } from './FollowUps';
import { ConflictBadge } from '../team/ConflictBadge';
import { isViewer } from '../team/status';

type Mode = 'view' | 'edit' | 'schedule' | InteractionType;

/**
 * The full card (side panel and workspace): badges; the common fields editable in place (Enter / Escape);
 * every field through "Edit"; open follow-ups; add a note, log an interaction, schedule a
 * follow-up; the timeline newest first. Live: a write anywhere re-renders it.
 */
export function CardView({ id, onDeleted, startInEdit = false }: {
  id: string;
  onDeleted?(name: string, id: string): void;
  /** Open with the full form (a data-quality "Fix" lands here). */
  startInEdit?: boolean;
}) {
  const repo = getRepo();
  const customer = useLive(() => customerById(repo, id), [id]);
  const items = useLive(() => timeline(repo, id), [id]);
  const [mode, setMode] = useState<Mode>(startInEdit ? 'edit' : 'view');
  const lastAction = useRef<HTMLElement | null>(null);
  const formBox = useRef<HTMLDivElement>(null);

  // Keyboard users land in the form that opened, and back on the button that opened it.
  useLayoutEffect(() => {
    if (mode === 'view') lastAction.current?.focus();
    else formBox.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [mode]);

  const c = customer.value.value;
  if (c === undefined) return <p class="muted">{t('loading')}</p>;
  if (!c) return <p>{t('card.notFound')}</p>;
  const save = (patch: Partial<CustomerInput>) => editCard(repo, c.id, patch, c.rev).then(() => undefined);
  const openMode = (m: Mode) => (e: Event) => {
    lastAction.current = e.currentTarget as HTMLElement;
    setMode(m);
  };

  return (
    <article class="customer-view" data-customer-id={c.id}>
      <header class="customer-view__head">
        <h2 data-testid="customer-name">{c.name}</h2>
        <Badges customer={c} />
      </header>
      <ConflictBadge customerId={c.id} />
      {c.deletedAt !== null && (
        <div class="notice" role="status">
          {t('card.deletedNotice')} <button onClick={() => restoreCard(repo, c.id)}>{t('card.restore')}</button>
        </div>
      )}
      {/* A team viewer reads only (the server refuses her writes anyway). */}
      {!isViewer() && <div class="actions" role="toolbar" aria-label={c.name}>
        <button onClick={openMode('edit')}>{t('edit')}</button>
        <button onClick={openMode('call')}>{t('ix.log')}</button>
        <button onClick={openMode('note')}>{t('ix.addNote')}</button>
        <button onClick={openMode('schedule')}>{t('sp.schedule')}</button>
        {c.deletedAt === null && (
          <button class="danger" onClick={async () => { await deleteCard(repo, c.id); onDeleted?.(c.name, c.id); }}>
            {t('delete')}
          </button>
        )}
      </div>}
      <div ref={formBox}>
        {mode === 'edit' && (
          <CustomerForm initial={c} onCancel={() => setMode('view')}
            onSubmit={async (input) => { await editCard(repo, c.id, input, c.rev); setMode('view'); }} />
        )}
        {mode !== 'view' && mode !== 'edit' && mode !== 'schedule' && (
          <InteractionForm customerId={c.id} type={mode} currency={settings.value.currency} onCancel={() => setMode('view')}
            onSubmit={async (input) => { await logInteraction(repo, input); setMode('view'); }} />
        )}
      </div>
      {mode !== 'edit' && <CardDetails customer={c} save={save} />}
      {mode !== 'edit' && <CardImages customerId={c.id} />}
      <FollowUps customer={c} scheduling={mode === 'schedule'} onScheduled={() => setMode('view')} />
      <Timeline items={items.value.value ?? []} />
    </article>
  );
}
