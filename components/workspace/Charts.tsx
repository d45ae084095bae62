import { useEffect, useState } from 'preact/hooks';
import { useChart } from '../common/use-chart';
import { getRepo } from '../../lib/actions/context';
import { countOpenDue, interactionsSince } from '../../lib/db/queries';
import { activityTiers, statuses, valueTiers, type Customer } from '../../lib/domain';
import { formatMoney, lang, t, type MessageKey } from '../../lib/i18n';
import { settings } from '../../lib/state/settings';
import { forEachCustomerPage } from '../../lib/import-export/export';
import { churnRisk, interactionMonths, rfmScores, valueActivityMatrix, type RfmRow } from '../../lib/workspace/stats';

const DAY = 86_400_000;

interface Data {
  matrix: number[][];
  funnel: number[];
  months: ReturnType<typeof interactionMonths>;
  load: [number, number, number];
  churn: Customer[];
  rfm: RfmRow[];
}

async function compute(): Promise<Data> {
  const repo = getRepo();
  const now = Date.now();
  const customers: Customer[] = [];
  // Slim copies: only what the charts need stays in memory.
  await forEachCustomerPage(repo, (page) => {
    for (const c of page) customers.push({ ...c, notes: '', addresses: [], customFields: {} });
  });
  const since = now - 365 * DAY;
  const recent = await interactionsSince(repo, since);
  const frequency = new Map<string, number>();
  for (const i of recent) frequency.set(i.customerId, (frequency.get(i.customerId) ?? 0) + 1);
  const startOfDay = new Date(now).setHours(0, 0, 0, 0);
  const count = (from: number, to: number) => countOpenDue(repo, from, to);
  const load: [number, number, number] = [await count(-Infinity, startOfDay), await count(startOfDay, startOfDay + DAY), await count(startOfDay + DAY, startOfDay + 7 * DAY)];
  return {
    matrix: valueActivityMatrix(customers),
    funnel: statuses.map((s) => customers.filter((c) => c.status === s).length),
    months: interactionMonths(recent, now),
    load,
    churn: churnRisk(customers, now),
    rfm: rfmScores(customers, frequency, now).slice(0, 20),
  };
}

type ChartCfg = { type: 'bar' | 'line'; data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] }; options?: Record<string, unknown> };

/** One chart.js canvas; chart.js is imported on first use so it never reaches the popup bundle. */
function ChartBox({ config, testid }: { config: ChartCfg; testid: string }) {
  const canvas = useChart(config);
  return <div class="chart" data-testid={testid}><canvas ref={canvas} /></div>;
}

/** The analytics tab: matrix, funnel, months by type, follow-up load, churn risk, RFM, satisfaction. */
export function Charts({ onOpen }: { onOpen(id: string): void }) {
  const [data, setData] = useState<Data | undefined>();
  useEffect(() => { void compute().then(setData); }, []);
  if (!data) return <p class="muted">{t('ch.loading')}</p>;
  const monthLabels = data.months.months.map((m) => new Intl.DateTimeFormat(lang.value, { month: 'short', year: '2-digit' }).format(m));
  const max = Math.max(1, ...data.matrix.flat());
  return (
    <section class="charts" data-testid="charts">
      <div class="card">
        <h3>{t('ch.matrix')}</h3>
        <table class="matrix" data-testid="chart-matrix">
          <thead><tr><th />{activityTiers.map((a) => <th key={a}>{t(`activity.${a}`)}</th>)}</tr></thead>
          <tbody>
            {valueTiers.map((v, r) => (
              <tr key={v}>
                <th>{t(`value.${v}`)}</th>
                {data.matrix[r]!.map((n, c) => <td key={c} style={{ background: `rgba(31,111,235,${(n / max) * 0.6})` }}>{n}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="card">
        <h3>{t('ch.funnel')}</h3>
        <ChartBox testid="chart-funnel" config={{ type: 'bar', data: { labels: statuses.map((s) => t(`status.${s}`)), datasets: [{ label: t('ch.count'), data: data.funnel }] }, options: { indexAxis: 'y' } }} />
      </div>
      <div class="card card--wide">
        <h3>{t('ch.months')}</h3>
        <ChartBox testid="chart-months" config={{ type: 'bar', data: { labels: monthLabels, datasets: [...data.months.byType].map(([type, counts]) => ({ label: t(`type.${type}`), data: counts })) }, options: { scales: { x: { stacked: true }, y: { stacked: true } } } }} />
      </div>
      <div class="card">
        <h3>{t('ch.followups')}</h3>
        <ChartBox testid="chart-load" config={{ type: 'bar', data: { labels: [t('ch.overdue'), t('ch.today'), t('ch.week')], datasets: [{ label: t('ch.count'), data: data.load }] } }} />
      </div>
      <div class="card">
        <h3>{t('ch.satisfaction')}</h3>
        <ChartBox testid="chart-satisfaction" config={{ type: 'line', data: { labels: monthLabels, datasets: [{ label: t('ch.avg'), data: data.months.satisfaction }] }, options: { scales: { y: { min: 1, max: 5 } } } }} />
      </div>
      <div class="card">
        <h3>{t('ch.churn')}</h3>
        <ul data-testid="chart-churn">
          {data.churn.slice(0, 15).map((c) => <li key={c.id}><button class="link" onClick={() => onOpen(c.id)}>{c.name}</button> <span class="muted">{c.company} {c.value ? formatMoney(c.value, settings.value.currency) : ''}</span></li>)}
        </ul>
      </div>
      <div class="card">
        <h3>{t('ch.rfm')}</h3>
        <table data-testid="chart-rfm">
          <thead><tr><th>{t('field.name')}</th><th>{t('ch.recency')}</th><th>{t('ch.frequency')}</th><th>{t('ch.monetary')}</th></tr></thead>
          <tbody>{data.rfm.map((r) => <tr key={r.id}><td><button class="link" onClick={() => onOpen(r.id)}>{r.name}</button></td><td>{r.r}</td><td>{r.f}</td><td>{r.m}</td></tr>)}</tbody>
        </table>
      </div>
    </section>
  );
}
