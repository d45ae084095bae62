import { browser } from 'wxt/browser';
import { teamKeyItem } from '../storage/items';
import { getRepo } from '../db/instance';
import type { Payload, SyncStatus } from '../messaging/protocol';
import { Couch, CouchError, OfflineError } from '../sync/couch';
import type { Role } from '../sync/design';
import { lockedOut, SyncEngine, SyncRefusedError } from '../sync/engine';
import { createWorkspace, ensureUser, inviteCode, listMembers, readWorkspace, roleOf, setMembers } from '../sync/server';
import { forgetTeam, readConfig, saveConfig, type TeamConfig } from '../sync/team';
import { keysFromBits, newTeamKey, unlockTeamKey, WrongTeamPassphraseError } from '../sync/team-key';
import type { VaultKeys } from '../security/crypto';
import { LIVE_PORT, syncStatusItem } from '../sync/status-item';

/**
 * Team sync in the background (the only place lib/sync runs): an alarm every minute, a push ~2 s
 * after a local write (pages poke; the background's own writes call in directly), and a long-poll
 * on `_changes` while a Cardfile page holds a port open. One round at a time. The status line's
 * state is kept in storage (written only when it changes) for every page to watch.
 */

export const SYNC_ALARM = 'cardfile-sync';
const PUSH_DELAY_MS = 2000;
const LONGPOLL_MS = 20_000;

let engine: SyncEngine | undefined;
let config: TeamConfig | undefined;
let teamKeys: VaultKeys | undefined;
let running: Promise<void> | undefined;
let again = false;
let pushTimer: ReturnType<typeof setTimeout> | undefined;
let live = 0;
let polling = false;
let status: SyncStatus = { state: 'none', waiting: 0, refused: 0 };

async function setStatus(next: Partial<SyncStatus>): Promise<SyncStatus> {
  const s: SyncStatus = { ...status, ...next };
  if (config) Object.assign(s, { name: config.name, member: config.member, role: config.role, encrypted: config.encrypted, url: config.url, db: config.db, invite: inviteCode({ url: config.url, db: config.db, name: config.name }) });
  if (JSON.stringify(s) !== JSON.stringify(status)) {
    status = s;
    await syncStatusItem.setValue(s);
  }
  return status;
}

/** An error as a code the page words in the user's language (never raw server text in the UI). */
function codeOf(e: unknown): string {
  if (e instanceof WrongTeamPassphraseError) return 'wrong-passphrase';
  if (e instanceof OfflineError) return 'offline';
  if (e instanceof SyncRefusedError) return 'passphrase';
  if (e instanceof CouchError) {
    if (e.status === 401) return 'wrong-password';
    if (e.refused) return 'refused';
    if (e.status === 412 || e.error === 'file_exists') return 'exists';
    if (e.status === 404) return 'not-found';
    return 'server';
  }
  return 'failed';
}

async function load(): Promise<SyncEngine | undefined> {
  const repo = getRepo();
  config = await readConfig(repo.db);
  if (!config) { engine = undefined; await setStatus({ state: 'none', waiting: 0, refused: 0, progress: undefined, error: undefined }); return undefined; }
  if (config.encrypted && !teamKeys) {
    const bits = await teamKeyItem.getValue();
    if (bits) teamKeys = await keysFromBits(bits);
  }
  const couch = new Couch(config.url, { kind: 'cookie', cookie: config.cookie });
  engine = new SyncEngine(repo, couch, { db: config.db, member: config.member, encrypted: config.encrypted, teamKeys });
  return engine;
}

/** One round (pull, then push), or a second one queued behind the running one. */
export function syncNow(): Promise<void> {
  if (running) { again = true; return running; }
  running = (async () => {
    try {
      do {
        again = false;
        await roundOnce();
      } while (again);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

async function roundOnce(): Promise<void> {
  const e = engine ?? (await load());
  if (!e || !config) return;
  if (lockedOut()) { await setStatus({ state: 'locked' }); return; }
  if (config.encrypted && !teamKeys) { await setStatus({ state: 'passphrase' }); return; }
  const first = !(await e.ctx.db.syncMeta.get('checkpoint'));
  try {
    await setStatus({ state: 'syncing' });
    await e.round({ onProgress: first ? (phase, p) => void setStatus({ progress: { phase, ...p } }) : undefined });
    // The role can change on the server (an admin promoted or demoted us): keep the UI honest.
    const role = await roleOf(e.couch, config.db, config.member).catch(() => config!.role);
    if (role && role !== config.role) { config = { ...config, role }; await saveConfig(e.ctx.db, config); }
    const p = await e.pending();
    await setStatus({ state: p.refused ? 'error' : p.waiting ? 'waiting' : 'synced', ...p, lastSyncAt: Date.now(), progress: undefined, error: p.refused ? 'refused' : undefined });
  } catch (err) {
    const code = codeOf(err);
    const p = await e.pending().catch(() => ({ waiting: status.waiting, refused: status.refused }));
    const state = code === 'offline' ? 'offline' : code === 'wrong-password' ? 'signin' : code === 'passphrase' ? 'passphrase' : 'error';
    await setStatus({ state, ...p, progress: undefined, error: code });
    if (state === 'error') console.warn('Cardfile sync:', err);
  }
}

/** A local write happened: push in a couple of seconds (writes close together share one push). */
export function schedulePush(): void {
  if (!config && !engine) { void load().then((e) => e && schedulePush()); return; }
  clearTimeout(pushTimer);
  pushTimer = setTimeout(() => void syncNow(), PUSH_DELAY_MS);
  void engine?.pending().then((p) => setStatus({ ...p, state: status.state === 'synced' ? 'waiting' : status.state }));
}

/** While a page is open: wait on the server's change feed, apply what comes, again. */
async function longPoll(): Promise<void> {
  if (polling) return;
  polling = true;
  try {
    while (live > 0) {
      const e = engine ?? (await load());
      if (!e || lockedOut() || (config?.encrypted && !teamKeys) || status.state === 'offline' || status.state === 'signin') { await new Promise((r) => setTimeout(r, 5000)); if (!e) break; if (status.state === 'offline') await syncNow(); continue; }
      await running;
      try {
        const r = await e.pull({ longpollMs: LONGPOLL_MS });
        if (r.received) await setStatus({ lastSyncAt: Date.now() });
      } catch (err) {
        await setStatus({ state: codeOf(err) === 'offline' ? 'offline' : 'error', error: codeOf(err) });
        await new Promise((r) => setTimeout(r, 5000));
      }
    }
  } finally {
    polling = false;
  }
}

const ok = async () => ({ ok: true, status: await setStatus({}) });
const fail = async (e: unknown) => ({ ok: false, error: codeOf(e), status: await setStatus({}) });

async function connect(cfg: TeamConfig, couch: Couch, keys?: { bits: string; keys: VaultKeys }): Promise<void> {
  const repo = getRepo();
  await forgetTeam(repo.db);
  if (keys) { teamKeys = keys.keys; await teamKeyItem.setValue(keys.bits); } else { teamKeys = undefined; await teamKeyItem.setValue(null); }
  await saveConfig(repo.db, cfg);
  new BroadcastChannel('cardfile-sync').postMessage({ type: 'recording', db: repo.db.name, on: true });
  engine = new SyncEngine(repo, couch, { db: cfg.db, member: cfg.member, encrypted: cfg.encrypted, teamKeys });
  config = cfg;
  // What this device already holds joins the workspace too.
  if (cfg.role !== 'viewer') await engine.enqueueAll();
  void syncNow();
}

export const syncActions = {
  async status() { if (!config) await load(); return ok(); },
  async poke() { schedulePush(); return { ok: true }; },
  async now() { await syncNow(); return ok(); },
  async create(p: Payload<'sync/create'>) {
    try {
      const admin = new Couch(p.url, { kind: 'basic', user: p.adminUser, password: p.adminPassword });
      const key = p.passphrase ? await newTeamKey(p.passphrase) : undefined;
      const { db, meta } = await createWorkspace(admin, { name: p.name, members: [{ name: p.member, password: p.password, role: 'admin' }], encryption: key?.meta, now: Date.now() });
      const couch = new Couch(p.url, { kind: 'cookie' });
      await couch.signIn(p.member, p.password);
      await connect({ url: p.url, db, name: meta.name, member: p.member, role: 'admin', encrypted: !!key, joinedAt: Date.now(), cookie: cookieOf(couch) }, couch, key);
      return ok();
    } catch (e) { return fail(e); }
  },
  async join(p: Payload<'sync/join'>) {
    try {
      const couch = new Couch(p.url, { kind: 'cookie' });
      await couch.signIn(p.member, p.password);
      const ws = await readWorkspace(couch, p.db);
      const role: Role = (await roleOf(couch, p.db, p.member)) ?? 'viewer';
      const keys = ws.encryption ? await unlockTeamKey(p.passphrase ?? '', ws.encryption) : undefined;
      await connect({ url: p.url, db: p.db, name: ws.name, member: p.member, role, encrypted: !!ws.encryption, joinedAt: Date.now(), cookie: cookieOf(couch) }, couch, keys);
      return ok();
    } catch (e) { return fail(e); }
  },
  async signin(p: Payload<'sync/signin'>) {
    try {
      const e = engine ?? (await load());
      if (!e || !config) return { ok: false, error: 'none' };
      await e.couch.signIn(config.member, p.password);
      config = { ...config, cookie: cookieOf(e.couch) };
      await saveConfig(e.ctx.db, config);
      void syncNow();
      return ok();
    } catch (e) { return fail(e); }
  },
  async unlock(p: Payload<'sync/unlock'>) {
    try {
      const e = engine ?? (await load());
      if (!e || !config) return { ok: false, error: 'none' };
      const ws = await readWorkspace(e.couch, config.db);
      if (!ws.encryption) return ok();
      const k = await unlockTeamKey(p.passphrase, ws.encryption);
      teamKeys = k.keys;
      await teamKeyItem.setValue(k.bits);
      engine = undefined;
      await load();
      void syncNow();
      return ok();
    } catch (e) { return fail(e); }
  },
  async leave() {
    const repo = getRepo();
    await engine?.couch.signOut();
    await forgetTeam(repo.db);
    new BroadcastChannel('cardfile-sync').postMessage({ type: 'recording', db: repo.db.name, on: false });
    engine = undefined; config = undefined; teamKeys = undefined;
    await teamKeyItem.setValue(null);
    await setStatus({ state: 'none', waiting: 0, refused: 0, progress: undefined, error: undefined, name: undefined, member: undefined, role: undefined, url: undefined, db: undefined, invite: undefined, encrypted: undefined });
    return { ok: true, status };
  },
  async discardRefused() {
    try { await (engine ?? (await load()))?.discardRefused(); await syncNow(); return ok(); } catch (e) { return fail(e); }
  },
  async members(p: Payload<'sync/members'>) {
    try {
      const e = engine ?? (await load());
      if (!e || !config) return { ok: false, error: 'none' };
      if (p.members) {
        const fresh = p.members.filter((m) => m.password);
        if (fresh.length) {
          const admin = new Couch(config.url, { kind: 'basic', user: p.adminUser ?? '', password: p.adminPassword ?? '' });
          for (const m of fresh) await ensureUser(admin, m.name, m.password);
        }
        await setMembers(e.couch, config.db, p.members.map(({ name, role }) => ({ name, role })));
      }
      return { ...(await ok()), members: await listMembers(e.couch, config.db) };
    } catch (e) { return fail(e); }
  },
};

/** Node has no cookie jar; in the browser the jar holds the session and this stays undefined. */
function cookieOf(c: Couch): string | undefined {
  return c.auth.kind === 'cookie' ? c.auth.cookie : undefined;
}

/** Wire the background: alarm, the page ports, the background's own writes. */
export function startSync(): void {
  const repo = getRepo();
  repo.db.sync.onRecorded = schedulePush;
  browser.alarms?.create(SYNC_ALARM, { periodInMinutes: 1 });
  browser.alarms?.onAlarm.addListener((a) => { if (a.name === SYNC_ALARM) void syncNow(); });
  browser.runtime.onConnect?.addListener((port) => {
    if (port.name !== LIVE_PORT) return;
    live++;
    void syncNow().then(longPoll);
    port.onMessage.addListener(() => undefined); // the page pings: keeps this worker awake while it is open
    port.onDisconnect.addListener(() => { live = Math.max(0, live - 1); });
  });
  void load().then((e) => e && syncNow());
}
