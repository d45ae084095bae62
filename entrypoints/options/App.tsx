import { useCallback, useEffect, useState } from 'preact/hooks';
import { focusWhenShown, useEscape } from '../../components/common/focus';
import { LangSwitch } from '../../components/common/LangSwitch';
import { Toast, showToast } from '../../components/common/Toast';
import { CustomerTable } from '../../components/workspace/CustomerTable';
import { DemoLoader } from '../../components/workspace/DemoLoader';
import { lazyComponent } from '../../components/workspace/lazy';
import { LockGate } from '../../components/security/LockGate';
import { StatusLine } from '../../components/team/StatusLine';
import { isViewer } from '../../components/team/status';
import { getRepo } from '../../lib/actions/context';
import { restoreCard } from '../../lib/actions/customers';
import { t } from '../../lib/i18n';

// The first screen is the table: every other tab, the card and the form load on first use
// (SPEC §9: first rows ≤ 300 ms at 100,000; each of these pulls libraries the table does not need).
const CardView = lazyComponent(() => import('../../components/customer/CardView').then((m) => m.CardView));
const NewCustomerPane = lazyComponent(() => import('../../components/workspace/NewCustomerPane').then((m) => m.NewCustomerPane));
const Charts = lazyComponent(() => import('../../components/workspace/Charts').then((m) => m.Charts));
const Duplicates = lazyComponent(() => import('../../components/workspace/Duplicates').then((m) => m.Duplicates));
const ImportExport = lazyComponent(() => import('./ImportExport').then((m) => m.ImportExport));
const Quality = lazyComponent(() => import('../../components/workspace/Quality').then((m) => m.Quality));
const SettingsPage = lazyComponent(() => import('../../components/workspace/SettingsPage').then((m) => m.SettingsPage));
const TeamPanel = lazyComponent(() => import('../../components/team/TeamPanel').then((m) => m.TeamPanel));
const PrivacyPanel = lazyComponent(() => import('../../components/security/PrivacyPanel').then((m) => m.PrivacyPanel));
// The practice's screens (funnel & RFM, audit, tag review, reports, overdue updates, thresholds): one chunk.
const PracticeTab = lazyComponent(() => import('../../components/practice/PracticeTab').then((m) => m.PracticeTab));
const BackupReminder = lazyComponent(() => import('../../components/security/BackupReminder').then((m) => m.BackupReminder), () => null);

type Pane = { kind: 'none' } | { kind: 'new' } | { kind: 'card'; id: string; edit?: boolean };
const tabs = ['customers', 'duplicates', 'import', 'charts', 'analysis', 'reports', 'audit', 'tags', 'quality', 'settings', 'privacy', 'team'] as const;
type Tab = (typeof tabs)[number];

function tabFromHash(): Tab {
  const h = location.hash.slice(1) as Tab;
  return tabs.includes(h) ? h : 'customers';
}

/** The workspace page: tabs (table, duplicates, import/export, charts, data quality, settings) beside the open card. */
export function App() {
  const repo = getRepo();
  const [tab, setTab] = useState<Tab>(tabFromHash);
  // The backup reminder counts the cards (a walk of the whole store: 0.1–0.8 s of IndexedDB at
  // 100,000) which the table's first query would wait behind: it comes once the page has settled.
  const [reminder, setReminder] = useState(false);
  useEffect(() => {
    const h = setTimeout(() => setReminder(true), 3000);
    return () => clearTimeout(h);
  }, []);
  const [pane, setPane] = useState<Pane>(() => {
    const id = new URLSearchParams(location.search).get('customer');
    return id ? { kind: 'card', id } : { kind: 'none' };
  });
  useEffect(() => { document.title = `${t('appName')} · ${t(`ws.tab.${tab}`)}`; });
  useEffect(() => {
    const on = () => setTab(tabFromHash());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  const open = (id: string, edit = false) => setPane({ kind: 'card', id, edit });
  // Focus follows the card: its heading when it opens, back to its row in the table when it closes (Esc or Close).
  const paneKey = pane.kind === 'card' ? `${pane.id}:${pane.edit ? 'edit' : 'view'}` : pane.kind;
  useEffect(() => {
    if (pane.kind === 'card' && !pane.edit) focusWhenShown('.workspace__pane [data-testid=customer-name]');
  }, [paneKey]);
  const closePane = useCallback(() => {
    const id = pane.kind === 'card' ? pane.id : undefined;
    setPane({ kind: 'none' });
    if (id) focusWhenShown(`[data-customer-row="${CSS.escape(id)}"] .trow__name`, 5);
  }, [paneKey]);
  useEscape(pane.kind !== 'none', closePane);

  return (
    <div class="workspace">
      <header class="topbar">
        <h1>{t('appName')}</h1>
        <nav class="tabs" role="tablist">
          {tabs.map((k) => (
            <a key={k} href={`#${k}`} role="tab" aria-selected={tab === k} class={tab === k ? 'tab tab--active' : 'tab'} data-tab={k}>{t(`ws.tab.${k}`)}</a>
          ))}
        </nav>
        <span class="spacer" />
        <StatusLine onOpen={() => { location.hash = 'team'; }} />
        {!isViewer() && <button class="primary" onClick={() => setPane({ kind: 'new' })} data-testid="new-customer">{t('newCustomer')}</button>}
        <DemoLoader />
        <LangSwitch />
      </header>
      <LockGate>
      {reminder && <BackupReminder onOpen={() => { location.hash = 'privacy'; }} />}
      <main class={`workspace__body${pane.kind === 'none' ? ' workspace__body--single' : ''}`}>
        <div class="workspace__main">
          {tab === 'customers' && <CustomerTable selectedId={pane.kind === 'card' ? pane.id : undefined} onOpen={(id) => open(id)} />}
          {tab === 'duplicates' && <Duplicates />}
          {tab === 'import' && <ImportExport />}
          {tab === 'charts' && <Charts onOpen={(id) => open(id)} />}
          {tab === 'quality' && <Quality onFix={(id) => open(id, true)} onDuplicates={() => { location.hash = 'duplicates'; }} />}
          {(tab === 'analysis' || tab === 'reports' || tab === 'audit' || tab === 'tags') && <PracticeTab tab={tab} onOpen={open} />}
          {tab === 'quality' && <PracticeTab tab="quality" onOpen={open} />}
          {tab === 'settings' && <SettingsPage />}
          {tab === 'settings' && <PracticeTab tab="settings" onOpen={open} />}
          {tab === 'privacy' && <PrivacyPanel />}
          {tab === 'team' && <TeamPanel />}
        </div>
        {pane.kind !== 'none' && (
          <section class="workspace__pane">
            <div class="row"><span class="spacer" /><button class="link" onClick={closePane} data-testid="pane-close">{t('close')}</button></div>
            {pane.kind === 'new' && (
              <NewCustomerPane onCancel={() => setPane({ kind: 'none' })} onCreated={(id) => setPane({ kind: 'card', id })} />
            )}
            {pane.kind === 'card' && (
              <CardView
                key={`${pane.id}:${pane.edit ? 'edit' : 'view'}`}
                id={pane.id}
                startInEdit={pane.edit}
                onDeleted={(name, id) => {
                  setPane({ kind: 'none' });
                  showToast(t('deleted', { name }), () => { void restoreCard(repo, id).then(() => setPane({ kind: 'card', id })); });
                }}
              />
            )}
          </section>
        )}
      </main>
      </LockGate>
      <Toast />
    </div>
  );
}
