// Finds a Chromium to load the extension into: $CHROMIUM_PATH, then Debian's /usr/bin/chromium,
// then Playwright's own download. Says how to get one when there is none.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.output', 'chrome-mv3');
/** The e2e build (npm run build:e2e): adds http://127.0.0.1 host access for the page-capture tests. */
export const e2eExtensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.output', 'e2e-chrome-mv3');

export async function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    /* Playwright not installed or has no browser */
  }
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
      'or set CHROMIUM_PATH=/path/to/chrome.',
  );
}

/** Launch flags that load the built extension (both flags are needed: Playwright adds --disable-extensions otherwise). */
export function extensionArgs(dir = extensionDir) {
  return [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}
