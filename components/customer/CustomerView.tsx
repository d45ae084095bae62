import { useState } from 'preact/hooks';
import {
  addInteraction, getRepo, restoreCustomer, softDeleteCustomer, timeline, updateCustomer,
} from '../../lib/db';
import type { InteractionType } from '../../lib/domain';
import { t } from '../../lib/i18n';
import { useLive } from '../../lib/state/live';
import { settings } from '../../lib/state/settings';
import { CustomerForm } from '../customer-form/CustomerForm';
import { InteractionForm } from '../interaction/InteractionForm';
import { Timeline } from '../interaction/Timeline';
import { Badges } from './Badges';
import { CustomerDetails } from './CustomerDetails';

interface CustomerViewProps {
  id: string;
  /** Called after a soft delete (the caller may offer undo). */
  onDeleted?(name: string, id: string): void;
  /** Open straight in the edit form (the workspace's data-quality "Fix"). */
  startInEdit?: boolean;
}

/** One card: badges, every field (editable), the timeline, and logging an interaction. Live. */
export function CustomerView({ id, onDeleted, startInEdit = false }: CustomerViewProps) {
  const repo = getRepo();
  const customer = useLive(() => repo.db.customers.get(id), [id]);
  const items = useLive(() => timeline(repo, id), [id]);
  const [mode, setMode] = useState<'view' | 'edit' | InteractionType>(startInEdit ? 'edit' : 'view');
  const c = customer.value.value;
  if (customer.value.value === undefined) return <p class="muted">{t('loading')}</p>;
  if (!c) return <p>{t('card.notFound')}</p>;

  return (
    <article class="customer-view" data-customer-id={c.id}>
      <header class="customer-view__head">
        <h2 data-testid="customer-name">{c.name}</h2>
        <Badges customer={c} />
      </header>
      {c.deletedAt !== null && (
        <div class="notice" role="status">
          {t('card.deletedNotice')} <button onClick={() => restoreCustomer(repo, c.id)}>{t('card.restore')}</button>
        </div>
      )}
      {mode === 'edit' ? (
        <CustomerForm
          initial={c}
          onCancel={() => setMode('view')}
          onSubmit={async (input) => {
            await updateCustomer(repo, c.id, input, c.rev);
            setMode('view');
          }}
        />
      ) : (
        <>
          <div class="actions">
            <button onClick={() => setMode('edit')} accessKey="e">{t('edit')}</button>
            <button onClick={() => setMode('call')}>{t('ix.log')}</button>
            <button onClick={() => setMode('note')}>{t('ix.addNote')}</button>
            {c.deletedAt === null && (
              <button class="danger" onClick={async () => { await softDeleteCustomer(repo, c.id); onDeleted?.(c.name, c.id); }}>
                {t('delete')}
              </button>
            )}
          </div>
          {mode !== 'view' && (
            <InteractionForm
              customerId={c.id}
              type={mode}
              currency={settings.value.currency}
              onCancel={() => setMode('view')}
              onSubmit={async (input) => {
                await addInteraction(repo, input);
                setMode('view');
              }}
            />
          )}
          <CustomerDetails customer={c} />
        </>
      )}
      <Timeline items={items.value.value ?? []} />
    </article>
  );
}
