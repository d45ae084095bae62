import type { CardfileDb } from '../db/schema';
import type { Role } from './design';

/** This database's team workspace, kept in `syncMeta` (no password: only the session, where there is no cookie jar). */
export interface TeamConfig {
  url: string;
  db: string;
  name: string;
  member: string;
  role: Role;
  encrypted: boolean;
  /** Node only (tests, bench): the AuthSession cookie, since there is no browser cookie jar. */
  cookie?: string;
  joinedAt: number;
}

export async function readConfig(db: CardfileDb): Promise<TeamConfig | undefined> {
  return (await db.syncMeta.get('config'))?.value as TeamConfig | undefined;
}

/** Belong to a team from now on: writes start going through the outbox. */
export async function saveConfig(db: CardfileDb, cfg: TeamConfig): Promise<void> {
  await db.syncMeta.put({ key: 'config', value: cfg });
  db.sync.recording = true;
}

/** Leave the team on this device: the cards stay, the sync state goes (a later join starts afresh). */
export async function forgetTeam(db: CardfileDb): Promise<void> {
  await db.transaction('rw', [db.syncMeta, db.syncBase, db.outbox, db.syncConflicts], async () => {
    await Promise.all([db.syncMeta.clear(), db.syncBase.clear(), db.outbox.clear(), db.syncConflicts.clear()]);
  });
  db.sync.recording = false;
}
