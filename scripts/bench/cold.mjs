// Cold opens (issue 18): what a user meets opening Cardfile once or twice a day. Each open starts a
// fresh browser process on the saved profile, stops the service worker (its Dexie connection with
// it) and leaves the browser idle for `waitMs` (60 s by default) with no Cardfile page, then opens
// the surface. Measured here: within one browser process a database reopened after 60 s idle is
// far quicker than the first open of that process (100k: 540 vs 1,451 ms), so only a new process
// shows what the first open of the day costs. The surfaces take turns.
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
 * due list drawn), each in a new browser process (`relaunch` gives { context, id }) after `waitMs`
 * idle with no page and no service worker. Returns stats per surface (median, p95 in ms) and the wait.
 */
export async function coldOpens(relaunch, { reps, waitMs, log = () => {} }) {
  // Yesterday's session: every surface opened once (the search index persisted, the snapshot kept).
  {
    const { context, id } = await relaunch();
    try {
      for (const open of Object.values(SURFACES)) await open(context, id);
      await sleep(3_000);
    } finally {
      await context.close();
    }
  }
  const samples = Object.fromEntries(Object.keys(SURFACES).map((k) => [k, []]));
  const errors = {};
  for (let i = 0; i < reps; i++) {
    for (const [name, open] of Object.entries(SURFACES)) {
      const { context, id } = await relaunch();
      let r;
      try {
        await goCold(context);
        await sleep(waitMs);
        r = await open(context, id);
      } finally {
        await context.close();
      }
      if (r.via === 'timeout') errors[name] = r.error ?? 'timeout';
      else samples[name].push(r.ms);
      log(`cold ${name} #${i + 1}: ${Number.isNaN(r.ms) ? r.error ?? 'timeout' : `${Math.round(r.ms)} ms`}`);
    }
  }
  const out = { waitMs };
  for (const [name, s] of Object.entries(samples)) out[name] = s.length ? stats(s) : { status: errors[name] ?? 'not run' };
  return out;
}
