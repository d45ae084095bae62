import { useEffect, useState } from 'preact/hooks';
import { getRepo } from '../../lib/db';
import { t } from '../../lib/i18n';

/**
 * "Load demo workspace": fills an empty workspace with realistic customers. `?demo=N` in the
 * page URL does it on open (used by `npm run demo`); `window.__cardfileDemoDone` tells scripts it finished.
 */
export function DemoLoader() {
  const [busy, setBusy] = useState(false);
  async function load(n: number) {
    setBusy(true);
    try {
      if (n > 0) {
        // Loaded on use: the planner pulls lunar-javascript, which the table's first screen does not need.
        const [{ seedDemo }, { regenerateAll }, { send }] = await Promise.all([import('../../lib/demo/seed'), import('../../lib/db/plan'), import('../../lib/messaging/client')]);
        await seedDemo(getRepo(), n);
        // Plan the follow-ups the rules call for, then let the background redraw the popup's list and badge.
        await regenerateAll(getRepo());
        await send('followups/refresh', {}).catch(() => undefined);
      }
    } finally {
      setBusy(false);
      (window as unknown as { __cardfileDemoDone?: boolean }).__cardfileDemoDone = true;
    }
  }
  useEffect(() => {
    const n = Number(new URLSearchParams(location.search).get('demo'));
    if (n > 0) void getRepo().db.customers.count().then((have) => (have === 0 ? load(n) : load(0)));
  }, []);
  return (
    <button onClick={() => load(200)} disabled={busy} data-testid="load-demo">
      {busy ? t('loading') : t('loadDemo')}
    </button>
  );
}
