import http from 'node:http';
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';

// The e2e build: host access to 127.0.0.1 (standing in for the activeTab a menu click grants) and
// the hook that fires a context-menu click (a test cannot click native menus).
test.use({ e2eBuild: true });

declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  storage: { local: { set(v: object): Promise<void> } };
};

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Acme — Q3 pricing thread</title></head>
<body><h1>Pricing</h1><p>Contact: wang.fang@acme.test</p><p>We can offer 12% off for 500 seats, valid until March.</p>
<p>US desk: <a href="tel:415.555.0100">415.555.0100</a> · <a href="mailto:sales@acme.test">sales@acme.test</a></p></body></html>`;

async function serve(html: string) {
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/pricing.html`, close: () => server.close() };
}

/** Fire a context-menu item the way the browser does on a click, in the tab showing `url`. */
async function menu(sw: Worker, menuItemId: string, url: string, extra: { selectionText?: string; title?: string } = {}) {
  await sw.evaluate(async ([id, pageUrl, sel, title]) => {
    const tab = (await chrome.tabs.query({ url: pageUrl }))[0];
    const hook = (globalThis as unknown as { cardfileTest: { onCaptureMenu(info: object, tab: object): Promise<void> } }).cardfileTest;
    await hook.onCaptureMenu({ menuItemId: id, pageUrl, selectionText: sel }, { id: tab?.id, url: pageUrl, title, windowId: -1 });
  }, [menuItemId, url, extra.selectionText, extra.title] as const);
}

/** A card made through the selection clip, as a user would. */
async function makeCard(sw: Worker, openPage: (p: string) => Promise<Page>, url: string, selection: string) {
  await menu(sw, 'cardfile-clip-selection', url, { selectionText: selection });
  const panel = await openPage('sidepanel.html');
  await expect(panel.getByTestId('review')).toBeVisible();
  await panel.getByTestId('review-save').click();
  await expect(panel.getByTestId('customer-name')).toBeVisible();
  await panel.close();
}

test('"Add selection as note to …" suggests the customer whose address is on the page; the note lands on their timeline', async ({ context, openPage, serviceWorker }) => {
  const site = await serve(PAGE);
  const page = await context.newPage();
  await page.goto(site.url);
  await makeCard(serviceWorker, openPage, site.url, 'Wang Fang\nCTO, Acme Ltd\nwang.fang@acme.test');
  await makeCard(serviceWorker, openPage, site.url, 'Zhao Lei\nBuyer, Globex\nzhao.lei@globex.test');

  const selection = 'We can offer 12% off for 500 seats, valid until March.';
  await menu(serviceWorker, 'cardfile-note-selection', site.url, { selectionText: selection, title: 'Acme — Q3 pricing thread' });
  const panel = await openPage('sidepanel.html');
  await expect(panel.getByTestId('note-review')).toBeVisible();
  await expect(panel.getByTestId('note-text')).toHaveText(selection);
  // Suggested from the address the page shows (the selection itself has none); Zhao Lei is not on this page.
  await expect(panel.getByTestId('note-pick')).toHaveText(['Add to Wang Fang']);
  await panel.getByTestId('note-pick').click();

  await expect(panel.getByTestId('customer-name')).toHaveText('Wang Fang');
  const note = panel.locator('[data-interaction=note]');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('Acme — Q3 pricing thread');
  await expect(note).toContainText(selection);
  await expect(note).toContainText(site.url);
  await expect(note.locator('a')).toHaveAttribute('href', site.url);
  site.close();
});

test('with nothing on the page to go by, the customer is picked by search', async ({ context, openPage, serviceWorker }) => {
  const site = await serve('<!doctype html><title>Trade fair notes</title><p>Met at the fair; wants samples in May.</p>');
  const page = await context.newPage();
  await page.goto(site.url);
  await makeCard(serviceWorker, openPage, site.url, '李娜\n销售总监\n上海云帆科技有限公司\nli.na@yunfan.test');

  await menu(serviceWorker, 'cardfile-note-selection', site.url, { selectionText: 'wants samples in May', title: 'Trade fair notes' });
  const panel = await openPage('sidepanel.html');
  await expect(panel.getByTestId('note-no-match')).toBeVisible();
  await panel.getByTestId('note-search').fill('云帆');
  await expect(panel.getByTestId('note-pick')).toHaveText(['Add to 李娜']);
  await panel.getByTestId('note-pick').click();
  await expect(panel.getByTestId('customer-name')).toHaveText('李娜');
  await expect(panel.locator('[data-interaction=note]')).toContainText('wants samples in May');
  await expect(panel.locator('[data-interaction=note]')).toContainText('Trade fair notes');
  site.close();
});

test('"Clip this page" reads phone numbers with the region from the settings (US → +1)', async ({ context, openPage, serviceWorker }) => {
  const site = await serve(PAGE);
  const page = await context.newPage();
  await page.goto(site.url);
  await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { defaultRegion: 'US' } }));
  await menu(serviceWorker, 'cardfile-clip-page', site.url);
  const panel = await openPage('sidepanel.html');
  await expect(panel.getByTestId('review')).toBeVisible();
  await expect(panel.getByTestId('review-e164').first()).toContainText('+14155550100');

  // Several contacts: select all / none; where each field came from is said in words, not codes.
  const selects = panel.getByTestId('review-select');
  expect(await selects.count()).toBeGreaterThan(1);
  await panel.getByTestId('review-select-none').click();
  for (const box of await selects.all()) await expect(box).not.toBeChecked();
  await expect(panel.getByTestId('review-save')).toBeDisabled();
  await panel.getByTestId('review-select-all').click();
  for (const box of await selects.all()) await expect(box).toBeChecked();
  await expect(panel.getByTestId('review-provenance').filter({ hasText: 'from a phone link' }).first()).toBeVisible();
  await expect(panel.getByTestId('review-provenance').filter({ hasText: /tel-link|page-text|mailto/ })).toHaveCount(0);
  site.close();
});
