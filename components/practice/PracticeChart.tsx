import { useChart } from '../common/use-chart';
import { t } from '../../lib/i18n';
import { saveChartImage } from './export';

export interface ChartData { labels: string[]; datasets: { label: string; data: number[] }[] }

/**
 * A chart.js bar chart with every number also in a table below it (screen readers, export),
 * and a button saving the chart as an image. chart.js is imported on first use.
 */
export function PracticeChart({ title, data, testid, horizontal = false, percent }: {
  title: string; data: ChartData; testid: string; horizontal?: boolean; percent?: (i: number) => string;
}) {
  const canvas = useChart({ type: 'bar', data, options: { indexAxis: horizontal ? 'y' : 'x' } });
  return (
    <figure class="practice-chart" data-testid={testid}>
      <figcaption>{title}</figcaption>
      <div class="chart"><canvas ref={canvas} role="img" aria-label={title} /></div>
      <table class="practice-table" data-testid={`${testid}-table`}>
        <thead><tr><th scope="col">{t('pr.item')}</th>{data.datasets.map((d) => <th scope="col" key={d.label}>{d.label}</th>)}{percent && <th scope="col">{t('pr.rate')}</th>}</tr></thead>
        <tbody>
          {data.labels.map((l, i) => (
            <tr key={l}><th scope="row">{l}</th>{data.datasets.map((d) => <td key={d.label}>{d.data[i]}</td>)}{percent && <td>{percent(i)}</td>}</tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="link" onClick={() => saveChartImage(canvas.current, testid)} data-testid={`${testid}-image`}>{t('pr.chartImage')}</button>
    </figure>
  );
}

/** "42.5%" or "—". */
export const pct = (r: number | undefined) => (r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`);
