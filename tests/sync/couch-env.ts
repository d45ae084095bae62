import { Couch } from '../../lib/sync/couch';

/**
 * The real CouchDB the sync suites run against: `COUCHDB_URL` and `COUCHDB_ADMIN` (user:password),
 * as printed by ../shared/tools/couchdb/start.sh (`.ci/run` starts one). Without them the suites
 * skip and say why.
 */
export const couchUrl = process.env.COUCHDB_URL;
const [adminUser, ...rest] = (process.env.COUCHDB_ADMIN ?? '').split(':');
export const haveCouch = !!couchUrl && !!adminUser && rest.length > 0;
export const skipMessage = 'sync tests skipped: no CouchDB (set COUCHDB_URL and COUCHDB_ADMIN, e.g. eval "$(../shared/tools/couchdb/start.sh)")';
if (!haveCouch) console.warn(`\n  ⚠ ${skipMessage}\n`);

export const adminCouch = () => new Couch(couchUrl!, { kind: 'basic', user: adminUser!, password: rest.join(':') });

/** A name unique to this run (CouchDB user and database names). */
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
