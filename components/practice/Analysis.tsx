import { useEffect, useState } from 'preact/hooks';
import { getRepo } from '../../lib/db';
import { churnWarningCards, funnelFor, rfmSegmentIds } from '../../lib/db/practice-queries';
import type { Customer } from '../../lib/domain';
import type { Funnel } from '../../lib/domain/funnel';
import { rfmSegmentLabels, rfmSegments, type RfmSegment } from '../../lib/domain/rfm';
import { lang, t, type MessageKey } from '../../lib/i18n';
import { settings } from '../../lib/state/settings';
import { currentView } from '../workspace/state';
import { emptyView } from '../../lib/workspace/view';
import { OwnerPicker } from './OwnerPicker';
import { PracticeChart, pct } from './PracticeChart';

const DAY = 86_400_000;
const RANGES = ['month', 'last-month', 'quarter', 'days-90', 'year', 'all'] as const;
type Range = (typeof RANGES)[number];

/** The chosen period as [from, to). */
export function rangeOf(r: Range, now: number): [number, number] {
  const d = new Date(now);
  const end = now + DAY;
  switch (r) {
    case 'month': return [new Date(d.getFullYear(), d.getMonth(), 1).getTime(), end];
    case 'last-month': return [new Date(d.getFullYear(), d.getMonth() - 1, 1).getTime(), new Date(d.getFullYear(), d.getMonth(), 1).getTime()];
    case 'quarter': return [new Date(d.getFullYear(), d.getMonth() - (d.getMonth() % 3), 1).getTime(), end];
    case 'days-90': return [now - 90 * DAY, end];
    case 'year': return [new Date(d.getFullYear(), 0, 1).getTime(), end];
    case 'all': return [0, end];
  }
}

/** Open the table on a set of cards (the click from a chart into the filtered table). */
export function showInTable(ids: string[], label: string): void {
  currentView.value = { ...emptyView(), ids: ids.length ? ids : ['\u0000none'], idsLabel: label };
  location.hash = 'customers';
}

interface Data { funnel: Funnel; stageIds: Record<Customer['stage'], string[]>; rfm: Record<RfmSegment, string[]>; churn: { total: number; cards: Customer[] } }

/** Pipeline funnel with conversion over a chosen period, RFM segments and churn warnings; each a click into the table. */
export function Analysis({ onOpen }: { onOpen(id: string): void }) {
  const [range, setRange] = useState<Range>('all');
  const [owner, setOwner] = useState<string | undefined>(undefined);
  const [data, setData] = useState<Data | undefined>();
  useEffect(() => {
    const repo = getRepo();
    const now = Date.now();
    const [from, to] = rangeOf(range, now);
    setData(undefined);
    void Promise.all([funnelFor(repo, from, to, owner), rfmSegmentIds(repo, settings.value, now, owner), churnWarningCards(repo, 100, owner)])
      .then(([f, rfm, churn]) => setData({ funnel: f.funnel, stageIds: f.ids, rfm, churn }));
  }, [range, owner]);
  const l = lang.value;
  return (
    <section class="practice" data-testid="analysis" aria-labelledby="analysis-title">
      <h2 id="analysis-title">{t('pr.analysis')}</h2>
      <div class="row">
        <label class="row nowrap">{t('pr.period')}
          <select data-testid="funnel-range" value={range} onChange={(e) => setRange(e.currentTarget.value as Range)}>
            {RANGES.map((r) => <option key={r} value={r}>{t(`pr.range.${r}` as MessageKey)}</option>)}
          </select>
        </label>
        <OwnerPicker value={owner} onChange={setOwner} />
      </div>
      {!data ? <p class="muted" aria-busy="true">{t('loading')}</p> : (
        <div class="practice__grid">
          <div class="card">
            <h3>{t('pr.funnel')}</h3>
            <p class="muted">{t('pr.funnelNote', { total: data.funnel.total })}</p>
            <PracticeChart testid="funnel" title={t('pr.funnel')} horizontal
              data={{ labels: data.funnel.rows.map((r) => t(`stage.${r.stage}` as MessageKey)), datasets: [{ label: t('pr.reached'), data: data.funnel.rows.map((r) => r.reached) }] }}
              percent={(i) => pct(data.funnel.rows[i]!.conversion)} />
            <ul class="practice__links">
              {data.funnel.rows.map((r) => (
                <li key={r.stage}><button class="link" data-funnel={r.stage} onClick={() => showInTable(data.stageIds[r.stage], t(`stage.${r.stage}` as MessageKey))}>
                  {t('pr.atStage', { stage: t(`stage.${r.stage}` as MessageKey), count: r.now })}</button></li>
              ))}
              <li><button class="link" data-funnel="lost" onClick={() => showInTable(data.stageIds.lost, t('stage.lost'))}>
                {t('pr.lost', { count: data.funnel.lost, rate: pct(data.funnel.lostRate) })}</button></li>
            </ul>
          </div>
          <div class="card">
            <h3>{t('pr.rfm')}</h3>
            <p class="muted">{t('pr.rfmNote', { days: settings.value.practice.rfm.recencyDays })}</p>
            <table class="practice-table" data-testid="rfm-segments">
              <thead><tr><th scope="col">{t('pr.segment')}</th><th scope="col">{t('pr.cards')}</th></tr></thead>
              <tbody>
                {rfmSegments.map((s) => (
                  <tr key={s}>
                    <th scope="row"><button class="link" data-segment={s} onClick={() => showInTable(data.rfm[s], rfmSegmentLabels[s][l])}>{rfmSegmentLabels[s][l]}</button></th>
                    <td>{data.rfm[s].length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="card">
            <h3>{t('pr.churn')} ({data.churn.total})</h3>
            {data.churn.total === 0 ? <p class="muted">{t('pr.churnNone')}</p> : (
              <>
                <button class="link" data-testid="churn-in-table" onClick={() => showInTable(data.churn.cards.map((c) => c.id), t('pr.churn'))}>{t('pr.showInTable')}</button>
                <ul data-testid="churn-list">
                  {data.churn.cards.slice(0, 30).map((c) => (
                    <li key={c.id}><button class="link" onClick={() => onOpen(c.id)}>{c.name}</button> <span class="muted">{c.company}</span>{' '}
                      <span class="badge badge--churn">{(c.churnSignals ?? []).map((code) => t(`pr.signal.${code}` as MessageKey)).join(l === 'zh-CN' ? '、' : ', ')}</span></li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}


