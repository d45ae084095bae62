import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

// A rendered card (scripts/ocr-cards.mjs) with its true fields; OCR runs in the extension, offline.
const cards = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'capture', 'ocr', 'cards');
const card = JSON.parse(readFileSync(path.join(cards, 'card-012-zh-left.json'), 'utf8')) as { file: string; truth: { name: string; company: string; email: string } };

test('a card image dropped on the side panel opens the review with the image; saving keeps it on the card', async ({ openPage, context }) => {
  // Nothing may be fetched from outside the extension: every request to the network fails the test.
  const outside: string[] = [];
  context.on('request', (r) => { if (!/^(chrome-extension|data|blob):/.test(r.url())) outside.push(r.url()); });
  const panel = await openPage('sidepanel.html');
  const bytes = [...readFileSync(path.join(cards, card.file))];
  const transfer = await panel.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'card.png', { type: 'image/png' }));
    return dt;
  }, bytes);
  await panel.locator('.eml-drop').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(panel.getByTestId('review')).toBeVisible({ timeout: 45_000 });
  const contact = panel.getByTestId('review-contact').first();
  await expect(contact.locator('[name="0.name"]')).toHaveValue(card.truth.name);
  await expect(contact.locator('[name="0.company"]')).toHaveValue(card.truth.company);
  await expect(contact.locator('[name="0.emails"]')).toHaveValue(card.truth.email);
  await expect(contact.getByTestId('review-provenance').first()).toHaveText(/read from the image/);
  await expect(panel.getByTestId('review-images').locator('img')).toHaveCount(1);
  await panel.getByTestId('review-save').click();
  await expect(panel.getByTestId('customer-name')).toHaveText(card.truth.name);
  await expect(panel.getByTestId('card-image')).toHaveCount(1);
  const stored = await panel.evaluate(() => new Promise<number>((resolve) => {
    const req = indexedDB.open('cardfile');
    req.onsuccess = () => { const c = req.result.transaction('cardImages').objectStore('cardImages').count(); c.onsuccess = () => resolve(c.result); };
  }));
  expect(stored).toBe(1);
  expect(outside).toEqual([]);
});

test('bad input says so in words and saves nothing: not an image, too large, no text', async ({ openPage }) => {
  const panel = await openPage('sidepanel.html');
  await panel.getByTestId('open-scan').click();
  const input = panel.getByTestId('scan-input');
  await input.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text, not a picture') });
  await expect(panel.getByTestId('scan-error')).toHaveText(/notes\.png is not an image/);
  // A 50 MB "photo" (Playwright passes buffers only up to 50 MB: write it to a file).
  const big = Buffer.alloc(50 * 1024 * 1024);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(big);
  const bigPath = path.join(test.info().outputDir, 'huge.jpg');
  mkdirSync(test.info().outputDir, { recursive: true });
  writeFileSync(bigPath, big);
  await input.setInputFiles(bigPath);
  await expect(panel.getByTestId('scan-error')).toHaveText(/huge\.jpg is too large/);
  // A blank picture: no text, no contact.
  const blank = await panel.evaluate(async () => {
    const c = new OffscreenCanvas(600, 360);
    const g = c.getContext('2d')!;
    g.fillStyle = '#f4f4f0';
    g.fillRect(0, 0, 600, 360);
    return [...new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer())];
  });
  await input.setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: Buffer.from(blank) });
  await expect(panel.getByTestId('scan-error')).toHaveText(/No contact details were found in blank\.png/, { timeout: 45_000 });
  await expect(panel.getByTestId('review')).toHaveCount(0);
  const count = await panel.evaluate(() => new Promise<number>((resolve) => {
    const req = indexedDB.open('cardfile');
    req.onsuccess = () => { const c = req.result.transaction('customers').objectStore('customers').count(); c.onsuccess = () => resolve(c.result); };
  }));
  expect(count).toBe(0);
});

test('the Chinese UI says the same in Chinese', async ({ openPage }) => {
  const panel = await openPage('sidepanel.html');
  await panel.getByTestId('lang-switch').selectOption('zh-CN');
  await expect(panel.getByTestId('open-scan')).toHaveText('扫描名片');
  await panel.getByTestId('open-scan').click();
  const input = panel.getByTestId('scan-input');
  await input.setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('nope') });
  await expect(panel.getByTestId('scan-error')).toHaveText(/a\.png 不是图片/);
});

test('workspace new card: a card image dropped on the scan entry fills the form, fields marked as read from the image; saving keeps the image', async ({ openPage }) => {
  const workspace = await openPage('options.html');
  await workspace.getByTestId('new-customer').click();
  const pane = workspace.getByTestId('new-customer-pane');
  const transfer = await workspace.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'card.png', { type: 'image/png' }));
    return dt;
  }, [...readFileSync(path.join(cards, card.file))]);
  await pane.locator('.scan__drop').dispatchEvent('drop', { dataTransfer: transfer });
  const form = pane.locator('form.customer-form');
  await expect(form.locator('[name=name]')).toHaveValue(card.truth.name, { timeout: 45_000 });
  await expect(form.locator('[name=company]')).toHaveValue(card.truth.company);
  await expect(form.locator('[name="emails.0.value"]')).toHaveValue(card.truth.email);
  for (const f of ['name', 'company', 'emails', 'phones']) await expect(form.locator(`[data-testid=form-provenance][data-for=${f}]`)).toHaveText('read from the image');
  // A field the card does not fill carries no mark.
  await expect(form.locator('[data-testid=form-provenance][data-for=owner]')).toHaveCount(0);
  await expect(pane.locator('.review-images img')).toHaveCount(1);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(workspace.getByTestId('customer-name')).toHaveText(card.truth.name);
  await expect(workspace.getByTestId('card-image')).toHaveCount(1);
  const stored = await workspace.evaluate(() => new Promise<[number, string]>((resolve) => {
    const req = indexedDB.open('cardfile');
    req.onsuccess = () => {
      const tx = req.result.transaction(['cardImages', 'customers']);
      const imgs = tx.objectStore('cardImages').getAll();
      const custs = tx.objectStore('customers').getAll();
      tx.oncomplete = () => resolve([imgs.result.length, (custs.result[0] as { source?: string }).source ?? '']);
    };
  }));
  expect(stored).toEqual([1, 'card-scan']);
});
