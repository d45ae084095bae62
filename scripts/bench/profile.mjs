// Saved browser profiles for the benchmark (bench/profile-<N>/, gitignored): seeded once, reused while
// the data version (a hash of the code that shapes the stored data) matches; --fresh reseeds.
import { chromium } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { extensionArgs, findChromium } from '../chromium.mjs';

const DATA_FILES = ['lib/demo/generate.ts', 'lib/demo/seed.ts', 'lib/db/schema.ts', 'lib/db/compact-middleware.ts', 'scripts/bench/page/seed.ts'];

/** A hash of what decides the seeded data: the generator, the schema and indexes, whether the rules engine exists. */
export function dataVersion(repo) {
  const h = createHash('sha256');
  for (const f of DATA_FILES) h.update(existsSync(path.join(repo, f)) ? readFileSync(path.join(repo, f)) : `missing ${f}`);
  h.update(existsSync(path.join(repo, 'lib/db/plan.ts')) ? 'plan' : 'no-plan');
  return h.digest('hex').slice(0, 16);
}

export function profileDir(repo, n) {
  return path.join(repo, 'bench', `profile-${n}`);
}

const metaFile = (dir) => path.join(dir, 'cardfile-bench.json');

/** The saved profile's metadata when it holds seeded data of this version (any version when undefined), else undefined. */
export function readMeta(dir, version) {
  if (!existsSync(metaFile(dir))) return undefined;
  const meta = JSON.parse(readFileSync(metaFile(dir), 'utf8'));
  return version === undefined || meta.dataVersion === version ? meta : undefined;
}

export function writeMeta(dir, meta) {
  writeFileSync(metaFile(dir), JSON.stringify(meta, null, 2));
}

export function resetProfile(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/** Launch headless Chromium on a saved profile with the bench build loaded; returns the context and extension id. */
export async function launch(dir, extensionDir) {
  // Chrome keeps the extension's service worker script in the profile and runs that cached copy on the
  // next start, not the build loaded now: without this a saved profile measures the background (due
  // snapshot, daily pass) of whatever build seeded it. Dropped, it is registered afresh from extensionDir.
  rmSync(path.join(dir, 'Default', 'Service Worker'), { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: await findChromium(),
    headless: !process.env.HEADED,
    args: [
      ...extensionArgs(extensionDir),
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, id: new URL(sw.url()).host };
}

function duBytes(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  return readdirSync(p).reduce((sum, f) => sum + duBytes(path.join(p, f)), 0);
}

/** Bytes on disk of the extension origin's IndexedDB (LevelDB folder + blob folder) in the profile. */
export function indexedDbBytes(dir, id) {
  const idb = path.join(dir, 'Default', 'IndexedDB');
  if (!existsSync(idb)) return 0;
  return readdirSync(idb).filter((f) => f.startsWith(`chrome-extension_${id}_`)).reduce((sum, f) => sum + duBytes(path.join(idb, f)), 0);
}
