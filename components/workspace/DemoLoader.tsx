import { useEffect, useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { countCustomers } from '../../lib/db/queries';
import { t } from '../../lib/i18n';
import { demoIdsItem } from '../../lib/storage/items';
import { showToast } from '../common/Toast';

const DEMO_SIZE = 200;
type State = { kind: 'hidden' } | { kind: 'offer' } | { kind: 'confirm' } | { kind: 'loaded'; count: number } | { kind: 'busy' };

/**
 * Demo data, never mixed into real work: offered only while the workspace is empty, loaded after a
 * confirmation, and removed in one click ("Remove the demo data" deletes exactly the demo cards,
 * with their interactions and follow-ups). `?demo=N` in the page URL loads N into an empty
 * workspace on open (`npm run demo`); `window.__cardfileDemoDone` tells scripts it finished.
 */
export function DemoLoader() {
  const [state, setState] = useState<State>({ kind: 'hidden' });
  const refresh = async () => {
    const [ids, count] = await Promise.all([demoIdsItem.getValue(), countCustomers(getRepo())]);
    setState(ids.length > 0 ? { kind: 'loaded', count: ids.length } : count === 0 ? { kind: 'offer' } : { kind: 'hidden' });
  };
  async function load(n: number) {
    setState({ kind: 'busy' });
    try {
      // Re-checked here: only an empty workspace gets demo cards.
      if (n > 0 && (await countCustomers(getRepo())) === 0) {
        // Loaded on use: the planner pulls lunar-javascript, which the table's first screen does not need.
        const [{ seedDemo }, { regenerateAll }, { send }] = await Promise.all([import('../../lib/demo/seed'), import('../../lib/db/plan'), import('../../lib/messaging/client')]);
        const { ids } = await seedDemo(getRepo(), n);
        await demoIdsItem.setValue(ids);
        // Plan the follow-ups the rules call for, then let the background redraw the popup's list and badge.
        await regenerateAll(getRepo());
        await send('followups/refresh', {}).catch(() => undefined);
      }
    } finally {
      await refresh();
      (window as unknown as { __cardfileDemoDone?: boolean }).__cardfileDemoDone = true;
    }
  }
  async function remove() {
    setState({ kind: 'busy' });
    try {
      const [{ removeDemo }, { send }] = await Promise.all([import('../../lib/demo/seed'), import('../../lib/messaging/client')]);
      const removed = await removeDemo(getRepo(), await demoIdsItem.getValue());
      await demoIdsItem.setValue([]);
      await send('followups/refresh', {}).catch(() => undefined);
      showToast(t('demo.removed', { count: removed }));
    } finally {
      await refresh();
    }
  }
  useEffect(() => {
    const n = Number(new URLSearchParams(location.search).get('demo'));
    if (n > 0) void load(n);
    else void refresh();
  }, []);
  if (state.kind === 'hidden') return null;
  if (state.kind === 'busy') return <span class="muted" data-testid="demo-busy">{t('loading')}</span>;
  if (state.kind === 'loaded') {
    return <button onClick={() => void remove()} data-testid="remove-demo">{t('demo.remove', { count: state.count })}</button>;
  }
  if (state.kind === 'confirm') {
    return (
      <span class="row nowrap demo-confirm" role="group" aria-label={t('loadDemo')} data-testid="demo-confirm">
        <span>{t('demo.confirm', { count: DEMO_SIZE })}</span>
        <button class="primary" onClick={() => void load(DEMO_SIZE)} data-testid="demo-confirm-load">{t('demo.yes')}</button>
        <button onClick={() => setState({ kind: 'offer' })}>{t('cancel')}</button>
      </span>
    );
  }
  return <button onClick={() => setState({ kind: 'confirm' })} data-testid="load-demo">{t('loadDemo')}</button>;
}
