import { useEffect, useState } from 'preact/hooks';
import { LangSwitch } from '../../components/common/LangSwitch';
import { Toast, showToast } from '../../components/common/Toast';
import { CustomerView } from '../../components/customer/CustomerView';
import { CustomerForm } from '../../components/customer-form/CustomerForm';
import { CustomerList } from '../../components/workspace/CustomerList';
import { RulesSettings } from '../../components/settings/RulesSettings';
import { DemoLoader } from '../../components/workspace/DemoLoader';
import { createCustomer, getRepo, restoreCustomer } from '../../lib/db';
import { t } from '../../lib/i18n';

type Pane = { kind: 'none' } | { kind: 'new' } | { kind: 'card'; id: string } | { kind: 'rules' };

/** The workspace page: the customer table beside the open card. */
export function App() {
  const repo = getRepo();
  const [pane, setPane] = useState<Pane>(() => {
    const id = new URLSearchParams(location.search).get('customer');
    return id ? { kind: 'card', id } : { kind: 'none' };
  });
  useEffect(() => { document.title = `${t('appName')} · ${t('customers')}`; });

  return (
    <div class="workspace">
      <header class="topbar">
        <h1>{t('appName')}</h1>
        <button class="primary" onClick={() => setPane({ kind: 'new' })} data-testid="new-customer">{t('newCustomer')}</button>
        <DemoLoader />
        <button onClick={() => setPane({ kind: 'rules' })} data-testid="open-rules">{t('rules.title')}</button>
        <span class="spacer" />
        <LangSwitch />
      </header>
      <main class="workspace__body">
        <CustomerList selectedId={pane.kind === 'card' ? pane.id : undefined} onOpen={(id) => setPane({ kind: 'card', id })} />
        <section class="workspace__pane">
          {pane.kind === 'new' && (
            <CustomerForm
              onCancel={() => setPane({ kind: 'none' })}
              onSubmit={async (input) => {
                const c = await createCustomer(repo, { ...input, source: 'manual' });
                setPane({ kind: 'card', id: c.id });
                showToast(t('saved'));
              }}
            />
          )}
          {pane.kind === 'rules' && <RulesSettings />}
          {pane.kind === 'card' && (
            <CustomerView
              id={pane.id}
              onDeleted={(name, id) => {
                setPane({ kind: 'none' });
                showToast(t('deleted', { name }), () => { void restoreCustomer(repo, id).then(() => setPane({ kind: 'card', id })); });
              }}
            />
          )}
        </section>
      </main>
      <Toast />
    </div>
  );
}
