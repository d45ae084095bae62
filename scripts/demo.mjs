#!/usr/bin/env node
// `npm run demo`: opens Chromium with the built extension and a demo workspace.
// With a display it stays open for you to use; without one (or with --headless) it runs
// headless and saves screenshots of the popup, side panel and workspace page to docs/screenshots/.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { extensionArgs, findChromium } from './chromium.mjs';

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 300);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const outDir = path.resolve('docs', 'screenshots');

let executablePath;
try {
  executablePath = await findChromium();
} catch (e) {
  console.error(String(e.message ?? e));
  process.exit(1);
}

const context = await chromium.launchPersistentContext(headless ? '' : path.resolve('.demo-profile'), {
  executablePath, headless, args: extensionArgs(), viewport: { width: 1280, height: 800 }, locale: process.env.DEMO_LOCALE ?? 'zh-CN',
});
const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(sw.url()).host;
const url = (p) => `chrome-extension://${id}/${p}`;

const workspace = context.pages()[0] ?? (await context.newPage());
await workspace.goto(url(`options.html?demo=${count}`));
await workspace.waitForFunction(() => window.__cardfileDemoDone === true, null, { timeout: 120_000 });
console.log(`Demo workspace ready: ${count} customers. Extension id ${id}.`);

if (!headless) {
  console.log('Chromium is open with Cardfile loaded. Close the browser window to finish.');
  await new Promise((resolve) => context.on('close', resolve));
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
await workspace.locator('[data-customer-row] button').first().click();
await workspace.waitForTimeout(300);
await workspace.screenshot({ path: path.join(outDir, 'workspace.png') });

const popup = await context.newPage();
await popup.setViewportSize({ width: 400, height: 560 });
await popup.goto(url('popup.html'));
await popup.waitForTimeout(500);
await popup.screenshot({ path: path.join(outDir, 'popup.png') });

const panel = await context.newPage();
await panel.setViewportSize({ width: 400, height: 800 });
await panel.goto(url('sidepanel.html'));
await panel.locator('input[type=search]').first().fill('张');
await panel.waitForTimeout(500);
await panel.screenshot({ path: path.join(outDir, 'sidepanel-search.png') });
await panel.locator('.results button, [data-testid=search-results] button').first().click();
await panel.waitForTimeout(300);
await panel.screenshot({ path: path.join(outDir, 'sidepanel-card.png') });

console.log(`No display: ran headless and saved screenshots to ${path.relative(process.cwd(), outDir)}/`);
await context.close();
