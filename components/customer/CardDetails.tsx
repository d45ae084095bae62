import { stages, type Customer, type CustomerInput } from '../../lib/domain';
import { formatDate, formatMoney, t } from '../../lib/i18n';
import { emailLabel, industryName, networkName } from '../../lib/i18n/words';
import { InlineField } from './InlineField';

/**
 * Every field of the card in one list: the ones people fix most are edited in place, the
 * structured ones (emails, phones, addresses…) are shown here and edited through "Edit".
 * Text only: captured values are never rendered as HTML.
 */
export function CardDetails({ customer: c, save }: { customer: Customer; save(patch: Partial<CustomerInput>): Promise<void> }) {
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
      <InlineField name="industry" label={t('field.industry')} value={c.industry} display={industryName(c.industry)} onSave={(v) => save({ industry: v })} />
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
    [t('field.emails'), c.emails.map((e) => <div key={e.value}><a href={`mailto:${e.value}`}>{e.value}</a>{e.label && ` (${emailLabel(e.label)})`}</div>)],
    [t('field.phones'), c.phones.map((p) => <div key={p.raw}><a href={`tel:${p.e164 ?? p.raw}`}>{p.raw}</a> ({t(`phone.${p.label}`)})</div>)],
    [t('field.addresses'), c.addresses.map((a, i) => <div key={i}>{a.formatted || [a.street, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ')}</div>)],
    [t('field.websites'), c.websites.map((w) => <div key={w}><a href={safeHref(w)} target="_blank" rel="noopener noreferrer">{w}</a></div>)],
    [t('field.social'), c.social.map((s) => <div key={s.network + s.handle}>{networkName(s.network)}: {s.handle}</div>)],
    [t('field.birthday'), c.birthday && `${c.birthday.year ? `${c.birthday.year}-` : ''}${c.birthday.month}-${c.birthday.day}`],
    [t('field.signedAt'), c.signedAt !== undefined && formatDate(c.signedAt)],
    [t('field.annualValue'), c.annualValue !== undefined && formatMoney(c.annualValue)],
    [t('field.needs'), c.needs && [c.needs.summary, c.needs.budget, c.needs.decisionRole && t(`role.${c.needs.decisionRole}`)].filter(Boolean).join(' · ')],
    [t('field.interests'), c.interests.join(', ')],
    [t('field.companySize'), c.companySize && [c.companySize.employees, c.companySize.annualRevenue].filter(Boolean).join(' · ')],
    [t('field.source'), t(`source.${c.source}`)],
  ];
}
