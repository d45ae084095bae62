import { useEffect, useState } from 'preact/hooks';
import { LangSwitch } from '../../components/common/LangSwitch';
import { Toast, showToast } from '../../components/common/Toast';
import { CardView } from '../../components/customer/CardView';
import { EmlDrop } from '../../components/sidepanel/EmlDrop';
import { ReviewView } from '../../components/sidepanel/ReviewView';
import { LockGate } from '../../components/security/LockGate';
import { SearchView } from '../../components/sidepanel/SearchView';
import { getRepo, restoreCustomer } from '../../lib/db';
import { t } from '../../lib/i18n';
import { panelRequestItem, type PanelRequest } from '../../lib/ui/panel-request';

type View = { name: 'search'; query?: string } | { name: 'card'; id: string } | { name: 'review' };

function viewOf(req: PanelRequest | null): View | undefined {
  if (!req) return undefined;
  if (req.view === 'card' && req.customerId) return { name: 'card', id: req.customerId };
  if (req.view === 'review') return { name: 'review' };
  return { name: 'search', query: req.query };
}

/** The side panel: search, a card, or the review form of a clip. Follows requests from other surfaces. */
export function App() {
  const [view, setView] = useState<View>(() => {
    const id = new URLSearchParams(location.search).get('customer');
    return id ? { name: 'card', id } : { name: 'search' };
  });
  useEffect(() => {
    void panelRequestItem.getValue().then((r) => { const v = viewOf(r); if (v) setView(v); });
    return panelRequestItem.watch((r) => { const v = viewOf(r); if (v) setView(v); });
  }, []);
  const open = (id: string) => setView({ name: 'card', id });

  return (
    <div class="panel">
      <header class="topbar">
        {view.name !== 'search' && <button class="link" onClick={() => setView({ name: 'search' })}>← {t('back')}</button>}
        <strong>{t('appName')}</strong>
        <span class="spacer" />
        <LangSwitch />
      </header>
      <LockGate>
      <EmlDrop>
      {view.name === 'search' && <SearchView initialQuery={view.query} onOpen={open} />}
      {view.name === 'card' && (
        <CardView
          key={view.id}
          id={view.id}
          onDeleted={(name, id) => {
            setView({ name: 'search' });
            showToast(t('deleted', { name }), () => void restoreCustomer(getRepo(), id).then(() => open(id)));
          }}
        />
      )}
      {view.name === 'review' && <ReviewView onSaved={open} />}
      </EmlDrop>
      </LockGate>
      <Toast />
    </div>
  );
}
