import { useEffect, useRef, useState } from 'preact/hooks';
import { getRepo } from '../../lib/db';
import { gatherReport } from '../../lib/db/practice-report';
import { interactionTypes } from '../../lib/domain';
import { periodAt, type PeriodKind, type Report } from '../../lib/domain/report';
import { interactionTypeWord, reportRows, reportText } from '../../lib/domain/report-text';
import { lang, t } from '../../lib/i18n';
import { showToast } from '../common/Toast';
import { printSection, saveXlsx } from './export';
import { OwnerPicker, ownerName } from './OwnerPicker';
import { PracticeChart } from './PracticeChart';

/** The weekly / monthly report per owner or for the whole workspace: table, chart, text for 钉钉 / 企业微信, xlsx, PDF. */
export function Reports() {
  const [kind, setKind] = useState<PeriodKind>('week');
  const [offset, setOffset] = useState(0);
  const [owner, setOwner] = useState<string | undefined>(undefined);
  const [report, setReport] = useState<Report | undefined>();
  const [progress, setProgress] = useState('');
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    setReport(undefined);
    let live = true;
    void gatherReport(getRepo(), periodAt(kind, Date.now(), offset), owner, (d, n) => { if (live) setProgress(`${d} / ${n}`); })
      .then((r) => { if (live) setReport(r); });
    return () => { live = false; };
  }, [kind, offset, owner]);
  const who = owner === undefined ? t('pr.wholeWorkspace') : ownerName(owner);
  const l = lang.value;
  const copy = async () => {
    if (!report) return;
    await navigator.clipboard.writeText(reportText(report, who, l));
    showToast(t('pr.report.copied'));
  };
  return (
    <section class="practice" data-testid="reports" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('pr.reports')}</h2>
      <div class="row no-print">
        <label class="row nowrap">{t('pr.report.kind')}
          <select data-testid="report-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as PeriodKind)}>
            <option value="week">{t('pr.report.week')}</option><option value="month">{t('pr.report.month')}</option>
          </select>
        </label>
        <label class="row nowrap">{t('pr.period')}
          <select data-testid="report-offset" value={offset} onChange={(e) => setOffset(Number(e.currentTarget.value))}>
            <option value={0}>{t('pr.report.current')}</option><option value={-1}>{t('pr.report.previous')}</option>
          </select>
        </label>
        <OwnerPicker value={owner} onChange={setOwner} />
      </div>
      {!report ? <p class="muted" aria-busy="true">{t('loading')} {progress}</p> : (
        <article class="card" ref={box} data-testid="report">
          <h3>{reportText(report, who, l).split('\n')[0]}</h3>
          <table class="practice-table" data-testid="report-table"><tbody>
            {reportRows(report, l).map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>)}
          </tbody></table>
          <PracticeChart testid="report-chart" title={t('pr.report.byType')}
            data={{ labels: interactionTypes.map((x) => interactionTypeWord(x, l)), datasets: [{ label: t('pr.cards'), data: interactionTypes.map((x) => report.byType[x]) }] }} />
          <div class="row no-print">
            <button type="button" data-testid="report-copy" onClick={() => void copy()}>{t('pr.report.copy')}</button>
            <button type="button" data-testid="report-xlsx" onClick={() => void saveXlsx('cardfile-report', [{ name: t('pr.reports'), rows: [[who, reportText(report, who, l).split('\n')[0]!], ...reportRows(report, l)] }])}>{t('pr.exportXlsx')}</button>
            <button type="button" data-testid="report-pdf" onClick={() => printSection(box.current)}>{t('pr.exportPdf')}</button>
          </div>
        </article>
      )}
    </section>
  );
}
