import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  addInteraction, getRepo, restoreCustomer, softDeleteCustomer, timeline, updateCustomer,
} from '../../lib/db';
import { stages, type Customer, type CustomerInput, type InteractionType } from '../../lib/domain';
import { formatDate, formatMoney, t } from '../../lib/i18n';
import { useLive } from '../../lib/state/live';
import { settings } from '../../lib/state/settings';
import { Badges } from '../customer/Badges';
import { CustomerForm } from '../customer-form/CustomerForm';
import { InteractionForm } from '../interaction/InteractionForm';
import { Timeline } from '../interaction/Timeline';
import { FollowUps } from './FollowUps';
import { InlineField } from './InlineField';

type Mode = 'view' | 'edit' | 'schedule' | InteractionType;

/**
 * The full card in the side panel: badges; the common fields editable in place (Enter / Escape);
 * every field through "Edit"; open follow-ups; add a note, log an interaction, schedule a
 * follow-up; the timeline newest first. Live: a write anywhere re-renders it.
 */
export function CardView({ id, onDeleted }: { id: string; onDeleted?(name: string, id: string): void }) {
  const repo = getRepo();
  const customer = useLive(() => repo.db.customers.get(id), [id]);
  const items = useLive(() => timeline(repo, id), [id]);
  const [mode, setMode] = useState<Mode>('view');
  const lastAction = useRef<HTMLElement | null>(null);
  const formBox = useRef<HTMLDivElement>(null);

  // Keyboard users land in the form that opened, and back on the button that opened it.
  useLayoutEffect(() => {
    if (mode === 'view') lastAction.current?.focus();
    else formBox.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [mode]);

  const c = customer.value.value;
  if (c === undefined) return <p class="muted">{t('loading')}</p>;
  if (!c) return <p>{t('card.notFound')}</p>;
  const save = (patch: Partial<CustomerInput>) => updateCustomer(repo, c.id, patch, c.rev).then(() => undefined);
  const openMode = (m: Mode) => (e: Event) => {
    lastAction.current = e.currentTarget as HTMLElement;
    setMode(m);
  };

  return (
    <article class="customer-view" data-customer-id={c.id}>
      <header class="customer-view__head">
        <h2 data-testid="customer-name">{c.name}</h2>
        <Badges customer={c} />
      </header>
      {c.deletedAt !== null && (
        <div class="notice" role="status">
          {t('card.deletedNotice')} <button onClick={() => restoreCustomer(repo, c.id)}>{t('card.restore')}</button>
        </div>
      )}
      <div class="actions" role="toolbar" aria-label={c.name}>
        <button onClick={openMode('edit')}>{t('edit')}</button>
        <button onClick={openMode('call')}>{t('ix.log')}</button>
        <button onClick={openMode('note')}>{t('ix.addNote')}</button>
        <button onClick={openMode('schedule')}>{t('sp.schedule')}</button>
        {c.deletedAt === null && (
          <button class="danger" onClick={async () => { await softDeleteCustomer(repo, c.id); onDeleted?.(c.name, c.id); }}>
            {t('delete')}
          </button>
        )}
      </div>
      <div ref={formBox}>
        {mode === 'edit' && (
          <CustomerForm initial={c} onCancel={() => setMode('view')}
            onSubmit={async (input) => { await updateCustomer(repo, c.id, input, c.rev); setMode('view'); }} />
        )}
        {mode !== 'view' && mode !== 'edit' && mode !== 'schedule' && (
          <InteractionForm customerId={c.id} type={mode} currency={settings.value.currency} onCancel={() => setMode('view')}
            onSubmit={async (input) => { await addInteraction(repo, input); setMode('view'); }} />
        )}
      </div>
      {mode !== 'edit' && <CardDetails customer={c} save={save} />}
      <FollowUps customerId={c.id} scheduling={mode === 'schedule'} onScheduled={() => setMode('view')} />
      <Timeline items={items.value.value ?? []} />
    </article>
  );
}

/**
 * Every field of the card in one list: the ones people fix most are edited in place, the
 * structured ones (emails, phones, addresses…) are shown here and edited through "Edit".
 * Text only: captured values are never rendered as HTML.
 */
function CardDetails({ customer: c, save }: { customer: Customer; save(patch: Partial<CustomerInput>): Promise<void> }) {
  const text = (name: 'name' | 'company' | 'title' | 'department' | 'owner' | 'industry', label: Parameters<typeof t>[0]) => (
    <InlineField key={name} name={name} label={t(label)} value={c[name]} onSave={(v) => save({ [name]: v })} />
  );
  const list = (v: string) => v.split(/[,，;；]/).map((x) => x.trim()).filter(Boolean);
  const rows = readOnlyRows(c).filter(([, v]) => v !== undefined && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0));
  return (
    <dl class="details" data-testid="card-details">
      {text('name', 'field.name')}
      {text('company', 'field.company')}
      {text('title', 'field.title')}
      {text('department', 'field.department')}
      {rows.map(([k, v]) => (
        <div class="details__row" key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
      {text('owner', 'field.owner')}
      {text('industry', 'field.industry')}
      <InlineField name="stage" label={t('field.stage')} value={c.stage} display={t(`stage.${c.stage}`)}
        options={stages.map((s) => ({ value: s, label: t(`stage.${s}`) }))} onSave={(v) => save({ stage: v as Customer['stage'] })} />
      <InlineField name="tags" label={t('field.tags')} value={c.tags.join(', ')} onSave={(v) => save({ tags: list(v) })} />
      <InlineField name="notes" label={t('field.notes')} value={c.notes} multiline onSave={(v) => save({ notes: v })} />
    </dl>
  );
}

const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : `https://${url.replace(/^[a-z]+:/i, '')}`);

function readOnlyRows(c: Customer): Array<[string, preact.ComponentChildren]> {
  return [
    [t('field.emails'), c.emails.map((e) => <div key={e.value}><a href={`mailto:${e.value}`}>{e.value}</a>{e.label && ` (${e.label})`}</div>)],
    [t('field.phones'), c.phones.map((p) => <div key={p.raw}><a href={`tel:${p.e164 ?? p.raw}`}>{p.raw}</a> ({t(`phone.${p.label}`)})</div>)],
    [t('field.addresses'), c.addresses.map((a, i) => <div key={i}>{a.formatted || [a.street, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ')}</div>)],
    [t('field.websites'), c.websites.map((w) => <div key={w}><a href={safeHref(w)} target="_blank" rel="noopener noreferrer">{w}</a></div>)],
    [t('field.social'), c.social.map((s) => <div key={s.network + s.handle}>{s.network}: {s.handle}</div>)],
    [t('field.birthday'), c.birthday && `${c.birthday.year ? `${c.birthday.year}-` : ''}${c.birthday.month}-${c.birthday.day}`],
    [t('field.signedAt'), c.signedAt !== undefined && formatDate(c.signedAt)],
    [t('field.annualValue'), c.annualValue !== undefined && formatMoney(c.annualValue)],
    [t('field.needs'), c.needs && [c.needs.summary, c.needs.budget, c.needs.decisionRole && t(`role.${c.needs.decisionRole}`)].filter(Boolean).join(' · ')],
    [t('field.interests'), c.interests.join(', ')],
    [t('field.companySize'), c.companySize && [c.companySize.employees, c.companySize.annualRevenue].filter(Boolean).join(' · ')],
    [t('field.source'), t(`source.${c.source}`)],
  ];
}
