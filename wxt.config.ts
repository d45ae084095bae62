import { readFileSync } from 'node:fs';
import path from 'node:path';
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

/** [from node_modules, to the extension] for the OCR engine (lib/capture/ocr/browser-assets.ts reads them). */
const ocrAssets: Array<[string, string]> = [
  ['node_modules/tesseract.js/dist/worker.min.js', 'ocr/worker.min.js'],
  // One core per WebAssembly feature level; tesseract.js picks relaxed-SIMD, SIMD or plain at run time.
  ...['tesseract-core-relaxedsimd-lstm', 'tesseract-core-simd-lstm', 'tesseract-core-lstm'].map((c): [string, string] => [`node_modules/tesseract.js-core/${c}.wasm.js`, `ocr/core/${c}.wasm.js`]),
  // tessdata (integer LSTM; "full" in scripts/ocr/eval.ts): read clean cards 97% right vs 89% with best_int.
  ['node_modules/@tesseract.js-data/chi_sim/4.0.0/chi_sim.traineddata.gz', 'ocr/lang/chi_sim.traineddata.gz'],
  ['node_modules/@tesseract.js-data/eng/4.0.0/eng.traineddata.gz', 'ocr/lang/eng.traineddata.gz'],
];

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
    // Card scanning (#21): Tesseract's worker, its WebAssembly cores and the chi_sim + eng data, copied
    // from node_modules into ocr/ (nothing is fetched at run time; loaded only when a card is scanned).
    'build:publicAssets': (_wxt, assets) => {
      for (const [src, dest] of ocrAssets) assets.push({ absoluteSrc: path.resolve(src), relativeDest: dest });
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
      ? {
          browser_specific_settings: { gecko: { id: 'cardfile@example.org', strict_min_version: '128.0' } },
          // The card scanner's WebAssembly (Tesseract) needs 'wasm-unsafe-eval'; nothing else is loosened.
          content_security_policy: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
        }
      : { content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" } }),
  }),
});
