import { render } from 'preact';
import '../../components/styles.css';
import { startSettings } from '../../lib/state/settings';
import { App } from './App';

void startSettings().then(() => render(<App />, document.getElementById('app')!));
