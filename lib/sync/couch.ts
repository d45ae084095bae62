/**
 * A small CouchDB HTTP client: the replication protocol's few endpoints (`_bulk_docs`, `_all_docs`,
 * `_changes`, `_session`, `_security`). No password is kept: signing in trades it for CouchDB's
 * `AuthSession` cookie. In the extension the browser's cookie jar carries it (`credentials:
 * 'include'`, host permission for the server); where there is no jar (Node: tests, bench) the
 * cookie is read from `Set-Cookie` and sent back by hand.
 */
export class CouchError extends Error {
  override name = 'CouchError';
  constructor(readonly status: number, readonly error: string, readonly reason: string) {
    super(`CouchDB ${status} ${error}: ${reason}`);
  }
  /** Refused by the server's rules (validation, roles). A non-admin writing `_security` gets 500 no_majority: refused too. */
  get refused(): boolean {
    return this.status === 403 || this.status === 401 || (this.status === 500 && (this.error === 'no_majority' || this.reason === 'no_majority'));
  }
}

/** The server did not answer (offline, DNS, TLS, proxy down). */
export class OfflineError extends Error {
  override name = 'OfflineError';
}

export type Auth =
  | { kind: 'basic'; user: string; password: string }
  | { kind: 'cookie'; cookie?: string };

export interface CouchOptions {
  fetch?: typeof fetch;
  /** Bytes received (uncompressed text length) are added here: the bench reports them. */
  meter?: { bytesIn: number; bytesOut: number; requests: number };
}

export class Couch {
  readonly base: string;
  private readonly doFetch: typeof fetch;
  constructor(url: string, public auth: Auth, private readonly opts: CouchOptions = {}) {
    this.base = url.replace(/\/+$/, '');
    this.doFetch = opts.fetch ?? ((...a) => fetch(...a));
  }

  /** One request; JSON in and out. Throws CouchError on an HTTP error, OfflineError when nothing answered. */
  async request<T = unknown>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const text = body === undefined ? undefined : JSON.stringify(body);
    if (text !== undefined) headers['content-type'] = 'application/json';
    if (this.auth.kind === 'basic') headers.authorization = `Basic ${btoa(unescape(encodeURIComponent(`${this.auth.user}:${this.auth.password}`)))}`;
    else if (this.auth.cookie) headers.cookie = this.auth.cookie;
    let res: Response;
    try {
      res = await this.doFetch(this.base + path, { method, headers, body: text, credentials: 'include', signal });
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') throw e;
      throw new OfflineError(`No answer from ${this.base}: ${(e as Error)?.message ?? e}`);
    }
    this.keepCookie(res);
    const out = await res.text();
    if (this.opts.meter) {
      this.opts.meter.bytesIn += out.length;
      this.opts.meter.bytesOut += text?.length ?? 0;
      this.opts.meter.requests += 1;
    }
    let json: unknown;
    try {
      json = out ? JSON.parse(out) : {};
    } catch {
      // A proxy's HTML error page, a captive portal: nothing CouchDB said.
      throw res.ok ? new OfflineError(`Not a CouchDB answer from ${this.base}`) : new OfflineError(`HTTP ${res.status} from ${this.base}`);
    }
    if (!res.ok) {
      const j = json as { error?: string; reason?: string };
      if (res.status >= 502 && res.status <= 504) throw new OfflineError(`HTTP ${res.status} from ${this.base}`);
      throw new CouchError(res.status, String(j.error ?? 'error'), String(j.reason ?? ''));
    }
    return json as T;
  }

  /** Where there is no cookie jar, keep the refreshed AuthSession cookie CouchDB sends. */
  private keepCookie(res: Response): void {
    if (this.auth.kind !== 'cookie') return;
    const h = res.headers as Headers & { getSetCookie?(): string[] };
    const all = h.getSetCookie?.() ?? [];
    for (const c of all) {
      const m = /^AuthSession=([^;]*)/.exec(c);
      if (m) this.auth = { kind: 'cookie', cookie: m[1] ? `AuthSession=${m[1]}` : undefined };
    }
  }

  /** Trade a name and password for a session (the password is not kept). */
  async signIn(name: string, password: string): Promise<{ name: string; roles: string[] }> {
    const before = this.auth;
    this.auth = { kind: 'cookie', cookie: before.kind === 'cookie' ? before.cookie : undefined };
    try {
      const r = await this.request<{ ok: boolean; name: string; roles: string[] }>('POST', '/_session', { name, password });
      return { name: r.name, roles: r.roles };
    } catch (e) {
      this.auth = before;
      throw e;
    }
  }

  /** Who the server thinks we are (null: not signed in, e.g. the session expired). */
  async session(): Promise<{ name: string | null; roles: string[] }> {
    const r = await this.request<{ userCtx: { name: string | null; roles: string[] } }>('GET', '/_session');
    return r.userCtx;
  }

  async signOut(): Promise<void> {
    await this.request('DELETE', '/_session').catch(() => undefined);
    this.auth = { kind: 'cookie' };
  }
}

/** A database path segment (names may hold `/` etc.). */
export const dbPath = (db: string) => `/${encodeURIComponent(db)}`;
