import { Couch, CouchError, dbPath } from './couch';
import { designDoc, DESIGN_ID, DESIGN_VERSION, membersOf, securityFor, type CardfileSecurity, type Member, type Role } from './design';
import type { TeamKeyMeta } from './team-key';

/**
 * Setting up and managing a team workspace on the team's CouchDB: one database per workspace, its
 * `_security`, the validation design document, the members' server accounts. A server admin
 * account is needed only to create the workspace and new accounts; it is used for that request and
 * never stored. A workspace admin (an ordinary server user listed as the database's admin) manages
 * roles without being a server admin.
 */
export interface WorkspaceMeta {
  _id: 'meta:workspace';
  _rev?: string;
  type: 'meta';
  author: string;
  name: string;
  createdAt: number;
  encryption?: TeamKeyMeta;
}

/** An invite code: server URL and workspace, nothing secret (each member signs in with their own account). */
export interface Invite { url: string; db: string; name: string }

export function inviteCode(i: Invite): string {
  return `cardfile:${btoa(unescape(encodeURIComponent(JSON.stringify({ v: 1, u: i.url, d: i.db, n: i.name })))).replace(/=+$/, '')}`;
}

export function parseInvite(code: string): Invite | undefined {
  const m = /^cardfile:([A-Za-z0-9+/]+)$/.exec(code.trim());
  if (!m) return undefined;
  try {
    const j = JSON.parse(decodeURIComponent(escape(atob(m[1]!)))) as { v: number; u: string; d: string; n: string };
    if (j.v !== 1 || typeof j.u !== 'string' || typeof j.d !== 'string' || !/^https?:\/\//.test(j.u) || !/^[a-z][a-z0-9_$()+/-]*$/.test(j.d)) return undefined;
    return { url: j.u, db: j.d, name: String(j.n ?? '').slice(0, 100) };
  } catch {
    return undefined;
  }
}

/** A database name CouchDB accepts, from the workspace's name (lower-case, starts with a letter). */
export function databaseName(name: string, random = crypto.getRandomValues(new Uint8Array(4))): string {
  const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  const tail = [...random].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `cardfile-${slug ? `${slug}-` : ''}${tail}`;
}

export interface NewMember { name: string; password?: string; role: Role }

const userDoc = (name: string) => `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;

/** Create a server account (server admin only); an existing account is left as it is. */
export async function ensureUser(admin: Couch, name: string, password: string | undefined): Promise<'created' | 'exists'> {
  try {
    await admin.request('GET', userDoc(name));
    return 'exists';
  } catch (e) {
    if (!(e instanceof CouchError) || e.status !== 404) throw e;
  }
  if (!password) throw new CouchError(404, 'not_found', `No account named ${name} on this server, and no password to create one`);
  await admin.request('PUT', userDoc(name), { name, password, roles: [], type: 'user' });
  return 'created';
}

/**
 * Create a workspace: database, `_security`, validation, the workspace document, members' accounts.
 * `admin` is signed in with a server admin account; `members` includes the creator (role admin).
 */
export async function createWorkspace(admin: Couch, o: { name: string; db?: string; members: NewMember[]; encryption?: TeamKeyMeta; now: number }): Promise<{ db: string; meta: WorkspaceMeta }> {
  const db = o.db ?? databaseName(o.name);
  const who = (await admin.session()).name ?? 'admin';
  for (const m of o.members) await ensureUser(admin, m.name, m.password);
  await admin.request('PUT', dbPath(db));
  await admin.request('PUT', `${dbPath(db)}/_security`, securityFor(o.members, !!o.encryption));
  await admin.request('PUT', `${dbPath(db)}/${DESIGN_ID}`, designDoc());
  const meta: WorkspaceMeta = { _id: 'meta:workspace', type: 'meta', author: who, name: o.name.slice(0, 100), createdAt: o.now, ...(o.encryption ? { encryption: o.encryption } : {}) };
  const r = await admin.request<{ rev: string }>('PUT', `${dbPath(db)}/meta:workspace`, meta);
  return { db, meta: { ...meta, _rev: r.rev } };
}

export async function readWorkspace(c: Couch, db: string): Promise<WorkspaceMeta> {
  return c.request<WorkspaceMeta>('GET', `${dbPath(db)}/meta:workspace`);
}

/** Members and roles (any member may read them: `_security` is readable by members). */
export async function listMembers(c: Couch, db: string): Promise<Member[]> {
  return membersOf(await c.request<Partial<CardfileSecurity>>('GET', `${dbPath(db)}/_security`));
}

/**
 * Change members (workspace admin or server admin). A refusal (HTTP 403, or 500 no_majority that
 * CouchDB answers a non-admin) is final: nothing changed, never retried.
 */
export async function setMembers(c: Couch, db: string, members: Member[]): Promise<void> {
  const sec = await c.request<Partial<CardfileSecurity>>('GET', `${dbPath(db)}/_security`);
  if (!members.some((m) => m.role === 'admin')) throw new CouchError(400, 'bad_request', 'A workspace needs at least one admin');
  await c.request('PUT', `${dbPath(db)}/_security`, securityFor(members, !!sec.cardfile?.encrypted));
}

/** The role the server gives this member in this workspace. */
export async function roleOf(c: Couch, db: string, name: string): Promise<Role | undefined> {
  return (await listMembers(c, db)).find((m) => m.name === name)?.role;
}

/** Install the current validation function when the database has an older one (admins only). */
export async function upgradeDesign(c: Couch, db: string): Promise<boolean> {
  const cur = await c.request<{ _rev: string; cardfile?: { version: number } }>('GET', `${dbPath(db)}/${DESIGN_ID}`);
  if ((cur.cardfile?.version ?? 0) >= DESIGN_VERSION) return false;
  await c.request('PUT', `${dbPath(db)}/${DESIGN_ID}`, { ...designDoc(), _rev: cur._rev });
  return true;
}
