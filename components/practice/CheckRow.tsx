import { useState } from 'preact/hooks';
import type { Customer, CustomerInput } from '../../lib/domain';
import type { CheckOutcome } from '../../lib/domain/audit-campaign';
import { t } from '../../lib/i18n';

/** One card to confirm: its contact details, and confirm / correct / could not confirm. */
export function CheckRow({ card, busy, onCheck }: { card: Customer; busy: boolean; onCheck(o: CheckOutcome, patch?: Partial<CustomerInput>, note?: string): void }) {
  const [mode, setMode] = useState<'view' | 'correct' | 'unreachable'>('view');
  const [title, setTitle] = useState(card.title);
  const [company, setCompany] = useState(card.company);
  const [phone, setPhone] = useState(card.phones[0]?.raw ?? '');
  const [email, setEmail] = useState(card.emails[0]?.value ?? '');
  const [note, setNote] = useState('');
  const correct = (e: Event) => {
    e.preventDefault();
    const patch: Partial<CustomerInput> = {};
    if (title !== card.title) patch.title = title;
    if (company !== card.company) patch.company = company;
    if (phone !== (card.phones[0]?.raw ?? '')) patch.phones = [...(phone.trim() ? [{ raw: phone, label: card.phones[0]?.label ?? 'mobile' }] : []), ...card.phones.slice(1)];
    if (email !== (card.emails[0]?.value ?? '')) patch.emails = [...(email.trim() ? [{ value: email, label: card.emails[0]?.label ?? '' }] : []), ...card.emails.slice(1)];
    onCheck('corrected', patch);
  };
  return (
    <li class="audit-card" data-card={card.name}>
      <div><strong>{card.name}</strong> <span class="muted">{[card.title, card.company].filter(Boolean).join(' · ')}</span></div>
      <div class="muted">{[...card.phones.map((p) => p.raw), ...card.emails.map((e) => e.value)].join(' · ') || t('pr.audit.noContact')}</div>
      {mode === 'view' && (
        <div class="row">
          <button disabled={busy} data-action="confirm" onClick={() => onCheck('confirmed')}>{t('pr.audit.confirm')}</button>
          <button disabled={busy} data-action="correct" onClick={() => setMode('correct')}>{t('pr.audit.correct')}</button>
          <button disabled={busy} data-action="unreachable" onClick={() => setMode('unreachable')}>{t('pr.audit.unreachable')}</button>
        </div>
      )}
      {mode === 'correct' && (
        <form class="row" onSubmit={correct}>
          <label>{t('field.title')}<input value={title} onInput={(e) => setTitle(e.currentTarget.value)} data-correct="title" /></label>
          <label>{t('field.company')}<input value={company} onInput={(e) => setCompany(e.currentTarget.value)} data-correct="company" /></label>
          <label>{t('pr.audit.phone')}<input value={phone} onInput={(e) => setPhone(e.currentTarget.value)} data-correct="phone" /></label>
          <label>{t('pr.audit.email')}<input value={email} onInput={(e) => setEmail(e.currentTarget.value)} data-correct="email" /></label>
          <button class="primary" disabled={busy} type="submit" data-action="save-correction">{t('pr.audit.saveCorrection')}</button>
          <button type="button" onClick={() => setMode('view')}>{t('cancel')}</button>
        </form>
      )}
      {mode === 'unreachable' && (
        <form class="row" onSubmit={(e) => { e.preventDefault(); onCheck('unreachable', undefined, note); }}>
          <label>{t('pr.vr.note')}<input value={note} onInput={(e) => setNote(e.currentTarget.value)} data-correct="note" placeholder={t('pr.audit.notePlaceholder')} /></label>
          <button class="primary" disabled={busy} type="submit" data-action="save-unreachable">{t('pr.audit.saveUnreachable')}</button>
          <button type="button" onClick={() => setMode('view')}>{t('cancel')}</button>
        </form>
      )}
    </li>
  );
}
