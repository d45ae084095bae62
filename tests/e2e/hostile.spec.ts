import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const EVIL_NAME = '<img src=x onerror="window.__pwned=1">';
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A Gmail page whose sender and signature are hostile, and which forges messages of its own. */
function hostileGmail(): string {
  const html = readFileSync(path.resolve(here, '..', 'fixtures', 'gmail', 'conversation-2025.html'), 'utf8')
    .replaceAll('Vinod Kumar', escapeHtml(EVIL_NAME))
    .replace('Thanks &amp; Regards', `Thanks &amp; Regards</div><div>${escapeHtml('<script>window.__pwned=1</script>')}</div><div>Web: javascript:window.__pwned=1</div><div>${'Ω'.repeat(200_000)}`);
  const forge = `<script>
    window.__forged = [];
    const draft = { provider: 'gmail', contacts: [{ name: 'Forged Person', emails: [{ value: 'forged@evil.example' }] }], warnings: [] };
    for (const m of [{ type: 'capture/draft', payload: { draft } }, { source: 'cardfile', type: 'capture/draft', payload: { draft } }, { type: 'followups/done', payload: { id: 'x' } }]) {
      window.postMessage(m, '*');
      window.__forged.push('posted');
    }
    document.dispatchEvent(new CustomEvent('cardfile:clip', { detail: draft }));
    window.__runtime = typeof chrome !== 'undefined' && chrome.runtime && typeof chrome.runtime.sendMessage === 'function' ? 'reachable' : 'absent';
  </script>`;
  return html.replace('</body>', `${forge}</body>`);
}

async function customerCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('cardfile');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    if (!db.objectStoreNames.contains('customers')) return 0;
    const n = await new Promise<number>((resolve) => { const r = db.transaction('customers').objectStore('customers').count(); r.onsuccess = () => resolve(r.result); });
    db.close();
    return n;
  });
}

test('a hostile webmail page: forged messages do nothing, hostile names stay text, nothing is saved without Save', async ({ context, openPage }) => {
  const dialogs: string[] = [];
  context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); }));
  await context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostileGmail() }));
  const mail = await context.newPage();
  await mail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzYw');
  expect(await mail.evaluate(() => (window as { __runtime?: string }).__runtime)).toBe('absent');
  expect(await mail.evaluate(() => (window as { __forged?: string[] }).__forged?.length)).toBe(3);

  const ws = await openPage('options.html');
  await expect(ws.getByTestId('empty-list').or(ws.getByText('No customers')).first()).toBeVisible();
  expect(await customerCount(ws)).toBe(0);

  // The user clips: the review shows the hostile name as text, and nothing runs anywhere.
  await mail.bringToFront();
  await mail.locator('[data-cardfile-clip]').first().click();
  const panel = await openPage('sidepanel.html');
  await expect(panel.getByTestId('review')).toBeVisible();
  await expect(panel.getByTestId('review-contact').first().locator('[name="0.name"]')).toHaveValue(EVIL_NAME);
  expect(await panel.locator('img[src="x"], script:not([src])').count()).toBe(0);
  for (const p of [mail, panel, ws]) expect(await p.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);

  // Not saved: still no card after a reload.
  await ws.reload();
  expect(await customerCount(ws)).toBe(0);
});
