// Cold opens (issue 18): what a user meets opening Cardfile once or twice a day. Before each open
// every Cardfile page is closed and the service worker stopped (its Dexie connection with it), then
// the browser sits idle for `waitMs` (60 s by default): Chromium closes an IndexedDB backing store a
// few seconds after its last connection goes, so the next open pays for reopening its LevelDB files.
// The surfaces take turns, so no open warms the database for the next.
import { openAndTime, POPUP_MARKER, sidepanelReadyOnce, WORKSPACE_MARKER } from './surfaces.mjs';
import { stats } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Close every extension page and stop every service worker (through CDP on an about:blank tab). */
async function goCold(context) {
  let holder = context.pages().find((p) => !p.url().startsWith('chrome-extension://'));
  for (const p of context.pages()) if (p !== holder) await p.close();
  holder ??= await context.newPage();
  const cdp = await context.newCDPSession(holder);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

const SURFACES = {
  workspace: (context, id) => openAndTime(context, `chrome-extension://${id}/options.html`, WORKSPACE_MARKER),
  sidepanel: (context, id) => sidepanelReadyOnce(context, id),
  popup: (context, id) => openAndTime(context, `chrome-extension://${id}/popup.html`, POPUP_MARKER, { width: 400, height: 600 }),
};

/**
 * `reps` cold opens of each surface (workspace → first rows, side panel → first results, popup →
 * due list drawn), each after `waitMs` idle with no page and no service worker. Returns stats per
 * surface (median and p95 in ms) and the wait used.
 */
export async function coldOpens(context, id, { reps, waitMs, log = () => {} }) {
  const samples = Object.fromEntries(Object.keys(SURFACES).map((k) => [k, []]));
  const errors = {};
  for (let i = 0; i < reps; i++) {
    for (const [name, open] of Object.entries(SURFACES)) {
      await goCold(context);
      await sleep(waitMs);
      const r = await open(context, id);
      if (r.via === 'timeout') errors[name] = r.error ?? 'timeout';
      else samples[name].push(r.ms);
      log(`cold ${name} #${i + 1}: ${Number.isNaN(r.ms) ? r.error ?? 'timeout' : `${Math.round(r.ms)} ms`}`);
    }
  }
  await goCold(context);
  const out = { waitMs };
  for (const [name, s] of Object.entries(samples)) out[name] = s.length ? stats(s) : { status: errors[name] ?? 'not run' };
  return out;
}
