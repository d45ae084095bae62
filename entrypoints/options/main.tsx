import { render } from 'preact';
import '../../components/styles.css';
import { currentView } from '../../components/workspace/state';
import { preloadFirstRows } from '../../components/workspace/view-rows';
import { startSettings } from '../../lib/state/settings';
import { App } from './App';

performance.mark('cardfile:ws:main');
// The table's first screen is asked for before anything else (SPEC §9: first rows ≤ 300 ms):
// the query runs while the settings load and the tree renders.
if (!location.hash || location.hash === '#customers') preloadFirstRows(currentView.value);
void startSettings().then(() => render(<App />, document.getElementById('app')!));
