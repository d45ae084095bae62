import { browser } from 'wxt/browser';
import { activeWebTab } from '../../lib/browser/browser-api';
import { openPanel, sendLite } from '../../components/popup/bridge';
import { DueList } from '../../components/popup/DueList';
import { t } from '../../lib/i18n';
import { lockedFlag } from '../../lib/security/lock-flag';

/** "Clip this page": open the review (user gesture first), then have the background read the tab. */
async function clipPage(): Promise<void> {
  const opening = openPanel({ view: 'review' });
  // popup.html opened as a tab (tests, keyboard users): the last web page used in this window.
  const tab = await activeWebTab('current', true);
  if (tab?.id !== undefined) await sendLite('capture/page', { tabId: tab.id });
  await opening;
}

/**
 * The toolbar popup: what is due, quick search, the way into the side panel and workspace.
 * Imports nothing that loads Dexie or zod (SPEC §9: ≤ 60 KB gzip, first paint ≤ 120 ms at 100k):
 * the list comes from the background's snapshot, actions go to the background by message.
 * The language switch lives in the side panel and the workspace; the popup follows the setting.
 */
export function App() {
  return (
    <div class="popup-app">
      <header class="topbar">
        <h1 class="topbar__title">{t('appName')}</h1>
        {lockedFlag.value && <span class="muted" data-testid="locked-badge">🔒 {t('sec.locked')}</span>}
        <span class="spacer" />
        {/* Slot for "Clip this page" (capture): shown when the current tab has something to clip. */}
        <span id="clip-slot" data-testid="clip-slot" />
      </header>
      <main>
      <form class="row" role="search" onSubmit={(e) => {
        e.preventDefault();
        const query = new FormData(e.currentTarget).get('q')?.toString() ?? '';
        void openPanel({ view: 'search', query });
      }}>
        <input name="q" type="search" placeholder={t('searchPlaceholder')} aria-label={t('search')} data-testid="popup-search" />
      </form>
      <DueList />
      </main>
      <footer class="actions">
        <button data-testid="clip-page" onClick={() => void clipPage()}>{t('clipPage')}</button>
        <button onClick={() => void openPanel({ view: 'search' })}>{t('openSidePanel')}</button>
        <button onClick={() => void browser.runtime.openOptionsPage()} data-testid="open-workspace">{t('openWorkspace')}</button>
      </footer>
    </div>
  );
}
