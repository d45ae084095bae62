import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { webmailHostPatterns } from './lib/capture/hosts';

// `npm run bench` builds with CARDFILE_BENCH=1: only then are the bench pages (entrypoints/bench*) built,
// into .output/bench-chrome-mv3, so the shipped extension and the e2e tests never contain it.
const bench = process.env.CARDFILE_BENCH === '1';
// `npm run build:e2e` builds with CARDFILE_E2E=1 into .output/e2e-chrome-mv3: the same extension plus
// host access to http://127.0.0.1 and a test hook on the background. Browsers grant activeTab only
// to a real click on the toolbar or a context menu, which a test cannot make, so the page-capture
// tests use this build; every other e2e test runs the shipped one.
const e2e = process.env.CARDFILE_E2E === '1';
// The bench build carries a fixed public key so its extension id (hence its IndexedDB origin) is the
// same from any checkout: a profile seeded once (15 min at 100k) can be reused from another worktree.
// Only the public half exists; nothing is signed with it.
const benchKey = bench ? readFileSync('scripts/bench/extension-key.txt', 'utf8').trim() : undefined;

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // lib/ is imported explicitly (house style): no auto-imports beyond WXT's own.
  imports: false,
  vite: () => ({ plugins: [preact()], define: { __CARDFILE_E2E__: JSON.stringify(e2e) } }),
  outDirTemplate: bench ? 'bench-{{browser}}-mv{{manifestVersion}}' : e2e ? 'e2e-{{browser}}-mv{{manifestVersion}}' : undefined,
  hooks: {
    'entrypoints:found': (_wxt, infos) => {
      if (!bench) infos.splice(0, infos.length, ...infos.filter((i) => !i.name.startsWith('bench')));
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    ...(benchKey ? { key: benchKey } : {}),
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Least privilege (SPEC §8): host access only for the webmail sites; other pages through activeTab.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'contextMenus', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: e2e ? [...webmailHostPatterns, 'http://127.0.0.1/*'] : webmailHostPatterns,
    // Team sync talks to the team's own CouchDB: its origin is requested when a workspace is created or joined.
    ...(browser === 'firefox' ? { optional_permissions: ['http://*/*', 'https://*/*'] } : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    action: { default_title: '__MSG_extName__' },
    commands: {
      // Firefox builds MV2, where the toolbar button's command has the older name.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+C' } },
      'open-side-panel': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_cmdOpenSidePanel__' },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'cardfile@example.org', strict_min_version: '128.0' } } }
      : {}),
  }),
});
