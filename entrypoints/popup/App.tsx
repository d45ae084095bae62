import { browser } from 'wxt/browser';
import { LangSwitch } from '../../components/common/LangSwitch';
import { DueList } from '../../components/popup/DueList';
import { t } from '../../lib/i18n';
import { openSidePanel } from '../../lib/ui/open-panel';

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
        <button onClick={() => void openSidePanel({ view: 'search' })}>{t('openSidePanel')}</button>
        <button onClick={() => void browser.runtime.openOptionsPage()} data-testid="open-workspace">{t('openWorkspace')}</button>
      </footer>
    </div>
  );
}
