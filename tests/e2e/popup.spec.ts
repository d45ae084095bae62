import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';

const DAY = 86_400_000;
/** The extension API inside page/worker callbacks (the tests themselves run in Node). */
declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<{ ok?: boolean } | undefined> };
  action: { getBadgeText(d: object): Promise<string> };
};

/** A stored customer record as the repository writes it (derived fields are recomputed by the daily pass). */
function customer(id: string, name: string, company: string, extra: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    id, createdAt: now, updatedAt: now, rev: 1, deletedAt: null, kind: 'person', name, company, title: '', department: '',
    emails: [], phones: [], addresses: [], websites: [], social: [], interests: [], industry: '', source: 'manual', owner: '',
    stage: 'first-contact', tags: [], notes: '', customFields: {}, emailKeys: [], phoneKeys: [], valueTier: 'unknown',
    activityTier: 'inactive', status: 'potential', lifecycle: 'acquisition', value: 0, reviewedAt: now, ...extra,
  };
}

function call(id: string, customerId: string, daysAgo: number) {
  const at = Date.now() - daysAgo * DAY;
  return { id, createdAt: at, updatedAt: at, rev: 1, deletedAt: null, customerId, type: 'call', direction: 'out', occurredAt: at, place: '', subject: '', content: '', result: '' };
}

/**
 * Seed through an extension page (same origin as the database) and run the daily pass in the
 * background, which derives the tiers and plans the follow-ups with the real rules.
 */
async function seed(page: Page, customers: unknown[], interactions: unknown[]) {
  await page.evaluate(async ({ customers, interactions }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('cardfile');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['customers', 'interactions'], 'readwrite');
      for (const c of customers) tx.objectStore('customers').add(c);
      for (const i of interactions) tx.objectStore('interactions').add(i);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const reply = await chrome.runtime.sendMessage({ type: 'followups/refresh', payload: { all: true } });
    if (!reply?.ok) throw new Error(`daily pass failed: ${JSON.stringify(reply)}`);
  }, { customers, interactions });
}

const badge = (sw: Worker) => sw.evaluate(() => chrome.action.getBadgeText({}));
const names = (popup: Page, group: string) => popup.getByTestId(`due-${group}`).getByTestId('due-row');

test('the popup lists what is due by group; done, snooze and dismiss change the list and the icon badge', async ({ openPage, serviceWorker }) => {
  const workspace = await openPage('options.html');
  await expect(workspace.getByTestId('empty-list')).toBeVisible();
  const inTwoDays = new Date(Date.now() + 2 * DAY);
  await seed(workspace, [
    customer('c-1', '张伟', '云帆科技', { annualValue: 600_000 }),
    customer('c-2', 'Anna Smith', 'Acme', { birthday: { month: inTwoDays.getMonth() + 1, day: inTwoDays.getDate() } }),
    customer('c-3', '李娜', '华信软件', { signedAt: Date.now() - 4 * DAY }),
    customer('c-4', '王强', '金石贸易', { annualValue: 5_000 }),
  ], [call('i-1', 'c-1', 40), call('i-4', 'c-4', 3)]);

  const popup = await openPage('popup.html');
  await expect(names(popup, 'overdue')).toHaveCount(2);
  await expect(names(popup, 'overdue').filter({ hasText: '张伟' })).toContainText('high-value monthly contact');
  await expect(names(popup, 'overdue').filter({ hasText: '张伟' })).toContainText('High value');
  await expect(names(popup, 'overdue').filter({ hasText: '李娜' })).toContainText('welcome letter after signing');
  await expect(names(popup, 'today').filter({ hasText: 'Anna Smith' })).toContainText('birthday in 2 days');
  await expect(names(popup, 'today').filter({ hasText: '张伟' })).toContainText('quarterly tailored service');
  await expect(names(popup, 'today').filter({ hasText: 'quarterly tag review' })).toHaveCount(1);
  await expect(names(popup, 'upcoming')).toHaveCount(1);
  await expect(names(popup, 'upcoming')).toContainText('day-7 onboarding revisit');
  await expect(popup.getByTestId('due-list')).not.toContainText('王强');
  await expect.poll(() => badge(serviceWorker)).toBe('5');

  // Done: logs a contact, leaves the list, the badge counts one less.
  await names(popup, 'today').filter({ hasText: 'Anna Smith' }).locator('[data-action=done]').click();
  await expect(names(popup, 'today').filter({ hasText: 'Anna Smith' })).toHaveCount(0);
  await expect.poll(() => badge(serviceWorker)).toBe('4');

  // Snooze a week: the overdue cadence moves to the next 7 days.
  const cadence = names(popup, 'overdue').filter({ hasText: '张伟' });
  await cadence.locator('[data-action=snooze]').click();
  await cadence.locator('[data-snooze="1w"]').click();
  await expect(names(popup, 'overdue')).toHaveCount(1);
  await expect(names(popup, 'upcoming').filter({ hasText: '张伟' })).toContainText('snoozed');
  await expect.poll(() => badge(serviceWorker)).toBe('3');

  await names(popup, 'today').filter({ hasText: 'quarterly tag review' }).locator('[data-action=dismiss]').click();
  await expect.poll(() => badge(serviceWorker)).toBe('2');

  // A fresh popup paints the same state straight from the background's list.
  const again = await openPage('popup.html');
  await expect(names(again, 'overdue')).toHaveCount(1);
  await expect(names(again, 'today')).toHaveCount(1);
  await expect(names(again, 'upcoming')).toHaveCount(2);

  // The done follow-up logged an interaction on Anna's card.
  const count = await workspace.evaluate(() => new Promise<number>((resolve) => {
    const r = indexedDB.open('cardfile');
    r.onsuccess = () => {
      const req = r.result.transaction('interactions').objectStore('interactions').getAll();
      req.onsuccess = () => resolve((req.result as { customerId: string; type: string }[]).filter((i) => i.customerId === 'c-2' && i.type === 'message').length);
    };
  }));
  expect(count).toBe(1);
});

test('an empty workspace shows nothing due and no badge', async ({ openPage, serviceWorker }) => {
  const popup = await openPage('popup.html');
  await expect(popup.getByTestId('nothing-due')).toHaveText('Nothing due. Well done.');
  expect(await badge(serviceWorker)).toBe('');
});

test('retuning the rules in settings changes the badges and the list', async ({ openPage }) => {
  const workspace = await openPage('options.html');
  await expect(workspace.getByTestId('empty-list')).toBeVisible();
  const inTwoDays = new Date(Date.now() + 2 * DAY);
  await seed(workspace, [
    customer('c-1', '王强', '金石贸易', { annualValue: 150_000 }),
    customer('c-2', 'Anna Smith', 'Acme', { birthday: { month: inTwoDays.getMonth() + 1, day: inTwoDays.getDate() } }),
  ], [call('i-1', 'c-1', 100)]);
  const popup = await openPage('popup.html');
  await expect(popup.getByTestId('due-row').filter({ hasText: 'Anna Smith' })).toHaveCount(1);
  const wang = names(popup, 'overdue').filter({ hasText: '王强' });
  await expect(wang).toContainText('Mid value');
  await expect(wang).toContainText('mid-value quarterly contact');

  await workspace.locator('[data-tab=settings]').click();
  const form = workspace.getByTestId('rules-settings');
  await form.locator('[name="classification.valueHigh"]').fill('50000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.locator('[data-error-for="classification.valueMid"]')).toBeVisible();

  await form.locator('[name="classification.valueHigh"]').fill('120000');
  await form.locator('[name="followUps.birthday.enabled"]').uncheck();
  await expect(form.locator('[data-holiday=spring-festival] [data-next-date]')).not.toBeEmpty();
  await form.getByRole('button', { name: 'Save' }).click();

  // The background re-runs the pass: 王强 is now high value on a monthly cadence, Anna's birthday reminder is gone.
  await expect(popup.getByTestId('due-row').filter({ hasText: 'Anna Smith' })).toHaveCount(0);
  await expect(names(popup, 'overdue').filter({ hasText: '王强' })).toContainText('High value');
  await expect(names(popup, 'overdue').filter({ hasText: '王强' })).toContainText('high-value monthly contact');
});

test('a long backlog: 1,000 overdue, 5 today, 5 this week — every group shown with its true count; snooze moves a row', async ({ openPage }) => {
  const workspace = await openPage('options.html');
  await expect(workspace.getByTestId('empty-list')).toBeVisible();
  await workspace.evaluate(async () => {
    const now = Date.now();
    const day = 86_400_000;
    const midnight = new Date(now).setHours(0, 0, 0, 0);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('cardfile');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const base = { createdAt: now, updatedAt: now, rev: 1, deletedAt: null, customerId: 'c-1', reason: 'manual', note: '', status: 'open' };
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['customers', 'followUps'], 'readwrite');
      tx.objectStore('customers').add({
        id: 'c-1', createdAt: now, updatedAt: now, rev: 1, deletedAt: null, kind: 'person', name: '张伟', company: '云帆科技', title: '', department: '',
        emails: [], phones: [], addresses: [], websites: [], social: [], interests: [], industry: '', source: 'manual', owner: '',
        stage: 'first-contact', tags: [], notes: '', customFields: {}, emailKeys: [], phoneKeys: [], valueTier: 'unknown',
        activityTier: 'inactive', status: 'potential', lifecycle: 'acquisition', value: 0, reviewedAt: now,
      });
      const f = tx.objectStore('followUps');
      for (let k = 0; k < 1000; k++) f.add({ ...base, id: `o-${k}`, ruleKey: `manual:o${k}`, dueAt: midnight - (k % 200 + 1) * day + 3_600_000, note: `overdue ${k}` });
      for (let k = 0; k < 5; k++) f.add({ ...base, id: `t-${k}`, ruleKey: `manual:t${k}`, dueAt: midnight + (10 + k) * 3_600_000, note: `today ${k}` });
      for (let k = 0; k < 5; k++) f.add({ ...base, id: `w-${k}`, ruleKey: `manual:w${k}`, dueAt: midnight + (k + 2) * day + 3_600_000, note: `week ${k}` });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    await chrome.runtime.sendMessage({ type: 'followups/refresh', payload: {} });
  });

  const popup = await openPage('popup.html');
  const count = (group: string) => popup.getByTestId(`due-${group}`).getByTestId('due-count');
  await expect(count('overdue')).toHaveText('999+');
  await expect(count('today')).toHaveText('5');
  await expect(count('upcoming')).toHaveText('5');
  // Overdue is collapsed to its most recent rows; today and this week are shown whole.
  await expect(names(popup, 'overdue')).toHaveCount(3);
  await expect(names(popup, 'today')).toHaveCount(5);
  await expect(names(popup, 'upcoming')).toHaveCount(5);
  await expect(names(popup, 'today').first().getByTestId('due-when')).toHaveText('Today');
  await expect(names(popup, 'overdue').first().getByTestId('due-when')).toHaveText('Yesterday');
  await popup.getByTestId('due-show-all').click();
  await expect(names(popup, 'overdue')).toHaveCount(100);
  await expect(popup.getByTestId('due-overdue').getByTestId('due-more')).toContainText('100');

  // Snooze one of today's rows by a day: it leaves today and shows in the next 7 days, marked snoozed, as "Tomorrow".
  const row = names(popup, 'today').first();
  await row.locator('[data-action=snooze]').click();
  await row.locator('[data-snooze="1d"]').click();
  await expect(count('today')).toHaveText('4');
  await expect(count('upcoming')).toHaveText('6');
  const moved = names(popup, 'upcoming').and(popup.locator('[data-status=snoozed]'));
  await expect(moved).toHaveCount(1);
  await expect(moved.getByTestId('due-when')).toHaveText('Tomorrow');
  await expect(count('overdue')).toHaveText('999+');
});
