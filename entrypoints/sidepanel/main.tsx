import '../../components/styles.css';
import { DB_NAME } from '../../lib/db/name';
import { readPersistedEarly } from '../../lib/search-index/persisted';
import { warmDatabase } from '../../lib/db/warm';

// SPEC §9 / issue 18: side panel ready ≤ 600 ms even after the browser sat idle. This entry is kept
// tiny (no Dexie, no Preact): the persisted search index's read and the customer database's open start
// here, before the page's modules are fetched, and run while they load (boot.tsx adopts the read).
const indexRead = readPersistedEarly();
warmDatabase(indexedDB, DB_NAME);
void import('./boot').then((m) => m.boot(indexRead));
