import { render } from 'preact';
import '../../components/styles.css';
import '../../components/popup/popup.css';
import { startLocale } from '../../components/popup/bridge';
import { startDueList } from '../../components/popup/DueList';
import { startLockFlag } from '../../lib/security/lock-flag';
import { App } from './App';

// Both reads are browser.storage (a few ms), never the database: first paint does not grow with the table.
void Promise.all([startLocale(), startDueList(), startLockFlag()]).finally(() => render(<App />, document.getElementById('app')!));
