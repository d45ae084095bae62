import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { getRepo, type RepoContext } from '../db';
import { dismissFollowUpNow, markFollowUpDone, snoozeFollowUpUntil } from '../actions/followups';
import { buildDueSnapshot, groupDue, type DueSnapshot } from '../db/due';
import { regenerateAll, regenerateFollowUps } from '../db/plan';
import type { InteractionType } from '../domain/interaction';
import { reasonText } from '../domain/reasons';
import { browserLang, t, type Lang } from '../i18n';
import { loadSettings, watchSettings } from '../settings';
import { dueSnapshotItem } from '../ui/due-snapshot';
import { followUpsDailyAtItem as lastDailyItem, followUpsNotifiedDayItem as lastNotifiedItem } from '../storage/items';
import { cryptoState } from '../security/state';

export const DAILY_ALARM = 'cardfile-daily';
export const REFRESH_ALARM = 'cardfile-refresh';
const CATCH_UP_ALARM = 'cardfile-catch-up';
const CATCH_UP_DELAY_MS = 5 * 60_000;
/** The badge and the day's groups go stale at midnight and as snoozes run out: refresh this often anyway. */
const REFRESH_MINUTES = 30;


/** Rebuild the popup's due list and the toolbar badge (overdue + due today; counted exactly only when `exact`). */
export async function refreshDue(repo: RepoContext = getRepo(), exact = false): Promise<DueSnapshot> {
  const snap = await buildDueSnapshot(repo, undefined, exact);
  await publish(snap);
  return snap;
}

/**
 * What the snapshot keeps in storage.local (on disk, outside the database's encryption). With the
 * lock on it keeps only what the locked popup shows (names, reasons, dates, tiers): follow-up notes
 * copy next-step text, contract subjects and complaint text, sealed in the database.
 */
export function storedSnapshot(snap: DueSnapshot, lockOn: boolean): DueSnapshot {
  return lockOn ? { ...snap, rows: snap.rows.map((r) => (r.note ? { ...r, note: '' } : r)) } : snap;
}

async function publish(snap: DueSnapshot): Promise<void> {
  await dueSnapshotItem.setValue(storedSnapshot(snap, cryptoState.enabled));
  await browser.action.setBadgeText({ text: snap.dueNow > 999 ? '999+' : snap.dueNow > 0 ? String(snap.dueNow) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#c2410c' }).catch(() => undefined);
}

let pending: Promise<DueSnapshot> | undefined;

/**
 * refreshDue for requests that arrive in bursts (every page write pokes the worker, every popup asks
 * once): requests made while one is waiting share it, so a burst of writes costs one rebuild.
 */
function coalescedRefresh(): Promise<DueSnapshot> {
  pending ??= new Promise((resolve) => setTimeout(resolve, 50)).then(() => {
    pending = undefined;
    return refreshDue();
  });
  return pending;
}

let running: Promise<void> | undefined;

/** The daily pass: re-derive tiers, plan follow-ups for every customer, refresh, notify once a day. One at a time. */
export function runDaily(repo: RepoContext = getRepo()): Promise<void> {
  running ??= dailyPass(repo).finally(() => { running = undefined; });
  return running;
}

async function dailyPass(repo: RepoContext): Promise<void> {
  const t0 = performance.now();
  const result = await regenerateAll(repo);
  await lastDailyItem.setValue(repo.now());
  console.info(`Cardfile daily pass: ${JSON.stringify(result)} in ${Math.round(performance.now() - t0)} ms`);
  // The notification names the number: counted exactly once a day, here.
  const snap = await refreshDue(repo, true);
  await notifyDue(repo, snap);
}

function langOf(locale: 'auto' | Lang): Lang {
  return locale === 'auto' ? browserLang() : locale;
}

/** One browser notification a day for what is due now (switchable: settings.notifications). */
async function notifyDue(repo: RepoContext, snap: DueSnapshot): Promise<void> {
  const settings = await repo.settings();
  const day = new Date(repo.now()).toDateString();
  if (!settings.notifications || snap.dueNow === 0 || (await lastNotifiedItem.getValue()) === day) return;
  const lang = langOf(settings.locale);
  const { overdue, today } = groupDue(snap.rows, repo.now());
  const lines = [...overdue, ...today].slice(0, 3)
    .map((r) => `${r.name || t('followUps.workspace', undefined, lang)}: ${reasonText(r, { valueTier: r.valueTier, signedAt: r.signedAt }, lang, new Date(repo.now()))}`);
  await browser.notifications.create('cardfile-due', {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('followUps.notifyTitle', { count: snap.dueNow }, lang),
    message: lines.join('\n'),
  });
  await lastNotifiedItem.setValue(day);
}

/** The next 08:00 local time: when the daily pass and its notification run. */
function nextMorning(now: number): number {
  const d = new Date(now);
  d.setHours(8, 0, 0, 0);
  if (d.getTime() <= now) d.setDate(d.getDate() + 1);
  return d.getTime();
}

/** Message handlers of the follow-up side (lib/background/handlers.ts delegates here). */
export const followUpActions = {
  async refresh(p: { customerId?: string; all?: boolean }) {
    const repo = getRepo();
    if (p.all) await runDaily(repo);
    else {
      if (p.customerId) await regenerateFollowUps(repo, p.customerId);
      await coalescedRefresh();
    }
    return { ok: true };
  },
  async done(p: { id: string; type?: InteractionType; subject?: string }) {
    await markFollowUpDone(getRepo(), p.id, { type: p.type, subject: p.subject });
    await refreshDue();
    return { ok: true };
  },
  async snooze(p: { id: string; until: number }) {
    await snoozeFollowUpUntil(getRepo(), p.id, p.until);
    await refreshDue();
    return { ok: true };
  },
  async dismiss(p: { id: string }) {
    await dismissFollowUpNow(getRepo(), p.id);
    await refreshDue();
    return { ok: true };
  },
};

/**
 * Register the follow-up machinery of the background: alarms (daily pass, periodic badge refresh),
 * a live query that refreshes the due list when any context writes, and a replan when the rules
 * change. Listeners are registered synchronously (MV3 service workers).
 */
export function startFollowUps(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY_ALARM || alarm.name === CATCH_UP_ALARM) void runDaily().catch(console.error);
    if (alarm.name === REFRESH_ALARM) void refreshDue().catch(console.error);
  });
  browser.notifications?.onClicked.addListener((id) => {
    if (id === 'cardfile-due') void browser.runtime.openOptionsPage();
  });
  void (async () => {
    const now = Date.now();
    if (!(await browser.alarms.get(DAILY_ALARM))) await browser.alarms.create(DAILY_ALARM, { when: nextMorning(now), periodInMinutes: 24 * 60 });
    if (!(await browser.alarms.get(REFRESH_ALARM))) await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES });
    // A browser closed at 08:00 misses the alarm: catch up a few minutes after the worker starts,
    // not at once, so the pass does not compete with the first popup of the day.
    if (now - (await lastDailyItem.getValue()) > 20 * 3_600_000 && !(await browser.alarms.get(CATCH_UP_ALARM))) {
      await browser.alarms.create(CATCH_UP_ALARM, { when: now + CATCH_UP_DELAY_MS });
    }
  })().catch(console.error);
  // Dexie tells this worker about writes from any extension page while it is alive (BroadcastChannel);
  // a burst of writes costs one rebuild instead of re-running a live query after each.
  // The daily pass refreshes once at its end; its own chunk writes need no rebuild each.
  Dexie.on('storagemutated', () => { if (!running) void coalescedRefresh().catch(console.error); });
  getRepo();
  // Retuned rules (thresholds, cadences, a rule switched off) change tiers and plans: run the pass.
  let last = '';
  void loadSettings().then((s) => { last = JSON.stringify([s.classification, s.followUps]); });
  watchSettings((s) => {
    const now = JSON.stringify([s.classification, s.followUps]);
    // Run with the settings just saved: getRepo()'s own watcher may not have seen them yet.
    if (now !== last) { last = now; void runDaily({ ...getRepo(), settings: async () => s }).catch(console.error); }
  });
}
