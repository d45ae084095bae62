import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Issue 18: a cold workspace paints its first screen from a snapshot in storage.local. It is used
// only while no customer write committed since it was made, from whichever context the write came.
declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<{ ok?: boolean } | undefined> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
};

const DAY = 86_400_000;
function customer(i: number) {
  const at = Date.now() - (100 - i) * 60_000;
  return {
    id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`, createdAt: at, updatedAt: at, rev: 1, deletedAt: null, kind: 'person',
    name: `Customer ${String(i).padStart(3, '0')}`, company: `Company ${i}`, title: '', department: '', emails: [], phones: [], addresses: [],
    websites: [], social: [], interests: [], industry: '', source: 'manual', owner: '', stage: 'active', tags: [], notes: '', customFields: {},
    emailKeys: [], phoneKeys: [], valueTier: 'unknown', activityTier: 'inactive', status: 'potential', lifecycle: 'acquisition', value: 0,
    reviewedAt: at - 400 * DAY, signedAt: at - 30 * DAY,
  };
}

async function seed(page: Page, n: number) {
  await page.evaluate(async (records) => {
    // The page's Dexie creates the database on open: a raw open before that would create an empty one.
    for (let i = 0; i < 200 && !(await indexedDB.databases()).some((d) => d.name === 'cardfile' && (d.version ?? 0) > 1); i++) await new Promise((r) => setTimeout(r, 50));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('cardfile');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['customers'], 'readwrite');
      for (const c of records) tx.objectStore('customers').add(c);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    // The daily pass writes every card through Dexie (derived fields), as a real workspace has been.
    const reply = await chrome.runtime.sendMessage({ type: 'followups/refresh', payload: { all: true } });
    if (!reply?.ok) throw new Error(`daily pass failed: ${JSON.stringify(reply)}`);
  }, Array.from({ length: n }, (_, i) => customer(i)));
}

const snapshotStored = (page: Page) => page.evaluate(async () => !!(await chrome.storage.local.get('workspaceFirstScreen')).workspaceFirstScreen);
const paintedFromSnapshot = (page: Page) => page.evaluate(() => performance.getEntriesByName('cardfile:ws:snapshot').length > 0);

test('the workspace paints from its snapshot until a write from another context voids it', async ({ openPage }) => {
  const first = await openPage('options.html');
  await seed(first, 80);
  await first.reload();
  await expect(first.locator('[data-customer-row]').first()).toBeVisible();
  await expect.poll(() => snapshotStored(first)).toBe(true);
  expect(await paintedFromSnapshot(first)).toBe(false);
  await first.close();

  // Nothing written since: the next open paints from the snapshot, the same rows as the database.
  const second = await openPage('options.html');
  await expect(second.locator('[data-customer-row]').first()).toBeVisible();
  expect(await paintedFromSnapshot(second)).toBe(true);
  const names = await second.locator('[data-customer-row]').allTextContents();
  expect(names.join(' ')).toContain('Customer 079');

  await second.close();

  // The company of a card changed in the side panel (another page, its own write): the snapshot goes,
  // and the next open shows the change, read from the database.
  const panel = await openPage(`sidepanel.html?customer=${customer(5).id}`);
  await expect(panel.getByTestId('customer-name')).toHaveText('Customer 005');
  const company = panel.getByRole('button', { name: /^Company:/ });
  await company.click();
  await panel.locator('[data-inline=company] input').fill('Renamed Holdings');
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: /^Company: Renamed Holdings/ })).toBeVisible();
  await expect.poll(() => snapshotStored(panel)).toBe(false);
  await panel.close();

  const third = await openPage('options.html');
  await expect(third.locator('[data-customer-row]').first()).toContainText('Renamed Holdings');
  expect(await paintedFromSnapshot(third)).toBe(false);
  // …and it is stored again for the open after.
  await expect.poll(() => snapshotStored(third)).toBe(true);
});
