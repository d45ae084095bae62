// Timings of the real extension pages (popup, side panel, workspace), each opened as a tab in the
// bench build: navigation start → a DOM marker, read inside the page so no CDP round trip is counted.
import { stats } from './stats.mjs';

const INPUT = '[data-testid=search-input], input[type=search]';
const RESULT_ITEMS = '[data-testid=search-results] li, [data-testid=search-result]';
const TABLE_ROWS = '[data-customer-row], [data-testid=customer-table] tbody tr';
const SENTINEL = 'qqxqzjv';

/**
 * In the page: ms since navigation start when the page reported it was drawn (window[prop], set by
 * the page itself, or a performance mark), else when `selector` first matched (observed).
 */
function waitForMarker({ prop, mark, selector, timeout }) {
  return new Promise((resolve) => {
    const done = (via, ms) => { obs.disconnect(); clearInterval(poll); resolve({ via, ms }); };
    const check = () => {
      if (prop && typeof window[prop] === 'number') return done(prop, window[prop]);
      const m = mark && performance.getEntriesByName(mark)[0];
      if (m) return done('mark', m.startTime);
      if (document.querySelector(selector)) return done('dom', performance.now());
      if (performance.now() > timeout) done('timeout', NaN);
    };
    const obs = new MutationObserver(check);
    obs.observe(document, { subtree: true, childList: true });
    const poll = setInterval(check, 20);
    check();
  });
}

export async function openAndTime(context, url, marker, viewport) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(url, { waitUntil: 'commit' });
  const r = await page.evaluate(waitForMarker, { timeout: 30_000, ...marker });
  await page.close();
  return r;
}

/** Open a page `reps` times (after 2 untimed warm-up opens) and time navigation start → marker. */
export async function timeOpen(context, url, marker, reps, viewport) {
  const samples = [];
  const via = new Set();
  for (let i = -2; i < reps; i++) {
    const r = await openAndTime(context, url, marker, viewport);
    if (r.via === 'timeout') return { status: `timeout waiting for ${marker.mark ?? marker.selector}` };
    via.add(r.via);
    if (i >= 0) samples.push(r.ms);
  }
  return { ...stats(samples), via: [...via].join('+') };
}

/** A blank extension page: navigation start → load event (the floor every page open pays). */
export async function blankFloor(context, id, reps) {
  const samples = [];
  for (let i = -2; i < reps; i++) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/bench-blank.html`, { waitUntil: 'load' });
    const ms = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
    await page.close();
    if (i >= 0) samples.push(ms);
  }
  return stats(samples);
}

export const popupOpen = (context, id, reps) =>
  // The popup sets window.__dueDrawnAt in the frame after its list (or "nothing due") is drawn.
  timeOpen(context, `chrome-extension://${id}/popup.html`, POPUP_MARKER, reps, { width: 400, height: 600 });

export const WORKSPACE_MARKER = { selector: TABLE_ROWS };
export const POPUP_MARKER = { prop: '__dueDrawnAt', mark: 'cardfile:due-rendered', selector: '[data-testid=due-list]' };
export const workspaceOpen = (context, id, reps) => timeOpen(context, `chrome-extension://${id}/options.html`, WORKSPACE_MARKER, reps);

/**
 * In the page: put `q` into the search box as one input event and time it until the list shows
 * the answer (a MutationObserver callback, i.e. after the render committed): the list's
 * data-shown-for names the query it shows (components/sidepanel/SearchView); without it, until
 * result rows appear. The box is first reset to a query that finds nothing, so every measured
 * query changes the list. Timed from navigation start when `fromNavigation` (ready-after-open:
 * retyped until the index answers with rows).
 */
function typeAndWait({ q, sentinel, inputSel, itemsSel, timeout, fromNavigation }) {
  const count = () => document.querySelectorAll(itemsSel).length;
  const shownFor = () => document.querySelector('[data-testid=search-results]')?.getAttribute('data-shown-for') ?? null;
  const answered = (query, needRows) => (shownFor() === null ? count() > 0 : shownFor() === query && (!needRows || count() > 0));
  const until = (pred, ms) => new Promise((resolve) => {
    const end = performance.now() + ms;
    const tick = () => (pred() ? resolve(true) : performance.now() > end ? resolve(false) : setTimeout(tick, 5));
    tick();
  });
  return (async () => {
    if (!(await until(() => document.querySelector(inputSel), timeout))) return { error: 'no search input' };
    const input = document.querySelector(inputSel);
    const set = (v) => { input.value = v; input.dispatchEvent(new Event('input', { bubbles: true })); };
    if (!fromNavigation) {
      set(sentinel);
      if (!(await until(() => count() === 0 && (shownFor() === null || shownFor() === sentinel), 3000))) return { error: `reset query '${sentinel}' still shows results` };
      await new Promise((r) => setTimeout(r, 30));
    }
    return new Promise((resolve) => {
      let t0 = fromNavigation ? 0 : performance.now();
      const finish = (r) => { obs.disconnect(); clearTimeout(timer); clearInterval(retype); resolve(r); };
      const obs = new MutationObserver(() => { if (answered(q, fromNavigation)) finish({ ms: performance.now() - t0, hits: count() }); });
      obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      const timer = setTimeout(() => finish({ error: `no results for '${q}' within ${timeout} ms` }), timeout);
      // Right after opening, the index may still be loading: type again until results come.
      const retype = fromNavigation ? setInterval(() => set(q), 50) : undefined;
      if (!fromNavigation) t0 = performance.now();
      set(q);
    });
  })();
}

/** One side-panel open: navigation start → the first answer to `q` (the index loaded or caught up). */
export async function sidepanelReadyOnce(context, id, q = 'smith') {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 800 });
  await page.goto(`chrome-extension://${id}/sidepanel.html`, { waitUntil: 'commit' });
  const r = await page.evaluate(typeAndWait, { sentinel: SENTINEL, inputSel: INPUT, itemsSel: RESULT_ITEMS, timeout: 180_000, q, fromNavigation: true });
  await page.close();
  return r.error ? { via: 'timeout', ms: NaN, error: r.error } : { via: 'search', ms: r.ms };
}

/**
 * Side panel: ready-after-open (a fresh page; navigation start → the first answer to `readyQuery`)
 * and keystroke → results for each query. A query that finds nothing is reported as a miss.
 */
export async function sidepanel(context, id, queries, reps, readyQuery = 'smith') {
  const url = `chrome-extension://${id}/sidepanel.html`;
  // Generous: an index rebuilt or caught up on open takes tens of seconds at 100k, and that is the figure.
  const args = { sentinel: SENTINEL, inputSel: INPUT, itemsSel: RESULT_ITEMS, timeout: 180_000 };
  const ready = [];
  for (let i = -1; i < Math.max(3, Math.ceil(reps / 2)); i++) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(url, { waitUntil: 'commit' });
    const r = await page.evaluate(typeAndWait, { ...args, q: readyQuery, fromNavigation: true });
    await page.close();
    if (r.error) return { status: r.error };
    if (i >= 0) ready.push(r.ms);
  }
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 800 });
  await page.goto(url);
  const all = [];
  const perQuery = {};
  for (const q of queries) {
    const samples = [];
    let hits = 0;
    for (let i = -1; i < reps; i++) {
      const r = await page.evaluate(typeAndWait, { ...args, timeout: 3000, q, fromNavigation: false });
      if (r.error) { perQuery[q] = { error: r.error }; break; }
      hits = r.hits;
      if (i >= 0) samples.push(r.ms);
    }
    if (samples.length) { perQuery[q] = { ...stats(samples), hits }; all.push(...samples); }
  }
  await page.close();
  const misses = Object.entries(perQuery).filter(([, r]) => r.error || r.hits === 0).map(([q]) => q);
  return { ready: stats(ready), keystroke: stats(all), perQuery, misses };
}

/**
 * In the workspace page: make one change (choose a sort, pick filter options, scroll to the end)
 * and time it until the table shows loaded rows of the new state: the row count text changed
 * (filters), the first row changed (sort), or the rows at the bottom are loaded (scroll).
 */
function tableChange({ kind, selector, values, timeout }) {
  const firstRow = () => document.querySelector('[data-customer-row]')?.getAttribute('data-customer-row') ?? '';
  const countText = () => document.querySelector('[data-testid=row-count]')?.textContent ?? '';
  const list = () => document.querySelector('[data-testid=customer-table]');
  // Settled: rows drawn, none still loading, and the count shown (the list's length is known, so
  // "the end" is the end of the whole view, not of the first screen).
  const settled = () => !document.querySelector('[data-testid=customer-table] [data-row-id]') && !!document.querySelector('[data-customer-row]') && /\d/.test(countText());
  return new Promise((resolve) => {
    const before = { first: firstRow(), count: countText() };
    let t0 = 0;
    let ready;
    if (kind === 'scroll') ready = () => { const el = list(); return el && el.scrollTop + el.clientHeight >= el.scrollHeight - 40 && settled(); };
    else if (kind === 'sort') ready = () => firstRow() !== before.first && settled();
    else ready = () => countText() !== before.count && settled();
    const finish = (r) => { obs.disconnect(); clearTimeout(timer); resolve(r); };
    const obs = new MutationObserver(() => { if (t0 && ready()) finish({ ms: performance.now() - t0, count: countText() }); });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => finish({ error: `${kind} did not settle within ${timeout} ms` }), timeout);
    t0 = performance.now();
    if (kind === 'scroll') {
      const el = list();
      el.scrollTop = el.scrollHeight;
      el.dispatchEvent(new Event('scroll'));
    } else {
      const el = document.querySelector(selector);
      if (!el) return finish({ error: `no ${selector}` });
      if (el.multiple) for (const o of el.options) o.selected = values.includes(o.value);
      else el.value = values[0];
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
}

/**
 * Workspace table: sort by value, filter by value tier + tag (two changes), scroll to the end;
 * each change undone between repetitions (back to the unsorted, unfiltered top).
 */
export async function workspaceOps(context, id, reps, filter) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.waitForSelector('[data-customer-row]', { timeout: 60_000 });
  const change = (kind, selector, values) => page.evaluate(tableChange, { kind, selector, values, timeout: 30_000 });
  const samples = { sortByValue: [], filterTier: [], filterTag: [], scrollToEnd: [] };
  let error;
  let filtered = '';
  await page.evaluate(() => { const d = document.querySelector('[data-testid=filterbar] details'); if (d) d.open = true; });
  for (let i = 0; i < reps && !error; i++) {
    const steps = [
      ['sortByValue', 'sort', '[data-testid=sort]', ['value']],
      ['scrollToEnd', 'scroll'],
      [null, 'sort', '[data-testid=sort]', ['updatedAt']],
      ['filterTier', 'filter', 'select[data-filter=valueTier]', [filter.tier]],
      ['filterTag', 'filter', 'select[data-filter=tags]', [filter.tag]],
      [null, 'filter', 'select[data-filter=tags]', []],
      [null, 'filter', 'select[data-filter=valueTier]', []],
    ];
    for (const [name, kind, selector, values] of steps) {
      const r = await change(kind, selector, values);
      if (r.error) { error = r.error; break; }
      if (name) samples[name].push(r.ms);
      if (name === 'filterTag') filtered = r.count;
    }
  }
  await page.close();
  const out = Object.fromEntries(Object.entries(samples).filter(([, s]) => s.length).map(([k, s]) => [k, stats(s)]));
  return { ...out, filtered, error };
}
