// The results as a table (stdout) and as bench/RESULTS.md, each figure beside its naive baseline
// and the SPEC §9 target it is held to.

const fmt = (x, unit = 'ms') => {
  if (x === undefined || x === null || Number.isNaN(x)) return '–';
  const v = Math.abs(x) < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US');
  return `${v} ${unit}`;
};
const ratio = (naive, fast) => (naive > 0 && fast > 0 ? `${(naive / fast).toFixed(naive / fast < 10 ? 1 : 0)}×` : '–');
const pending = (x) => (!x ? 'not run' : x.status ?? x.error);

/** One row: what, N, median, p95, naive, ratio, target, met. `check` returns true/false or undefined (no target). */
function row(what, n, s, naive, target, check, unit = 'ms') {
  if (!s || pending(s)) return { what, n, median: pending(s) ?? 'not run', p95: '', naive: '', ratio: '', target, met: target ? '…' : '' };
  const met = check === undefined ? '' : check ? 'yes' : 'NO';
  return { what, n, median: fmt(s.median, unit), p95: fmt(s.p95, unit), naive: naive === undefined ? '–' : fmt(naive, unit), ratio: naive === undefined ? '–' : ratio(naive, s.median), target, met };
}

function rows(results) {
  const out = [];
  for (const [key, r] of Object.entries(results.sizes)) {
    const n = Number(key).toLocaleString('en-US');
    const tb = r.table;
    out.push(row('popup: open → due list drawn', n, r.popup, undefined, '≤ 120 ms median, ≤ floor + 40', r.popup?.median <= 120 && (!r.blank?.median || r.popup?.median <= r.blank.median + 40)));
    out.push(row('  blank extension page (floor)', n, r.blank, undefined, ''));
    out.push(row('  due snapshot (background, per write) vs toArray().filter', n, r.dueQuery?.indexed, r.dueQuery?.naive?.median, ''));
    const misses = r.sidepanel?.misses?.length ? ` (no results: ${r.sidepanel.misses.join(', ')})` : '';
    out.push(row(`side panel: keystroke → results${misses}`, n, r.sidepanel?.status ? r.sidepanel : r.sidepanel?.keystroke, median(r.searchNaive), '≤ 30 ms p95', r.sidepanel?.keystroke?.p95 <= 30));
    out.push(row('side panel: open → first results', n, r.sidepanel?.status ? r.sidepanel : r.sidepanel?.ready, undefined, '≤ 500 ms', r.sidepanel?.ready?.median <= 500));
    const si = r.searchIndex;
    out.push(row('  search index: query in memory (lib/search)', n, si?.query, median(r.searchNaive), ''));
    out.push(row(`  search index: open persisted (restore + catch-up)${si ? `; full build ${fmt(si.buildMs)}, heap ${si.heapMb} MB` : ''}`, n, si?.open, si?.buildMs, ''));
    out.push(row('workspace: open → first rows', n, r.workspaceOpen, tb?.naive?.open?.median, '≤ 300 ms', r.workspaceOpen?.median <= 300));
    const cold = r.cold;
    const idle = cold ? ` (new browser, worker stopped, ${cold.waitMs / 1000} s idle)` : '';
    out.push(row(`workspace: COLD open → first rows${idle}`, n, cold?.workspace, undefined, '≤ 400 ms', cold?.workspace?.median <= 400));
    out.push(row(`side panel: COLD open → first results${idle}`, n, cold?.sidepanel, undefined, '≤ 600 ms', cold?.sidepanel?.median <= 600));
    out.push(row(`popup: COLD open → due list drawn${idle}`, n, cold?.popup, undefined, '', undefined));
    const ws = r.workspace;
    if (ws?.error) out.push(row('workspace: table changes', n, { status: ws.error }, undefined, '≤ 300 ms'));
    out.push(row('workspace: sort by value → rows drawn', n, ws?.sortByValue, tb?.naive?.sortByValue?.median, '≤ 300 ms p95', ws?.sortByValue?.p95 <= 300));
    out.push(row('workspace: filter value tier → rows drawn', n, ws?.filterTier, undefined, '≤ 300 ms p95', ws?.filterTier?.p95 <= 300));
    out.push(row(`workspace: + filter tag → rows drawn${ws?.filtered ? ` (${ws.filtered})` : ''}`, n, ws?.filterTag, tb?.naive?.filterTierTag?.median, '≤ 300 ms p95', ws?.filterTag?.p95 <= 300));
    out.push(row('workspace: scroll to the end → rows drawn', n, ws?.scrollToEnd, undefined, '≤ 300 ms p95', ws?.scrollToEnd?.p95 <= 300));
    out.push(row('  index query in page: first page + count', n, tb?.indexed?.open, tb?.naive?.open?.median, ''));
    out.push(row('  index query in page: sort by value', n, tb?.indexed?.sortByValue, tb?.naive?.sortByValue?.median, ''));
    out.push(row(`  index query in page: filter ${tb ? `${tb.filter.tier} + ${tb.filter.tag} (${tb.matches})` : 'tier + tag'}`, n, tb?.indexed?.filterTierTag, tb?.naive?.filterTierTag?.median, ''));
    out.push(row('  index query in page: scroll to the end', n, tb?.indexed?.scrollToEnd, undefined, ''));
    const im = r.import;
    out.push(row('import 10,000 CSV rows (parse…commit)', n, im?.total ?? im, undefined, '≤ 5 s', im?.total?.median <= 5000));
    out.push(row('  duplicate check: map of a whole index\'s keys vs a query per row', n, im?.dedupe?.keyMap, im?.dedupe?.naivePerRowQuery?.median, ''));
    const ex = r.export;
    out.push(row(`export to CSV${ex?.peakMb !== undefined ? ` (peak ${ex.peakMb} MB; naive ${ex.naivePeakMb} MB)` : ''}`, n, ex?.paged ?? ex, ex?.naive?.median, '≤ 4 s, ≤ 150 MB', ex?.paged ? ex.paged.median <= 4000 && ex.peakMb <= 150 : undefined));
    const bk = r.backup;
    const once = (ms) => (ms !== undefined ? { median: ms, p95: ms } : bk);
    out.push(row(`backup (JSON, streamed)${bk?.bytes ? `, ${Math.round(bk.bytes / 1e6)} MB, peak heap ${bk.peakMb} MB${bk.naivePeakMb ? ` (one-shot: ${bk.naivePeakMb} MB)` : ''}` : ''}`, n, once(bk?.backupMs), bk?.naiveBackupMs, ''));
    out.push(row(`restore into an empty db (streamed${bk?.previewMs !== undefined ? `: check ${fmt(bk.previewMs)} + write ${fmt(bk.writeMs)}` : ''}${bk?.restorePeakMb ? `, peak heap ${bk.restorePeakMb} MB` : ''}${bk?.sameCounts === false ? ', COUNTS DIFFER' : ''})`, n, once(bk?.restoreMs), undefined, key === '100000' ? '≤ 45 s' : '', key === '100000' && bk?.restoreMs !== undefined ? bk.restoreMs <= 45_000 : undefined));
    const pr = r.practice;
    out.push(row(`funnel, all time (cohort ${pr?.cohort ?? '?'}; keys only)`, n, pr?.funnelAll, pr?.naive?.funnel?.median, ''));
    out.push(row('funnel, this month', n, pr?.funnelMonth, pr?.naive?.funnel?.median, ''));
    out.push(row('RFM segments (three index lookups)', n, pr?.rfm, pr?.naive?.funnel?.median, ''));
    out.push(row(`report: this week, whole workspace (${pr?.weekInteractions ?? '?'} interactions)`, n, pr?.reportWeek, pr?.naive?.reportWeek?.median, ''));
    out.push(row(`report: this month, whole workspace (${pr?.monthInteractions ?? '?'} interactions)`, n, pr?.reportMonth, pr?.naive?.reportWeek?.median, ''));
    out.push(row(`report: this month, one owner (${pr?.owner ?? '?'})`, n, pr?.reportOwnerMonth, pr?.naive?.reportWeek?.median, ''));
    const fu = r.followUps;
    out.push(row('follow-ups: daily pass over all', n, fu?.daily ?? fu, undefined, '≤ 15 s', fu?.daily?.median <= 15000));
    out.push(row('follow-ups: re-plan one customer (incremental)', n, fu?.replan ?? fu, fu?.daily?.median, '≤ 10 ms', fu?.replan?.median <= 10));
    out.push(row('  one whole write: addInteraction (validate, write, re-derive, re-plan)', n, fu?.perWrite ?? fu, fu?.daily?.median, ''));
    if (r.disk) out.push({ what: `IndexedDB on disk after seeding (${r.disk.per10kMb} MB / 10k customers; whole origin at this run's start ${r.disk.nowMb} MB, with the search index)`, n, median: fmt(r.disk.afterSeedMb, 'MB'), p95: '', naive: '', ratio: '', target: key === '100000' ? '≤ 250 MB' : '', met: key === '100000' ? (r.disk.afterSeedMb <= 250 ? 'yes' : 'NO') : '' });
  }
  const c = results.capture;
  out.push(row(`extractCapture, ${c?.pages ?? '?'} corpus webmail pages${c?.slowest ? ` (slowest: ${c.slowest.name.split('__')[0]}, median ${c.slowest.median} ms)` : ''}`, '', c?.all ?? c, c?.naiveTextScan?.median, '≤ 10 ms per page', c?.slowest ? c.slowest.median <= 10 : undefined));
  const o = results.ocr;
  if (o) {
    const pct = (g) => (g ? `${g.pct}% (${g.ok}/${g.of})` : '?');
    const acc = (r) => `fields clean ${pct(r?.groups?.clean?.fields)}, photo ${pct(r?.groups?.photo?.fields)}, vertical ${pct(r?.groups?.vertical?.fields)}; names clean ${pct(r?.groups?.clean?.names)}, photo ${pct(r?.groups?.photo?.names)}`;
    out.push(row(`card scan: readCardImage per card, ${o.cards} own rendered cards (${acc(o)}; naive: ${acc(o.naive)})`, '', o, o.naive?.median, '≤ 3 s a card', o.p95 <= 3000));
    out.push({ what: 'card scan: first use (engine start: worker, WASM, chi_sim + eng data)', n: '', median: fmt(o.firstUseMs, 'ms'), p95: '', naive: '', ratio: '', target: '', met: '' });
  }
  const b = results.bundle;
  if (b?.popup) out.push({ what: `popup JS (${b.popup.chunks.length} chunks, ${b.popup.jsKb} KB raw)`, n: '', median: `${b.popup.jsGzipKb} KB gz`, p95: '', naive: '', ratio: '', target: '≤ 60 KB gzip', met: b.popup.jsGzipKb <= 60 ? 'yes' : 'NO' });
  for (const cs of b?.contentScripts ?? []) out.push({ what: `content script ${cs.file}`, n: '', median: `${cs.kb} KB`, p95: `${cs.gzipKb} KB gz`, naive: '', ratio: '', target: '≤ 30 KB', met: cs.kb <= 30 ? 'yes' : 'NO' });
  if (b && !b.contentScripts?.length) out.push({ what: 'content scripts', n: '', median: 'none in the build yet', p95: '', naive: '', ratio: '', target: '≤ 30 KB', met: '' });
  return out;
}

function median(perQuery) {
  if (!perQuery) return undefined;
  const xs = Object.values(perQuery).map((q) => q.median).sort((a, b) => a - b);
  return xs[Math.floor((xs.length - 1) / 2)];
}

const COLS = [['what', 'what'], ['n', 'N'], ['median', 'median'], ['p95', 'p95'], ['naive', 'naive'], ['ratio', '×'], ['target', 'target (§9)'], ['met', 'met']];

/** A plain-text table for stdout. */
export function table(results) {
  const rs = rows(results);
  const w = COLS.map(([k, h]) => Math.max(h.length, ...rs.map((r) => String(r[k]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(w[i])).join('  ');
  return [line(COLS.map(([, h]) => h)), line(w.map((x) => '-'.repeat(x))), ...rs.map((r) => line(COLS.map(([k]) => r[k])))].join('\n');
}

/** bench/RESULTS.md: the latest table and how it was made. */
export function markdown(results) {
  const m = results.meta;
  const rs = rows(results);
  return [
    '# Benchmark results (latest `npm run bench`)',
    '',
    `${m.date.slice(0, 16).replace('T', ' ')} UTC, commit ${m.commit}, ${m.cpus}, ${m.memoryGb} GB, headless Chromium; workspaces of ${m.sizes.map((s) => s.toLocaleString('en-US')).join(' and ')} customers`,
    '(~5 interactions each, follow-ups planned by the daily pass). Median and p95 of repeated runs; "naive" is the same work done',
    'the naive way in the same run (full table load + filter, a query per row, every row rendered); × = naive / median.',
    `Load average at start ${m.loadAvgStart?.join(' / ') ?? '?'}, at end ${m.loadAvgEnd?.join(' / ') ?? '?'}: other work shared the 2 cores, so timings are upper bounds.`,
    ...(m.updates ?? []).map((u) => `Re-measured ${u.date.slice(0, 16).replace('T', ' ')} UTC at commit ${u.commit}: ${u.only.join(', ')} (${u.sizes.join(', ')}).`),
    '',
    `| ${COLS.map(([, h]) => h).join(' | ')} |`,
    `|${COLS.map(() => '---').join('|')}|`,
    ...rs.map((r) => `| ${COLS.map(([k]) => String(r[k]).replace(/\|/g, '\\|')).join(' | ')} |`),
    '',
    'Raw figures: `bench/results.json` (not committed). Reproduce: `npm run bench` (`--quick` for N = 1,000, `--fresh` to reseed).',
    '',
  ].join('\n');
}
