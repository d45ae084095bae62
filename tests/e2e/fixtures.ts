import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
// @ts-expect-error plain ESM helper shared with the demo and bench scripts
import { e2eExtensionDir, extensionArgs, extensionDir, findChromium } from '../../scripts/chromium.mjs';

interface ExtensionOptions {
  /** Load the e2e build (127.0.0.1 host access + test hook) instead of the shipped one. */
  e2eBuild: boolean;
}

interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Open one of the extension's pages (popup.html, sidepanel.html, options.html) as a tab. */
  openPage(path: string): Promise<Page>;
}

/** Each test gets a fresh browser profile with the built extension loaded, headless unless HEADED=1. */
export const test = base.extend<ExtensionFixtures & ExtensionOptions>({
  e2eBuild: [false, { option: true }],
  context: async ({ e2eBuild }, use) => {
    const dir: string = e2eBuild ? e2eExtensionDir : extensionDir;
    if (!existsSync(`${dir}/manifest.json`)) throw new Error(`Build the extension first: ${e2eBuild ? 'npm run build:e2e' : 'npm run build'}`);
    const context = await chromium.launchPersistentContext('', {
      executablePath: await findChromium(),
      headless: !process.env.HEADED,
      args: extensionArgs(dir),
      locale: 'en-US',
    });
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(sw);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openPage: async ({ context, extensionId }, use) => {
    await use(async (path: string) => {
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`[${path}] page error:`, e.message));
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export { expect };
