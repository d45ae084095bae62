import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '..', 'fixtures');
const corpus = [process.env.CARDFILE_CORPUS, path.resolve(here, '../../../shared/corpus'), '/work/shared/corpus'].find((p) => p && existsSync(p));
const read = (...p: string[]) => readFileSync(path.join(fixtures, ...p), 'utf8');

/** Serve a saved page on a real webmail host, so the content script runs there. */
async function routeHost(context: BrowserContext, pattern: string, html: string) {
  await context.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

/** The clip's review form, opened as the side panel's page. */
async function review(openPage: (p: string) => Promise<Page>) {
  const panel = await openPage('sidepanel.html');
  await expect(panel.getByTestId('review')).toBeVisible();
  return panel;
}

test('Gmail: clip the sender, review, save; the card and the email exist; clipping again duplicates nothing', async ({ context, openPage }) => {
  await routeHost(context, 'https://mail.google.com/**', read('gmail', 'conversation-2025.html'));
  const mail = await context.newPage();
  await mail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzYw');
  const clipButton = mail.locator('[data-cardfile-clip]').first();
  await expect(clipButton).toBeVisible();
  await clipButton.click();

  const panel = await review(openPage);
  await expect(panel.getByTestId('review-contact').first().locator('[name="0.name"]')).toHaveValue('Vinod Kumar');
  await expect(panel.getByTestId('review-contact').first().locator('[name="0.emails"]')).toHaveValue('vinod.kumar@jiit.example.in');
  await panel.getByTestId('review-save').click();
  await expect(panel.getByTestId('customer-name')).toHaveText('Vinod Kumar');
  await expect(panel.locator('[data-interaction=email]')).toHaveCount(1);
  await expect(panel.locator('[data-interaction=email]')).toContainText('Campus placement drive');

  // Clip the same message again: the review offers the existing card; saving logs nothing new.
  await mail.bringToFront();
  await clipButton.click();
  const again = await review(openPage);
  await expect(again.getByTestId('match-update').first()).toBeChecked();
  await again.getByTestId('review-save').click();
  await expect(again.getByTestId('customer-name')).toHaveText('Vinod Kumar');
  await expect(again.locator('[data-interaction=email]')).toHaveCount(1);
  await again.getByTestId('search-input').waitFor({ state: 'detached' }).catch(() => undefined);
  const workspace = await openPage('options.html');
  await expect(workspace.getByText('Vinod Kumar')).toHaveCount(1);
});

test('QQ Mail (saved readmail page): clip, review shows the Chinese sender', async ({ context, openPage }) => {
  if (!corpus) console.warn('[cardfile] ../shared/corpus not found: QQ e2e test SKIPPED');
  test.skip(!corpus, 'shared corpus missing');
  const qq = readFileSync(path.join(corpus!, 'webmail', 'qqmail-readmail-2018__saved-page.html'), 'utf8').replace(/<link[^>]+>/g, '');
  await routeHost(context, 'https://mail.qq.com/**', qq);
  const mail = await context.newPage();
  await mail.goto('https://mail.qq.com/cgi-bin/readmail?folderid=1&t=readmail&mailid=390000000191630792202648542861');
  await mail.locator('[data-cardfile-clip]').first().click();
  const panel = await review(openPage);
  await expect(panel.locator('[name="0.name"]')).toHaveValue('QQ邮箱管理员');
  await expect(panel.getByTestId('review-contact')).toHaveCount(2);
  await panel.getByTestId('review-save').click();
  await expect(panel.getByTestId('customer-name')).toHaveText('QQ邮箱管理员');
  await expect(panel.locator('[data-interaction=email]')).toContainText('开始使用你的邮箱');
});

test('a hostile sender name shows as text, and an unreadable page says so', async ({ context, openPage }) => {
  await routeHost(context, 'https://mail.google.com/**', read('gmail', 'hostile.html'));
  const mail = await context.newPage();
  let dialogs = 0;
  mail.on('dialog', (d) => { dialogs++; void d.dismiss(); });
  await mail.goto('https://mail.google.com/mail/u/0/#inbox/x');
  await mail.locator('[data-cardfile-clip]').first().click();
  const panel = await review(openPage);
  await expect(panel.getByTestId('review-name').first()).toHaveText('<img src=x onerror=alert(1)><script>alert(2)</script>');
  await expect(panel.locator('.review img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('Outlook on outlook.cloud.microsoft: the clip control appears and the review shows the sender', async ({ context, openPage }) => {
  await routeHost(context, 'https://outlook.cloud.microsoft/**', read('outlook', 'persona.html'));
  const mail = await context.newPage();
  await mail.goto('https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2TG93AAA%3D');
  await mail.locator('[data-cardfile-clip]').first().click();
  const panel = await review(openPage);
  await expect(panel.locator('[name="0.name"]')).toHaveValue('Anna Schmidt');
  await expect(panel.locator('[name="0.emails"]')).toHaveValue('anna.schmidt@fabrikam.example');
});

test('QQ Mail new client on wx.mail.qq.com: clip beside the sender, the signature fills the review', async ({ context, openPage }) => {
  await routeHost(context, 'https://wx.mail.qq.com/**', read('qq', 'wx-readmail.html'));
  const mail = await context.newPage();
  await mail.goto('https://wx.mail.qq.com/home/index?sid=x#/read/1');
  await mail.locator('[data-cardfile-clip]').first().click();
  const panel = await review(openPage);
  await expect(panel.locator('[name="0.name"]')).toHaveValue('陈志强');
  await expect(panel.locator('[name="0.emails"]')).toHaveValue('chen.zq@hx-trading.example.cn');
  await expect(panel.locator('[name="0.company"]')).toHaveValue('宁波华信进出口有限公司');
});

test('known customer: the chip appears by the sender and "Log this email" logs once', async ({ context, openPage }) => {
  // First make Vinod a customer by clipping one message.
  await routeHost(context, 'https://mail.google.com/mail/u/0/**', read('gmail', 'conversation-2025.html'));
  const mail = await context.newPage();
  await mail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzYw');
  await mail.locator('[data-cardfile-clip]').first().click();
  const panel = await review(openPage);
  await panel.getByTestId('review-save').click();
  await expect(panel.locator('[data-interaction=email]')).toHaveCount(1);
  await panel.close();

  // A second message from him: the chip shows his card's name, one click logs it, a second click logs nothing.
  const second = read('gmail', 'conversation-2025.html').replace('19260a1b2c3d4e5f', '19260a1b2c3d9999').replace(/Campus placement drive/g, 'Placement results');
  await context.unroute('https://mail.google.com/mail/u/0/**');
  await routeHost(context, 'https://mail.google.com/mail/u/0/**', second);
  await mail.bringToFront();
  await mail.reload();
  const chip = mail.locator('[data-cardfile-chip]');
  await expect(chip).toContainText('Vinod Kumar');
  await chip.locator('[data-cardfile-log]').click();
  await expect(chip.locator('[data-cardfile-log]')).toHaveText('Logged');
  await mail.reload();
  await mail.locator('[data-cardfile-chip] [data-cardfile-log]').click();
  await expect(mail.locator('[data-cardfile-chip] [data-cardfile-log]')).toHaveText('Already logged');

  await mail.locator('[data-cardfile-chip] button').first().click();
  const card = await openPage('sidepanel.html');
  await expect(card.getByTestId('customer-name')).toHaveText('Vinod Kumar');
  await expect(card.locator('[data-interaction=email]')).toHaveCount(2);
  await expect(card.locator('[data-interaction=email]').first()).toContainText('Placement results');
});

test('a second clip during a review waits: the form asks before showing it', async ({ context, openPage }) => {
  await routeHost(context, 'https://mail.google.com/**', read('gmail', 'conversation-2025.html'));
  await routeHost(context, 'https://outlook.cloud.microsoft/**', read('outlook', 'persona.html'));
  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzYw');
  await gmail.locator('[data-cardfile-clip]').first().click();
  const panel = await review(openPage);
  await expect(panel.locator('[name="0.name"]')).toHaveValue('Vinod Kumar');

  const outlook = await context.newPage();
  await outlook.goto('https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2TG93AAA%3D');
  await outlook.locator('[data-cardfile-clip]').first().click();
  await expect(panel.getByTestId('review-waiting')).toBeVisible();
  await expect(panel.locator('[name="0.name"]')).toHaveValue('Vinod Kumar');
  await panel.getByTestId('review-take-waiting').click();
  await expect(panel.locator('[name="0.name"]')).toHaveValue('Anna Schmidt');
  await expect(panel.getByTestId('review-waiting')).toHaveCount(0);
});
