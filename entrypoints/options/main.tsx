import '../../components/styles.css';
import { DB_NAME } from '../../lib/db/name';
import { readNewest } from '../../lib/workspace/early-rows';

// SPEC §9: first rows ≤ 300 ms at 100,000. This module is kept tiny (no Dexie, no Preact): opening
// the database and reading the default view's first screen start here, before the page's modules
// are even fetched, and run while they load (boot.tsx); the table adopts what was read.
performance.mark('cardfile:ws:main');
const early = !location.hash || location.hash === '#customers'
  ? readNewest(indexedDB, DB_NAME).finally(() => performance.mark('cardfile:ws:early-read'))
  : undefined;
void import('./boot').then((m) => m.boot(early));
