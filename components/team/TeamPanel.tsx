import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getRepo, handoverCustomers } from '../../lib/db';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messaging/client';
import type { Reply } from '../../lib/messaging/protocol';
import { parseInvite } from '../../lib/sync/server';
import { showToast } from '../common/Toast';
import { syncStatus, watchSyncStatus } from './status';

type Role = 'viewer' | 'editor' | 'admin';
const ROLES: Role[] = ['viewer', 'editor', 'admin'];
const errText = (code?: string) => t(`err.${code ?? 'failed'}` as 'err.failed');

/** Host access to the team's server, asked in the click that needs it (the browser wants a user gesture). */
async function allowServer(url: string): Promise<boolean> {
  try {
    const origin = `${new URL(url).origin}/*`;
    const perms = (browser as unknown as { permissions?: { request(p: { origins: string[] }): Promise<boolean> } }).permissions;
    return perms ? await perms.request({ origins: [origin] }) : true;
  } catch {
    return false;
  }
}

function useBusy() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (f: () => Promise<{ ok: boolean; error?: string } | void>) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await f();
      if (r && !r.ok) setError(errText(r.error));
      return r;
    } catch {
      setError(errText('failed'));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, setError };
}

function CreateForm() {
  const { busy, error, run, setError } = useBusy();
  return (
    <form class="card-form" data-testid="team-create" onSubmit={(e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      const v = (k: string) => String(f.get(k) ?? '');
      const url = v('url').trim();
      void run(async () => {
        if (!(await allowServer(url))) { setError(t('err.permission')); return; }
        return send('sync/create', { url, adminUser: v('adminUser'), adminPassword: v('adminPassword'), name: v('name'), member: v('member'), password: v('password'), passphrase: v('passphrase') || undefined });
      });
    }}>
      <h3>{t('team.create')}</h3>
      <label>{t('team.url')} <input name="url" type="url" required placeholder="https://couch.example.com" /></label>
      <label>{t('team.adminUser')} <input name="adminUser" required autocomplete="off" /></label>
      <label>{t('team.adminPassword')} <input name="adminPassword" type="password" required autocomplete="off" /></label>
      <p class="hint">{t('team.adminHint')}</p>
      <label>{t('team.name')} <input name="name" required maxLength={100} /></label>
      <label>{t('team.member')} <input name="member" required maxLength={100} /></label>
      <label>{t('team.password')} <input name="password" type="password" required minLength={8} autocomplete="new-password" /></label>
      <label>{t('team.passphrase')} <input name="passphrase" type="password" minLength={8} autocomplete="off" /></label>
      <p class="hint">{t('team.passphraseHint')}</p>
      {error && <p class="error" role="alert">{error}</p>}
      <button class="primary" disabled={busy}>{busy ? t('team.working') : t('team.createBtn')}</button>
    </form>
  );
}

function JoinForm() {
  const { busy, error, run, setError } = useBusy();
  return (
    <form class="card-form" data-testid="team-join" onSubmit={(e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      const v = (k: string) => String(f.get(k) ?? '').trim();
      const code = v('invite');
      const inv = code ? parseInvite(code) : undefined;
      if (code && !inv) { setError(t('err.invite')); return; }
      const url = inv?.url ?? v('url');
      const db = inv?.db ?? v('db');
      void run(async () => {
        if (!(await allowServer(url))) { setError(t('err.permission')); return; }
        return send('sync/join', { url, db, member: v('member'), password: String(f.get('password') ?? ''), passphrase: String(f.get('passphrase') ?? '') || undefined });
      });
    }}>
      <h3>{t('team.join')}</h3>
      <p class="hint">{t('team.inviteHint')}</p>
      <label>{t('team.invite')} <input name="invite" autocomplete="off" /></label>
      <label>{t('team.url')} <input name="url" type="url" /></label>
      <label>{t('team.workspace')} <input name="db" /></label>
      <label>{t('team.member')} <input name="member" required /></label>
      <label>{t('team.password')} <input name="password" type="password" required /></label>
      <label>{t('team.passphraseJoin')} <input name="passphrase" type="password" autocomplete="off" /></label>
      {error && <p class="error" role="alert">{error}</p>}
      <button class="primary" disabled={busy}>{busy ? t('team.working') : t('team.joinBtn')}</button>
    </form>
  );
}

function Members({ admin }: { admin: boolean }) {
  const [members, setMembers] = useState<NonNullable<Reply<'sync/members'>['members']>>([]);
  const { busy, error, run } = useBusy();
  const load = () => void send('sync/members', {}).then((r) => r.members && setMembers(r.members)).catch(() => undefined);
  useEffect(load, []);
  const save = (next: { name: string; role: Role; password?: string }[], adminUser?: string, adminPassword?: string) =>
    run(async () => {
      const r = await send('sync/members', { members: next, adminUser, adminPassword });
      if (r.members) setMembers(r.members);
      return r;
    });
  return (
    <section data-testid="team-members">
      <h3>{t('team.members')}</h3>
      <ul class="plain">
        {members.map((m) => (
          <li key={m.name} data-member={m.name}>
            {m.name}{' '}
            {admin ? (
              <select value={m.role} aria-label={m.name} disabled={busy} onChange={(e) => void save(members.map((x) => (x.name === m.name ? { ...x, role: (e.target as HTMLSelectElement).value as Role } : x)))}>
                {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
              </select>
            ) : <span class="chip">{t(`role.${m.role}`)}</span>}
            {admin && <button class="link" disabled={busy} onClick={() => void save(members.filter((x) => x.name !== m.name))}>{t('team.remove')}</button>}
          </li>
        ))}
      </ul>
      {admin && (
        <form class="row" onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const v = (k: string) => String(f.get(k) ?? '');
          const password = v('password') || undefined;
          void save([...members, { name: v('name').trim(), role: v('role') as Role, password }], v('adminUser') || undefined, v('adminPassword') || undefined);
        }}>
          <strong>{t('team.addMember')}</strong>
          <input name="name" required aria-label={t('team.member')} placeholder={t('team.member')} />
          <select name="role" aria-label={t('team.members')}>{ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}</select>
          <input name="password" type="password" minLength={8} placeholder={t('team.newPassword')} aria-label={t('team.newPassword')} />
          <input name="adminUser" placeholder={t('team.adminUser')} aria-label={t('team.adminUser')} autocomplete="off" />
          <input name="adminPassword" type="password" placeholder={t('team.adminPassword')} aria-label={t('team.adminPassword')} autocomplete="off" />
          <button disabled={busy}>{t('team.save')}</button>
        </form>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      {members.length > 1 && admin && <Handover names={members.map((m) => m.name)} />}
    </section>
  );
}

function Handover({ names }: { names: string[] }) {
  const [from, setFrom] = useState(names[0] ?? '');
  const [to, setTo] = useState(names[1] ?? '');
  return (
    <div class="row" data-testid="team-handover">
      <strong>{t('team.handover')}</strong>
      {t('team.handoverFrom')}
      <select value={from} onChange={(e) => setFrom((e.target as HTMLSelectElement).value)}>{names.map((n) => <option key={n}>{n}</option>)}</select>
      {t('team.handoverTo')}
      <select value={to} onChange={(e) => setTo((e.target as HTMLSelectElement).value)}>{names.map((n) => <option key={n}>{n}</option>)}</select>
      <button disabled={!from || !to || from === to} onClick={() => void handoverCustomers(getRepo(), from, to).then((n) => showToast(t('team.handedOver', { n })))}>{t('team.handoverBtn')}</button>
    </div>
  );
}

function PasswordPrompt({ kind }: { kind: 'signin' | 'unlock' }) {
  const { busy, error, run } = useBusy();
  return (
    <form class="row" onSubmit={(e) => {
      e.preventDefault();
      const v = String(new FormData(e.currentTarget).get('secret') ?? '');
      void run(() => (kind === 'signin' ? send('sync/signin', { password: v }) : send('sync/unlock', { passphrase: v })));
    }}>
      <span>{kind === 'signin' ? t('team.signin') : t('team.unlockHint')}</span>
      <input name="secret" type="password" required aria-label={kind === 'signin' ? t('team.password') : t('team.passphraseJoin')} />
      <button disabled={busy}>{kind === 'signin' ? t('team.signinBtn') : t('team.unlockBtn')}</button>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}

/** The workspace page's Team tab: create or join; then who you are, members and roles, handover. */
export function TeamPanel() {
  useEffect(() => watchSyncStatus(), []);
  const s = syncStatus.value;
  if (s.state === 'none') {
    return (
      <div class="team" data-testid="team-panel">
        <h2>{t('team.title')}</h2>
        <p>{t('team.intro')}</p>
        <div class="team__forms"><CreateForm /><JoinForm /></div>
      </div>
    );
  }
  const admin = s.role === 'admin';
  return (
    <div class="team" data-testid="team-panel">
      <h2>{t('team.title')}</h2>
      <p data-testid="team-you">{t('team.you', { member: s.member ?? '', role: t(`role.${s.role ?? 'viewer'}`), name: s.name ?? '' })}</p>
      <p class={s.encrypted ? 'notice' : 'notice notice--warn'} data-testid="team-privacy">{s.encrypted ? t('team.encrypted') : t('team.plain')}</p>
      {s.role === 'viewer' && <p class="notice">{t('team.viewerNote')}</p>}
      {s.state === 'signin' && <PasswordPrompt kind="signin" />}
      {s.state === 'passphrase' && <PasswordPrompt kind="unlock" />}
      {s.refused > 0 && <p><button onClick={() => void send('sync/discard-refused', {})}>{t('team.discard')}</button></p>}
      {s.invite && <p><label>{t('team.invite')} <input readOnly value={s.invite} data-testid="team-invite" onFocus={(e) => (e.target as HTMLInputElement).select()} /></label></p>}
      <Members admin={admin} />
      <p><button class="danger" onClick={() => { if (confirm(t('team.leaveConfirm'))) void send('sync/leave', {}); }}>{t('team.leave')}</button></p>
    </div>
  );
}
