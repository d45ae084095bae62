import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PASS = 'blue harbor 42';

/** Everything every IndexedDB database of the extension holds (Cardfile's and the search index's), read raw. */
async function rawDatabase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: Record<string, unknown> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        dump[`${name}/${store}`] = await new Promise<unknown[]>((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result as unknown[]);
          r.onerror = () => reject(r.error);
        });
      }
      db.close();
    }
    // Typed arrays and strings of the search index serialise too; Sets/Maps become plain objects.
    return JSON.stringify(dump, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v));
  });
}

async function createCard(page: Page, name: string, email: string, phone: string) {
  await page.getByTestId('new-customer').click();
  const form = page.locator('form.customer-form');
  await form.locator('[name=name]').fill(name);
  await form.locator('[data-add=emails]').click();
  await form.locator('[name="emails.0.value"]').fill(email);
  await form.locator('[data-add=phones]').click();
  await form.locator('[name="phones.0.raw"]').fill(phone);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('customer-name')).toHaveText(name);
}

async function turnLockOn(page: Page, minutes: string) {
  await page.goto(page.url().replace(/#.*$/, '') + '#privacy');
  const lock = page.getByTestId('lock-settings');
  await lock.locator('[name=p1]').fill(PASS);
  await lock.locator('[name=p2]').fill(PASS);
  await lock.locator('[name=minutes]').fill(minutes);
  await page.getByTestId('lock-on').click();
  await expect(lock).toHaveAttribute('data-lock', 'on', { timeout: 30_000 });
}

test('lock on: no plaintext email or phone at rest; lock, reload, wrong then right passphrase shows the cards', async ({ openPage }) => {
  const ws = await openPage('options.html');
  await createCard(ws, 'Zhang Wei', 'zhang.wei@yunfan.example', '138 0013 8000');
  expect(await rawDatabase(ws)).toContain('zhang.wei@yunfan.example'); // the lock is off: stored in clear

  await turnLockOn(ws, '15');
  await ws.reload();
  const raw = await rawDatabase(ws);
  expect(raw).toContain('Zhang Wei');
  for (const secret of ['zhang.wei@yunfan.example', 'yunfan', '8613800138000', '138 0013 8000', '13800138000']) expect(raw).not.toContain(secret);

  await ws.getByTestId('lock-now').click();
  await expect(ws.getByTestId('unlock-form')).toBeVisible();
  await ws.reload();
  await expect(ws.getByTestId('unlock-form')).toBeVisible();
  await ws.getByTestId('unlock-form').locator('[name=passphrase]').fill('not the passphrase');
  await ws.getByTestId('unlock-form').getByRole('button').click();
  await expect(ws.getByTestId('unlock-error')).toBeVisible({ timeout: 20_000 });

  // The side panel is locked too, and unlocking in one page unlocks the others.
  const panel = await openPage('sidepanel.html');
  await expect(panel.getByTestId('unlock-form')).toBeVisible();
  await ws.getByTestId('unlock-form').locator('[name=passphrase]').fill(PASS);
  await ws.getByTestId('unlock-form').getByRole('button').click();
  await expect(ws.getByTestId('unlock-form')).toHaveCount(0, { timeout: 20_000 });
  await ws.goto(ws.url().replace(/#.*$/, '') + '#customers');
  await ws.getByText('Zhang Wei').first().click();
  await expect(ws.locator('.details')).toContainText('zhang.wei@yunfan.example');
  await expect(panel.getByTestId('unlock-form')).toHaveCount(0);
  await panel.getByTestId('search-input').fill('Zhang');
  await expect(panel.getByTestId('search-results')).toContainText('Zhang Wei');
  // The side panel's search index, built while unlocked, is not persisted in clear either.
  const after = await rawDatabase(ws);
  for (const secret of ['zhang.wei@yunfan.example', '13800138000']) expect(after).not.toContain(secret);
});

test('the lock comes back after the idle time', async ({ openPage }) => {
  const ws = await openPage('options.html');
  await createCard(ws, 'Ada Idle', 'ada@idle.example', '+44 20 7946 0958');
  await turnLockOn(ws, '0.05'); // 3 seconds
  await expect(ws.getByTestId('unlock-form')).toBeVisible({ timeout: 15_000 });
  expect(await rawDatabase(ws)).not.toContain('ada@idle.example');
});

test('while locked the popup lists who is due by name only', async ({ openPage }) => {
  const ws = await openPage('options.html');
  await ws.getByTestId('new-customer').click();
  const form = ws.locator('form.customer-form');
  await form.locator('[name=name]').fill('Due Person');
  await form.locator('[name=company]').fill('Secretive Corp');
  await form.getByRole('button', { name: 'Save' }).click();
  await ws.getByRole('button', { name: 'Log interaction' }).click();
  const ix = ws.locator('form.interaction-form');
  await ix.locator('[name=type]').selectOption('call');
  await ix.locator('[name=content]').fill('Discussed the renewal price');
  await ix.locator('[name=nextStep]').fill('Send the offer');
  await ix.locator('[name=nextStepDue]').fill(new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
  await ix.getByRole('button', { name: 'Save' }).click();
  await expect(ws.locator('[data-interaction=call]')).toContainText('Discussed the renewal price');

  const popup = await openPage('popup.html');
  await expect(popup.getByTestId('due-row').filter({ hasText: 'Due Person' }).first()).toContainText('Secretive Corp');

  await turnLockOn(ws, '15');
  expect(await rawDatabase(ws)).not.toContain('renewal price');
  await ws.getByTestId('lock-now').click();
  await popup.reload();
  await expect(popup.getByTestId('locked-badge')).toBeVisible();
  const row = popup.getByTestId('due-row').filter({ hasText: 'Due Person' }).first();
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('Secretive Corp');
});
