import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
// @ts-expect-error plain ESM helper shared with the demo and bench scripts
import { extensionArgs, extensionDir, findChromium } from '../../scripts/chromium.mjs';

interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Open one of the extension's pages (popup.html, sidepanel.html, options.html) as a tab. */
  openPage(path: string): Promise<Page>;
}

/** Each test gets a fresh browser profile with the built extension loaded, headless unless HEADED=1. */
export const test = base.extend<ExtensionFixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    if (!existsSync(`${extensionDir}/manifest.json`)) throw new Error('Build the extension first: npm run build');
    const context = await chromium.launchPersistentContext('', {
      executablePath: await findChromium(),
      headless: !process.env.HEADED,
      args: extensionArgs(),
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
