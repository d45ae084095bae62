import { useEffect, useState } from 'preact/hooks';
import { getRepo } from '../../lib/db';
import { seedDemo } from '../../lib/demo/seed';
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
      await seedDemo(getRepo(), n);
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
