import { useRef } from 'preact/hooks';
import type { AuditCampaign, VerificationReport as Report } from '../../lib/domain/audit-campaign';
import { formatDate, t, type MessageKey } from '../../lib/i18n';
import { saveXlsx, printSection, type SheetRows } from './export';
import { ownerName } from './OwnerPicker';
import { pct } from './PracticeChart';

const fieldName = (f: string) => { const k = `field.${f}` as MessageKey; const s = t(k); return s === k ? f : s; };

function sheets(c: AuditCampaign, r: Report): Array<{ name: string; rows: SheetRows }> {
  return [
    { name: t('pr.vr.summary'), rows: [[t('pr.item'), t('pr.cards')], ...counts(r).map(([k, v]): [string, number] => [k, v]),
      [t('pr.vr.started'), formatDate(c.startedAt)], [t('pr.vr.finished'), c.finishedAt ? formatDate(c.finishedAt) : '']] },
    { name: t('pr.vr.byOwner'), rows: [[t('ws.filter.owner'), t('pr.vr.total'), t('pr.vr.confirmed'), t('pr.vr.corrected'), t('pr.vr.unreachable'), t('pr.vr.unchecked')],
      ...r.byOwner.map((o) => [ownerName(o.owner), o.total, o.confirmed, o.corrected, o.unreachable, o.unchecked])] },
    { name: t('pr.vr.changed'), rows: [[t('pr.vr.field'), t('pr.cards')], ...r.changedFields.map((f) => [fieldName(f.field), f.count])] },
    { name: t('pr.vr.notConfirmed'), rows: [[t('field.name'), t('ws.filter.owner'), t('pr.vr.why'), t('pr.vr.note')],
      ...r.notConfirmed.map((n) => [n.name, ownerName(n.owner), t(`pr.vr.${n.why}` as MessageKey), n.note])] },
  ];
}

function counts(r: Report): Array<[string, number]> {
  return [[t('pr.vr.total'), r.total], [t('pr.vr.confirmed'), r.confirmed], [t('pr.vr.corrected'), r.corrected], [t('pr.vr.unreachable'), r.unreachable], [t('pr.vr.unchecked'), r.unchecked]];
}

/** 《客户信息核查报告》: counts, by owner, what changed, what could not be confirmed; xlsx and PDF. */
export function VerificationReport({ campaign }: { campaign: AuditCampaign }) {
  const box = useRef<HTMLElement>(null);
  const r = campaign.report;
  if (!r) return null;
  const rate = pct(r.total ? (r.confirmed + r.corrected) / r.total : undefined);
  return (
    <article class="card verification" ref={box} data-testid="verification-report" aria-labelledby={`vr-${campaign.id}`}>
      <h3 id={`vr-${campaign.id}`}>{t('pr.vr.title')}</h3>
      <p class="muted">{t('pr.vr.period', { from: formatDate(campaign.startedAt), to: campaign.finishedAt ? formatDate(campaign.finishedAt) : '' })} · {t('pr.vr.rate', { rate })}</p>
      <table class="practice-table" data-testid="vr-counts"><tbody>
        {counts(r).map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>)}
      </tbody></table>
      <h4>{t('pr.vr.byOwner')}</h4>
      <table class="practice-table"><thead><tr><th scope="col">{t('ws.filter.owner')}</th><th scope="col">{t('pr.vr.total')}</th><th scope="col">{t('pr.vr.confirmed')}</th><th scope="col">{t('pr.vr.corrected')}</th><th scope="col">{t('pr.vr.unreachable')}</th><th scope="col">{t('pr.vr.unchecked')}</th></tr></thead>
        <tbody>{r.byOwner.map((o) => <tr key={o.owner}><th scope="row">{ownerName(o.owner)}</th><td>{o.total}</td><td>{o.confirmed}</td><td>{o.corrected}</td><td>{o.unreachable}</td><td>{o.unchecked}</td></tr>)}</tbody></table>
      <h4>{t('pr.vr.changed')}</h4>
      {r.changedFields.length === 0 ? <p class="muted">{t('pr.vr.nothingChanged')}</p> : (
        <ul data-testid="vr-changed">{r.changedFields.map((f) => <li key={f.field}>{fieldName(f.field)}: {f.count}</li>)}</ul>
      )}
      <h4>{t('pr.vr.notConfirmed')} ({r.unreachable + r.unchecked})</h4>
      <ul data-testid="vr-not-confirmed">{r.notConfirmed.slice(0, 100).map((n) => (
        <li key={n.customerId}>{n.name} <span class="muted">{ownerName(n.owner)} · {t(`pr.vr.${n.why}` as MessageKey)}{n.note ? ` · ${n.note}` : ''}</span></li>
      ))}</ul>
      <div class="row no-print">
        <button type="button" data-testid="vr-xlsx" onClick={() => void saveXlsx('cardfile-audit-report', sheets(campaign, r))}>{t('pr.exportXlsx')}</button>
        <button type="button" data-testid="vr-pdf" onClick={() => printSection(box.current)}>{t('pr.exportPdf')}</button>
      </div>
    </article>
  );
}
