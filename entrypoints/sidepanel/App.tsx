import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { focusWhenShown, useEscape } from '../../components/common/focus';
import { LangSwitch } from '../../components/common/LangSwitch';
import { Toast, showToast } from '../../components/common/Toast';
import { CardView } from '../../components/customer/CardView';
import { EmlDrop } from '../../components/sidepanel/EmlDrop';
import { ReviewView } from '../../components/sidepanel/ReviewView';
import { ScanCard } from '../../components/sidepanel/ScanCard';
import { LockGate } from '../../components/security/LockGate';
import { SearchView } from '../../components/sidepanel/SearchView';
import { getRepo } from '../../lib/actions/context';
import { restoreCard } from '../../lib/actions/customers';
import { t } from '../../lib/i18n';
import { panelRequestItem, type PanelRequest } from '../../lib/ui/panel-request';

type View = { name: 'search'; query?: string } | { name: 'card'; id: string } | { name: 'review' } | { name: 'scan' };

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
  const back = useCallback(() => setView({ name: 'search' }), []);
  // Keyboard users land on what opened: the card's heading, and the search box when they come back.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; if (view.name === 'search') return; }
    focusWhenShown(view.name === 'card' ? '[data-testid=customer-name]' : view.name === 'search' ? 'input[type=search]' : '.panel main h2, .panel main input');
  }, [view.name, view.name === 'card' ? view.id : '']);
  useEscape(view.name === 'card', back);

  return (
    <div class="panel">
      <header class="topbar">
        {view.name !== 'search' && <button class="link" onClick={back} data-testid="panel-back">← {t('back')}</button>}
        <h1 class="topbar__title">{t('appName')}</h1>
        <span class="spacer" />
        {view.name !== 'scan' && <button type="button" class="link" onClick={() => setView({ name: 'scan' })} data-testid="open-scan">{t('scanCard')}</button>}
        <LangSwitch />
      </header>
      <main>
      <LockGate>
      <EmlDrop>
      {view.name === 'search' && <SearchView initialQuery={view.query} onOpen={open} />}
      {view.name === 'card' && (
        <CardView
          key={view.id}
          id={view.id}
          onDeleted={(name, id) => {
            setView({ name: 'search' });
            showToast(t('deleted', { name }), () => void restoreCard(getRepo(), id).then(() => open(id)));
          }}
        />
      )}
      {view.name === 'review' && <ReviewView onSaved={open} />}
      {view.name === 'scan' && <ScanCard onCancel={() => setView({ name: 'search' })} />}
      </EmlDrop>
      </LockGate>
      </main>
      <Toast />
    </div>
  );
}
