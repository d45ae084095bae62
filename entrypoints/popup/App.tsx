import { browser } from 'wxt/browser';
import { openPanel } from '../../components/popup/bridge';
import { DueList } from '../../components/popup/DueList';
import { t } from '../../lib/i18n';

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
        <strong>{t('appName')}</strong>
        <span class="spacer" />
        {/* Slot for "Clip this page" (capture): shown when the current tab has something to clip. */}
        <span id="clip-slot" data-testid="clip-slot" />
      </header>
      <form class="row" onSubmit={(e) => {
        e.preventDefault();
        const query = new FormData(e.currentTarget).get('q')?.toString() ?? '';
        void openPanel({ view: 'search', query });
      }}>
        <input name="q" type="search" placeholder={t('searchPlaceholder')} aria-label={t('search')} data-testid="popup-search" />
      </form>
      <DueList />
      <footer class="actions">
        <button onClick={() => void openPanel({ view: 'search' })}>{t('openSidePanel')}</button>
        <button onClick={() => void browser.runtime.openOptionsPage()} data-testid="open-workspace">{t('openWorkspace')}</button>
      </footer>
    </div>
  );
}
