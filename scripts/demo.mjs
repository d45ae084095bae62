#!/usr/bin/env node
// `npm run demo`: opens Chromium with the built extension and a demo workspace.
// With a display it stays open for you to use; without one (or with --headless) it runs
// headless and saves screenshots of the popup, side panel and workspace page in both languages to
// .output/demo-screenshots/ (untracked), or to docs/screenshots/ (the README's) with --update-screenshots.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { extensionArgs, findChromium } from './chromium.mjs';

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 300);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const outDir = args.includes('--update-screenshots') ? path.resolve('docs', 'screenshots') : path.resolve('.output', 'demo-screenshots');

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
const popup = await context.newPage();
await popup.setViewportSize({ width: 400, height: 600 });
const panel = await context.newPage();
await panel.setViewportSize({ width: 360, height: 800 });

// Both languages: the switch in the workspace saves the setting, every surface follows it.
for (const [lang, suffix] of [['zh-CN', ''], ['en', '.en']]) {
  await workspace.bringToFront();
  await workspace.getByTestId('lang-switch').selectOption(lang);
  await workspace.waitForFunction((l) => document.documentElement.lang === l, lang);
  await workspace.locator('[data-customer-row] button').first().click();
  await workspace.waitForTimeout(400);
  await workspace.screenshot({ path: path.join(outDir, `workspace${suffix}.png`) });

  await popup.goto(url('popup.html'));
  await popup.getByTestId('due-list').waitFor();
  await popup.waitForTimeout(400);
  await popup.screenshot({ path: path.join(outDir, `popup${suffix}.png`) });

  await panel.goto(url('sidepanel.html'));
  await panel.locator('input[type=search]').first().fill(lang === 'en' ? 'wang' : '张');
  await panel.waitForTimeout(500);
  await panel.screenshot({ path: path.join(outDir, `sidepanel-search${suffix}.png`) });
  await panel.locator('.results button, [data-testid=search-results] button').first().click();
  await panel.waitForTimeout(400);
  await panel.screenshot({ path: path.join(outDir, `sidepanel-card${suffix}.png`) });
}

console.log(`No display: ran headless and saved screenshots to ${path.relative(process.cwd(), outDir)}/`);
await context.close();
