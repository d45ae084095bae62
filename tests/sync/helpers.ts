import { createCustomer } from '../../lib/db';
import { Couch } from '../../lib/sync/couch';
import type { Role } from '../../lib/sync/design';
import { SyncEngine } from '../../lib/sync/engine';
import { createWorkspace } from '../../lib/sync/server';
import { saveConfig } from '../../lib/sync/team';
import type { VaultKeys } from '../../lib/security/crypto';
import type { TeamKeyMeta } from '../../lib/sync/team-key';
import { freshContext } from '../db/helpers';
import { adminCouch, couchUrl, unique } from './couch-env';

export interface Device {
  ctx: ReturnType<typeof freshContext>;
  couch: Couch;
  engine: SyncEngine;
  name: string;
}

export interface Team { db: string; users: Record<string, { name: string; password: string; role: Role }> }

/** A workspace on the real CouchDB with fresh accounts for the given roles (names made unique per run). */
export async function makeTeam(roles: Record<string, Role>, encryption?: TeamKeyMeta): Promise<Team> {
  const users: Team['users'] = {};
  for (const [k, role] of Object.entries(roles)) users[k] = { name: unique(`${k}-`), password: `pw-${Math.random()}`, role };
  const { db } = await createWorkspace(adminCouch(), { name: 'Sales East', members: Object.values(users), encryption, now: Date.now() });
  return { db, users };
}

/** A device (its own IndexedDB) signed in as one member. */
export async function device(team: Team, who: string, o: { teamKeys?: VaultKeys; now?: number } = {}): Promise<Device> {
  const u = team.users[who]!;
  const ctx = freshContext({ now: o.now, settings: { userName: u.name } });
  const couch = new Couch(couchUrl!, { kind: 'cookie' });
  await couch.signIn(u.name, u.password);
  await saveConfig(ctx.db, { url: couchUrl!, db: team.db, name: 'Sales East', member: u.name, role: u.role, encrypted: !!o.teamKeys, joinedAt: ctx.clock.now });
  const engine = new SyncEngine(ctx, couch, { db: team.db, member: u.name, teamKeys: o.teamKeys, encrypted: !!o.teamKeys, batch: 50 });
  return { ctx, couch, engine, name: u.name };
}

export const card = (d: Device, name: string, extra: Record<string, unknown> = {}) =>
  createCustomer(d.ctx, { name, emails: [{ value: `${name.toLowerCase().replace(/\W/g, '')}@example.com` }], ...extra });

/** Round trips until both devices are quiet. */
export async function settle(...ds: Device[]) {
  for (let i = 0; i < 3; i++) for (const d of ds) await d.engine.round();
}
