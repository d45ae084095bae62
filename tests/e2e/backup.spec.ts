import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PASS = 'green lantern 7';

async function createCard(page: Page, name: string, email: string) {
  await page.getByTestId('new-customer').click();
  const form = page.locator('form.customer-form');
  await form.locator('[name=name]').fill(name);
  await form.locator('[data-add=emails]').click();
  await form.locator('[name="emails.0.value"]').fill(email);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('customer-name')).toHaveText(name);
}

/** Customer names in the database, read raw. */
function customerNames(page: Page): Promise<string[]> {
  return page.evaluate(() => new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open('cardfile');
    open.onsuccess = () => {
      const r = open.result.transaction('customers').objectStore('customers').getAll();
      r.onsuccess = () => { resolve((r.result as { name: string }[]).map((c) => c.name).sort()); open.result.close(); };
      r.onerror = () => reject(r.error);
    };
  }));
}

for (const encrypted of [false, true]) {
  test(`${encrypted ? 'encrypted' : 'plain'} backup from Privacy, then restore it with a preview: only the backup's cards remain`, async ({ openPage }) => {
    const ws = await openPage('options.html');
    await createCard(ws, 'Zhang Wei', 'zhang.wei@yunfan.example');
    await ws.goto(ws.url().replace(/#.*$/, '') + '#privacy');
    const section = ws.getByTestId('backup-settings');
    if (encrypted) {
      await section.getByRole('checkbox').check();
      await section.locator('[name=bp]').fill(PASS);
    }
    const [download] = await Promise.all([ws.waitForEvent('download'), ws.getByTestId('backup-now').click()]);
    const file = await download.path();
    await expect(section.getByRole('status')).toHaveText('Backup saved.');
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    expect(text.includes('zhang.wei@yunfan.example')).toBe(!encrypted);

    await ws.goto(ws.url().replace(/#.*$/, ''));
    await createCard(ws, 'Only after the backup', 'later@example.org');
    expect(await customerNames(ws)).toEqual(['Only after the backup', 'Zhang Wei']);

    await ws.goto(ws.url().replace(/#.*$/, '') + '#privacy');
    ws.on('dialog', (d) => void d.accept(PASS));
    await ws.getByTestId('restore-file').setInputFiles(file);
    const preview = ws.getByTestId('restore-preview');
    await expect(preview).toContainText('This replaces 2 customers');
    await preview.getByRole('button').click();
    await expect(ws.getByTestId('backup-settings').getByRole('status')).toHaveText('Backup restored.', { timeout: 30_000 });
    expect(await customerNames(ws)).toEqual(['Zhang Wei']);

    // The workspace's Import page takes the same file (a .json is restored, streamed, with its own preview).
    await ws.goto(ws.url().replace(/#.*$/, ''));
    await createCard(ws, 'Again after the backup', 'again@example.org');
    await ws.goto(ws.url().replace(/#.*$/, '') + '#import');
    await ws.getByTestId('import-file').setInputFiles({ name: 'cardfile-backup.json', mimeType: 'application/json', buffer: (await import('node:fs')).readFileSync(file) });
    await expect(ws.getByTestId('restore-preview')).toContainText('2 customers');
    await ws.getByTestId('restore-commit').click();
    await expect(ws.getByTestId('restore-preview')).toHaveCount(0, { timeout: 30_000 });
    expect(await customerNames(ws)).toEqual(['Zhang Wei']);
  });
}
