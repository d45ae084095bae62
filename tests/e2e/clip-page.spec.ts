import http from 'node:http';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// These tests use the e2e build: it adds host access to 127.0.0.1, standing in for the activeTab
// grant that only a real click on the toolbar button or a context-menu item gives (see wxt.config.ts).
test.use({ e2eBuild: true });

/** The extension API inside service-worker callbacks (the tests themselves run in Node). */
declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };

const CONTACT_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>联系我们 - 云帆科技</title>
<meta property="og:site_name" content="上海云帆科技有限公司">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"李娜","jobTitle":"销售总监",
"email":"mailto:li.na@yunfan.test","telephone":"+86 138 0013 8001","worksFor":{"@type":"Organization","name":"上海云帆科技有限公司"}}</script>
</head><body><h1>联系我们</h1><p>销售总监 李娜</p><p>Selected text: Wang Fang, CTO, Acme Ltd, T: +1 415 555 0134, wang.fang@acme.test</p></body></html>`;

async function servePage(html: string) {
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/contact.html`, close: () => server.close() };
}

async function reviewPanel(openPage: (p: string) => Promise<Page>) {
  const panel = await openPage('sidepanel.html');
  await expect(panel.getByTestId('review')).toBeVisible();
  return panel;
}

test('popup "Clip this page" reads schema.org from a page, review, save, find the card', async ({ context, openPage }) => {
  const site = await servePage(CONTACT_PAGE);
  const page = await context.newPage();
  await page.goto(site.url);
  const popup = await openPage('popup.html');
  await popup.getByTestId('clip-page').click();

  const panel = await reviewPanel(openPage);
  const first = panel.getByTestId('review-contact').first();
  await expect(first.locator('[name="0.name"]')).toHaveValue('李娜');
  await expect(first.locator('[name="0.emails"]')).toHaveValue('li.na@yunfan.test');
  await panel.getByTestId('review-save').click();
  await expect(panel.getByTestId('customer-name')).toHaveText('李娜');

  const workspace = await openPage('options.html');
  await expect(workspace.getByText('李娜')).toHaveCount(1);
  site.close();
});

test('context menu "Clip this page" and "Clip selection as contact" go through the same review', async ({ context, openPage, serviceWorker }) => {
  const site = await servePage(CONTACT_PAGE);
  const page = await context.newPage();
  await page.goto(site.url);
  const tabId = await serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url: `${url}*` }))[0]?.id, site.url.replace(/contact\.html$/, ''));
  expect(tabId).toBeDefined();

  // The menu handler the browser calls on a click (the e2e build exposes it; a test cannot click native menus).
  await serviceWorker.evaluate(async ([id, url]) => {
    const hook = (globalThis as unknown as { cardfileTest: { onCaptureMenu(info: object, tab: object): Promise<void> } }).cardfileTest;
    await hook.onCaptureMenu({ menuItemId: 'cardfile-clip-page', pageUrl: url }, { id, url, windowId: -1 });
  }, [tabId, site.url] as const);
  const panel = await reviewPanel(openPage);
  await expect(panel.getByTestId('review-contact').first().locator('[name="0.name"]')).toHaveValue('李娜');

  await serviceWorker.evaluate(async ([id, url]) => {
    const hook = (globalThis as unknown as { cardfileTest: { onCaptureMenu(info: object, tab: object): Promise<void> } }).cardfileTest;
    await hook.onCaptureMenu(
      { menuItemId: 'cardfile-clip-selection', pageUrl: url, selectionText: 'Wang Fang\nCTO, Acme Ltd\nT: +1 415 555 0134\nwang.fang@acme.test' },
      { id, url, windowId: -1 },
    );
  }, [tabId, site.url] as const);
  await panel.reload();
  // The review on screen is not replaced: the new clip waits until the user chooses it.
  await expect(panel.getByTestId('review-contact').first().locator('[name="0.name"]')).toHaveValue('李娜');
  await panel.getByTestId('review-take-waiting').click();
  const contact = panel.getByTestId('review-contact').first();
  await expect(contact.locator('[name="0.emails"]')).toHaveValue('wang.fang@acme.test');
  await panel.getByTestId('review-save').click();
  await expect(panel.getByTestId('customer-name')).toBeVisible();
  await expect(panel.locator('.details, [data-testid=card]').first()).toContainText('wang.fang@acme.test');
  site.close();
});
