import { useEffect, useState } from 'preact/hooks';
import { confirmCard, finishAuditCampaign, startAuditCampaign } from '../../lib/actions/audit-campaign';
import { getRepo } from '../../lib/db';
import { auditHistory, campaignProgress, cardsToConfirm, openCampaign, type OwnerProgress } from '../../lib/db/audit-campaign';
import type { Customer } from '../../lib/domain';
import type { AuditCampaign as Campaign } from '../../lib/domain/audit-campaign';
import { formatDate, t } from '../../lib/i18n';
import { showToast } from '../common/Toast';
import { ownerName } from './OwnerPicker';
import { CheckRow } from './CheckRow';
import { VerificationReport } from './VerificationReport';

/** The half-yearly audit: start it, confirm cards owner by owner with progress, finish with the verification report. */
export function AuditCampaign() {
  const repo = getRepo();
  const [campaign, setCampaign] = useState<Campaign | null | undefined>(undefined);
  const [history, setHistory] = useState<Campaign[]>([]);
  const [progress, setProgress] = useState<OwnerProgress[]>([]);
  const [owner, setOwner] = useState<string | undefined>();
  const [cards, setCards] = useState<{ left: number; cards: Customer[] }>({ left: 0, cards: [] });
  const [busy, setBusy] = useState(false);
  const reload = async () => {
    const open = (await openCampaign(repo)) ?? null;
    setCampaign(open);
    setHistory(await auditHistory(repo));
    if (open) {
      const p = await campaignProgress(repo, open.id);
      setProgress(p);
      const o = owner ?? p.find((x) => x.checked < x.total)?.owner ?? p[0]?.owner;
      setOwner(o);
      if (o !== undefined) setCards(await cardsToConfirm(repo, open.id, o));
    }
  };
  useEffect(() => { void reload(); }, [owner]);
  if (campaign === undefined) return <p class="muted" aria-busy="true">{t('loading')}</p>;
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try { await work(); await reload(); } catch (e) { showToast(t('pr.audit.failed')); console.error(e); } finally { setBusy(false); }
  };
  return (
    <section class="practice" data-testid="audit" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('pr.audit')}</h2>
      {!campaign ? (
        <div class="card">
          <p>{t('pr.audit.intro', { months: 6 })}</p>
          <button class="primary" disabled={busy} data-testid="audit-start" onClick={() => void run(() => startAuditCampaign(repo))}>{t('pr.audit.start')}</button>
        </div>
      ) : (
        <div class="card" data-testid="audit-open">
          <p>{t('pr.audit.since', { date: formatDate(campaign.startedAt), total: campaign.total })}</p>
          <ul class="audit-owners" aria-label={t('pr.audit.progress')}>
            {progress.map((p) => (
              <li key={p.owner}>
                <button class={p.owner === owner ? 'tab tab--active' : 'tab'} aria-pressed={p.owner === owner} data-owner={p.owner} onClick={() => setOwner(p.owner)}>{ownerName(p.owner)}</button>
                <progress max={p.total} value={p.checked} aria-label={t('pr.audit.ownerProgress', { owner: ownerName(p.owner) })} />
                <span data-progress={p.owner}>{p.checked} / {p.total}</span>
              </li>
            ))}
          </ul>
          <h3>{t('pr.audit.toConfirm', { owner: ownerName(owner ?? ''), count: cards.left })}</h3>
          <ul class="audit-cards" data-testid="audit-cards">
            {cards.cards.map((c) => (
              <CheckRow key={c.id} card={c} busy={busy}
                onCheck={(outcome, patch, note) => void run(() => confirmCard(repo, { campaignId: campaign.id, customerId: c.id, outcome, patch, note }))} />
            ))}
          </ul>
          <button disabled={busy} data-testid="audit-finish" onClick={() => void run(() => finishAuditCampaign(repo, campaign.id))}>{t('pr.audit.finish')}</button>
        </div>
      )}
      <h3>{t('pr.audit.history')}</h3>
      {history.length === 0 ? <p class="muted">{t('pr.audit.noHistory')}</p> : history.map((h) => <VerificationReport key={h.id} campaign={h} />)}
    </section>
  );
}
