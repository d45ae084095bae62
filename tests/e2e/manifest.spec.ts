import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webmailHostPatterns } from '../../lib/capture/hosts';

/**
 * The built manifest asks for exactly these permissions: a new one must be a deliberate change here.
 * Host access is the webmail sites only; every other page is read through activeTab (SPEC §8).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '..', '..', '.output', 'chrome-mv3');
/** Every webmail host, spelled out: a new host (or a wildcard) must be a deliberate change here. */
const EXPECTED_HOSTS = [
  'mail.google.com',
  'outlook.cloud.microsoft', 'outlook.office.com', 'outlook.live.com', 'outlook.office365.com',
  'mail.yahoo.com',
  'wx.mail.qq.com', 'mail.qq.com', 'exmail.qq.com',
  'mail.163.com', 'mail.126.com', 'mail.yeah.net', 'vip.163.com', 'vip.126.com', 'vip.188.com',
  'qiye.163.com', 'mail.qiye.163.com', 'mailh.qiye.163.com', 'mailhz.qiye.163.com', 'hwmail.qiye.163.com',
].map((h) => `https://${h}/*`);
const EXPECTED_PERMISSIONS = ['activeTab', 'alarms', 'contextMenus', 'notifications', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test.describe('built extension (chrome-mv3)', () => {
  test.beforeAll(() => {
    // Never skip: a missing build must fail loudly, not pass quietly.
    if (!existsSync(path.join(out, 'manifest.json'))) throw new Error('Build the extension first: npm run build');
  });

  test('permissions and host permissions are exactly the expected ones', () => {
    const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
      permissions?: string[]; host_permissions?: string[]; optional_permissions?: string[]; optional_host_permissions?: string[];
      content_scripts?: { matches: string[] }[]; content_security_policy?: unknown; externally_connectable?: unknown; web_accessible_resources?: unknown;
    };
    expect([...(m.permissions ?? [])].sort()).toEqual(EXPECTED_PERMISSIONS);
    expect([...(m.host_permissions ?? [])].sort()).toEqual([...EXPECTED_HOSTS].sort());
    expect([...webmailHostPatterns].sort()).toEqual([...EXPECTED_HOSTS].sort());
    // Nothing broader than one exact host: no wildcards, no all-URLs.
    for (const h of m.host_permissions ?? []) expect(h).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    expect(m.optional_permissions ?? []).toEqual([]);
    // Team sync: the team's own CouchDB, wherever it runs, asked for (per origin) when a workspace is created or joined.
    expect([...(m.optional_host_permissions ?? [])].sort()).toEqual(['http://*/*', 'https://*/*']);
    // Content scripts run on the webmail hosts only; no web page may message the extension.
    for (const cs of m.content_scripts ?? []) for (const match of cs.matches) expect(webmailHostPatterns).toContain(match);
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
    // The default MV3 policy (no eval, no remote scripts) is loosened only by 'wasm-unsafe-eval' for the
    // card scanner's WebAssembly (compiling bundled .wasm; no JavaScript eval).
    const csp = JSON.stringify(m.content_security_policy ?? '');
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp.replace(/'wasm-unsafe-eval'/g, '')).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });

  test('each content script stays within 30 KB (they load on every webmail page)', () => {
    const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
    const scripts = (m.content_scripts ?? []).flatMap((cs) => cs.js ?? []);
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    for (const js of scripts) expect(statSync(path.join(out, js)).size / 1024, js).toBeLessThanOrEqual(30);
  });

  test('no remote code: scripts are bundled files, no eval or Function constructor', () => {
    const all = files(out);
    for (const html of all.filter((f) => f.endsWith('.html'))) {
      const text = readFileSync(html, 'utf8');
      for (const src of text.matchAll(/<script[^>]*\bsrc=["']([^"']+)["']/gi)) expect(src[1], html).not.toMatch(/^(https?:)?\/\//i);
      expect(text, html).not.toMatch(/<link[^>]+href=["'](https?:)?\/\//i);
    }
    // tesseract.js's worker (copied as published) carries two guarded fallbacks of its bundler and of
    // regenerator-runtime, each inside try/catch and never reached in a worker (globalThis exists);
    // the CSP forbids eval either way. Only these exact forms are allowed, in that one file.
    const guarded = ['new Function("return this")', 'Function("r","regeneratorRuntime = r")'];
    for (const js of all.filter((f) => f.endsWith('.js'))) {
      let text = readFileSync(js, 'utf8');
      if (js.endsWith('ocr/worker.min.js')) for (const g of guarded) text = text.split(g).join('');
      expect(text, js).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|importScripts\s*\(\s*["']https?:|import\s*\(\s*["']https?:/);
    }
  });
});
