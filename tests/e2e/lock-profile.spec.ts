import { chromium, expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error plain ESM helper shared with the demo and bench scripts
import { extensionArgs, extensionDir, findChromium } from '../../scripts/chromium.mjs';

/**
 * Red team: with the lock on, no plaintext of a protected field survives anywhere in the browser
 * profile's files (IndexedDB's LevelDB logs and tables, extension storage), including data typed
 * BEFORE the lock was turned on. Measured the hard way: a real profile directory, the browser
 * closed, every file read as bytes and searched (UTF-8 and UTF-16, as V8 may store either).
 */
const PASS = 'blue harbor 42';
const SECRETS = {
  email: 'qiu.secret@harbor-mail.example',
  phone: '13912345678',
  note: 'SECRETNOTE-wants-a-discount',
  website: 'https://secret-website.example',
};

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    let st;
    try { st = statSync(p); } catch { continue; }
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

/** Which secrets appear in which files of the profile (UTF-8 or UTF-16LE bytes). */
function hunt(profile: string, secrets: string[]): string[] {
  const found: string[] = [];
  for (const file of filesUnder(profile)) {
    let bytes: Buffer;
    try { bytes = readFileSync(file); } catch { continue; }
    for (const s of secrets) {
      if (bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le'))) found.push(`${s} in ${path.relative(profile, file)}`);
    }
  }
  return found;
}

async function launch(profile: string) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: await findChromium(), headless: !process.env.HEADED, args: extensionArgs(extensionDir), locale: 'en-US',
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, id: new URL(sw.url()).host };
}

async function createCard(page: Page) {
  await page.getByTestId('new-customer').click();
  const form = page.locator('form.customer-form');
  await form.locator('[name=name]').fill('Qiu Harbor');
  await form.locator('[data-add=emails]').click();
  await form.locator('[name="emails.0.value"]').fill(SECRETS.email);
  await form.locator('[data-add=phones]').click();
  await form.locator('[name="phones.0.raw"]').fill(SECRETS.phone);
  await form.locator('[data-add=websites]').click();
  await form.locator('[name="websites.0"]').fill(SECRETS.website);
  await form.locator('[name=notes]').fill(SECRETS.note);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('customer-name')).toHaveText('Qiu Harbor');
}

// KNOWN FAILING (issue 20, item 3): the browser's session files no longer keep typed values
// (autocomplete=off on the card forms), and the scrub after locking rotates IndexedDB's log, but
// one LevelDB table file still holds the pre-lock versions (a table LevelDB only moved down a level).
// test.fail() keeps the measurement running: it turns red the day the leak is gone, to be flipped.
test.fail('lock on: after closing the browser no protected plaintext is left in the profile, even what was typed before the lock', async () => {
  test.setTimeout(180_000);
  const profile = mkdtempSync(path.join(tmpdir(), 'cardfile-profile-'));
  try {
    let { context, id } = await launch(profile);
    const ws = await context.newPage();
    await ws.goto(`chrome-extension://${id}/options.html`);
    await createCard(ws);
    // Plain at rest before the lock (the hunt can find what it looks for).
    await context.close();
    expect(hunt(profile, [SECRETS.email]).length).toBeGreaterThan(0);

    ({ context, id } = await launch(profile));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/options.html#privacy`);
    const lock = page.getByTestId('lock-settings');
    await lock.locator('[name=p1]').fill(PASS);
    await lock.locator('[name=p2]').fill(PASS);
    await page.getByTestId('lock-on').click();
    await expect(lock).toHaveAttribute('data-lock', 'on', { timeout: 60_000 });
    if (process.env.CARDFILE_SCRUB_WAIT) await page.waitForTimeout(Number(process.env.CARDFILE_SCRUB_WAIT));
    await context.close();

    if (process.env.CARDFILE_LIST_PROFILE) for (const f of filesUnder(path.join(profile, 'Default', 'IndexedDB'))) console.log(f, statSync(f).size);
    const left = hunt(profile, [SECRETS.email, SECRETS.phone, SECRETS.note, SECRETS.website]);
    expect(left).toEqual([]);
  } finally {
    if (process.env.CARDFILE_KEEP_PROFILE) console.log('profile kept', profile); else
    rmSync(profile, { recursive: true, force: true });
  }
});
