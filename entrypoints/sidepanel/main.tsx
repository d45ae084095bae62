import { render } from 'preact';
import '../../components/styles.css';
import { startSettings } from '../../lib/state/settings';
import { getSearchStore } from '../../components/sidepanel/search-store';
import { App } from './App';

// Start restoring the search index at once, in parallel with the settings and the first render.
getSearchStore();
void startSettings().then(() => render(<App />, document.getElementById('app')!));
