import { browser } from 'wxt/browser';
import { LangSwitch } from '../../components/common/LangSwitch';
import { DueList } from '../../components/popup/DueList';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messaging/client';
import { openSidePanel } from '../../lib/ui/open-panel';

/** "Clip this page": open the review (user gesture first), then have the background read the tab. */
async function clipPage(): Promise<void> {
  const opening = openSidePanel({ view: 'review' });
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  let tab = active;
  if (!tab?.url?.startsWith('http')) {
    // popup.html opened as a tab (tests, keyboard users): take the last web page used in this window.
    const web = (await browser.tabs.query({ currentWindow: true })).filter((x) => x.url?.startsWith('http'));
    tab = web.sort((a, b) => ((b as { lastAccessed?: number }).lastAccessed ?? 0) - ((a as { lastAccessed?: number }).lastAccessed ?? 0))[0];
  }
  if (tab?.id !== undefined) await send('capture/page', { tabId: tab.id });
  await opening;
}

/** The toolbar popup: what is due, quick search, and the way into the side panel and workspace. */
export function App() {
  return (
    <div class="popup-app">
      <header class="topbar">
        <strong>{t('appName')}</strong>
        <span class="spacer" />
        <LangSwitch />
      </header>
      <form class="row" onSubmit={(e) => {
        e.preventDefault();
        const query = new FormData(e.currentTarget).get('q')?.toString() ?? '';
        void openSidePanel({ view: 'search', query });
      }}>
        <input name="q" type="search" placeholder={t('searchPlaceholder')} aria-label={t('search')} />
      </form>
      <DueList onOpen={(id) => void openSidePanel({ view: 'card', customerId: id })} />
      <footer class="actions">
        <button data-testid="clip-page" onClick={() => void clipPage()}>{t('clipPage')}</button>
        <button onClick={() => void openSidePanel({ view: 'search' })}>{t('openSidePanel')}</button>
        <button onClick={() => void browser.runtime.openOptionsPage()} data-testid="open-workspace">{t('openWorkspace')}</button>
      </footer>
    </div>
  );
}
