import { render } from 'preact';
import { getSearchStore } from '../../components/sidepanel/search-store';
import { startSettings } from '../../lib/state/settings';
import { App } from './App';

/** The side panel once its modules are here (main.tsx loads them): adopt the early index read, render. */
export function boot(indexRead: Promise<unknown>): void {
  getSearchStore(indexRead);
  void startSettings().then(() => render(<App />, document.getElementById('app')!));
}
