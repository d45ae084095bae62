import http from 'node:http';
import { expect, test } from './fixtures';

/**
 * "On this page" reads the tab through activeTab + scripting, which Chrome grants only when the
 * user invokes Cardfile on that tab (toolbar button, shortcut, context menu): a test cannot press
 * the browser's own UI. So these tests load the e2e build, whose manifest also lists
 * http://127.0.0.1/* — exactly the access activeTab gives after that gesture (see wxt.config.ts).
 */
test.use({ e2eBuild: true });

/** A web page on 127.0.0.1 showing a customer's address (and one nobody has). */
async function servePage(html: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/team.html`, close: () => server.close() };
}

async function createCustomer(openPage: (p: string) => Promise<import('@playwright/test').Page>, name: string, email: string, company = '') {
  const workspace = await openPage('options.html');
  await workspace.getByTestId('new-customer').click();
  const form = workspace.locator('form.customer-form');
  await form.locator('[name=name]').fill(name);
  await form.locator('[name=company]').fill(company);
  await form.locator('[data-add=emails]').click();
  await form.locator('[name="emails.0.value"]').fill(email);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(workspace.getByTestId('customer-name')).toHaveText(name);
  return workspace;
}

test('"On this page" lists the customer whose email the tab shows, and follows tab switches', async ({ context, openPage }) => {
  await createCustomer(openPage, 'Mary Johnson', 'mary@globex.com', 'Globex');
  await createCustomer(openPage, '张伟', 'zw@huawei.com', '华为技术有限公司');
  const site = await servePage('<h1>Our team</h1><p>Write to <b>mary@globex.com</b> or someone@nowhere.org</p>');
  const other = await servePage('<p>Procurement: <a href="mailto:zw@huawei.com">张先生</a></p>');
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    const panel = await openPage('sidepanel.html');
    const here = panel.getByTestId('on-this-page');
    await expect(here).toContainText('Mary Johnson');
    await expect(here).toContainText('email on page');
    await expect(here).not.toContainText('张伟');

    // Navigating the tab changes what is on it.
    await page.goto(other.url);
    await expect(here).toContainText('张伟');
    await expect(here).not.toContainText('Mary Johnson');

    await here.getByRole('button', { name: /张伟/ }).click();
    await expect(panel.getByTestId('customer-name')).toHaveText('张伟');
  } finally {
    site.close();
    other.close();
  }
});

test('search, open, edit in place, log an interaction and schedule a follow-up with the keyboard alone', async ({ openPage }) => {
  const workspace = await createCustomer(openPage, '张伟', 'zw@huawei.com', '华为技术有限公司');
  await createCustomer(openPage, '张伟明', 'zwm@tencent.com', '腾讯科技');
  const panel = await openPage('sidepanel.html');
  await expect(panel.locator('[data-search-status=ready]')).toBeVisible();
  const input = panel.getByTestId('search-input');
  await expect(input).toBeFocused();

  for (const q of ['zhangwei', 'zw', 'zhang wei', '张w']) {
    await input.fill('');
    await panel.keyboard.type(q);
    await expect(panel.getByTestId('search-results').locator('button.result').first()).toContainText('张伟');
  }
  await expect(panel.getByTestId('search-results').locator('button.result')).toHaveCount(2);

  // Arrow down into the results, Enter opens the first.
  await panel.keyboard.press('ArrowDown');
  await expect(panel.locator('button.result').first()).toBeFocused();
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('customer-name')).toHaveText('张伟');

  // Edit the title in place: Enter edits, typing, Enter saves; Escape would cancel.
  const title = panel.getByRole('button', { name: /^Title:/ });
  await title.focus();
  await panel.keyboard.press('Enter');
  await expect(panel.locator('[data-inline=title] input')).toBeFocused();
  await panel.keyboard.type('采购经理');
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: /^Title: 采购经理/ })).toBeFocused();
  // The workspace, another page, follows without a reload.
  await expect(workspace.locator('.details')).toContainText('采购经理');

  const company = panel.getByRole('button', { name: /^Company:/ });
  await company.focus();
  await panel.keyboard.press('Enter');
  await expect(panel.locator('[data-inline=company] input')).toBeFocused();
  await panel.keyboard.type('Changed my mind');
  await panel.keyboard.press('Escape');
  await expect(panel.getByRole('button', { name: /^Company: 华为技术有限公司/ })).toBeFocused();

  // Log an interaction: the form opens with focus inside, Ctrl+Enter in the content saves.
  await panel.getByRole('button', { name: 'Log interaction' }).focus();
  await panel.keyboard.press('Enter');
  await expect(panel.locator('form.interaction-form [name=type]')).toBeFocused();
  await panel.locator('form.interaction-form [name=content]').focus();
  await panel.keyboard.type('Called about the pilot');
  await panel.keyboard.press('Control+Enter');
  await expect(panel.locator('[data-interaction=call]')).toContainText('Called about the pilot');
  await expect(panel.getByRole('button', { name: 'Log interaction' })).toBeFocused();

  // Schedule a follow-up.
  await panel.getByRole('button', { name: 'Schedule follow-up' }).focus();
  await panel.keyboard.press('Enter');
  await expect(panel.locator('[data-testid=schedule-form] [name=note]')).toBeFocused();
  await panel.keyboard.type('Send the quotation');
  await panel.keyboard.press('Tab');
  await panel.keyboard.type('01152030');
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('follow-ups')).toContainText('Send the quotation');

  // Back to search: the edited card is found by its new title.
  await panel.getByRole('button', { name: /Back/ }).click();
  await panel.getByTestId('search-input').fill('采购');
  await expect(panel.getByTestId('search-results')).toContainText('张伟');
});
