import { render } from 'preact';
import { currentView } from '../../components/workspace/state';
import { preloadFirstRows } from '../../components/workspace/view-rows';
import { startSettings } from '../../lib/state/settings';
import { earlyFirstRows, type EarlyRead } from '../../lib/workspace/early-rows';
import { isUnfiltered } from '../../lib/workspace/view';
import { App } from './App';

/**
 * The workspace page once its modules are here (main.tsx loads them). The table's first screen was
 * asked for before they loaded (`early`: the stored snapshot, or the default view read straight through
 * IndexedDB; `fromDb`: that database read, which replaces a snapshot that differs); when that
 * read cannot serve, the query starts now, before anything is mounted, while the settings load.
 */
export function boot(early: Promise<EarlyRead | undefined> | undefined, fromDb?: Promise<EarlyRead | undefined>): void {
  performance.mark('cardfile:ws:boot');
  if (!location.hash || location.hash === '#customers') {
    const view = currentView.value;
    // The early read is the default view's (newest first, nothing filtered).
    const fits = view.sort === 'updatedAt' && view.desc && !view.trash && isUnfiltered(view);
    const rows = (p?: Promise<EarlyRead | undefined>) => p?.then((r) => (r ? earlyFirstRows(r) : undefined));
    preloadFirstRows(view, fits ? rows(early) : undefined, fits ? rows(fromDb) : undefined);
  }
  void startSettings().then(() => render(<App />, document.getElementById('app')!));
}
