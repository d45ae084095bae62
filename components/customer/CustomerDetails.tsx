import type { Customer } from '../../lib/domain';
import { formatDate, formatMoney, t } from '../../lib/i18n';

const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : `https://${url.replace(/^[a-z]+:/i, '')}`);

/** Every filled field of a card, read-only. Captured text is rendered as text, never as HTML. */
export function CustomerDetails({ customer: c }: { customer: Customer }) {
  const rows: [string, preact.ComponentChildren][] = [
    [t('field.company'), c.company], [t('field.title'), c.title], [t('field.department'), c.department],
    [t('field.emails'), c.emails.map((e) => <div key={e.value}><a href={`mailto:${e.value}`}>{e.value}</a>{e.label && ` (${e.label})`}</div>)],
    [t('field.phones'), c.phones.map((p) => <div key={p.raw}><a href={`tel:${p.e164 ?? p.raw}`}>{p.raw}</a> ({t(`phone.${p.label}`)})</div>)],
    [t('field.addresses'), c.addresses.map((a, i) => <div key={i}>{a.formatted || [a.street, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ')}</div>)],
    [t('field.websites'), c.websites.map((w) => <div key={w}><a href={safeHref(w)} target="_blank" rel="noopener noreferrer">{w}</a></div>)],
    [t('field.social'), c.social.map((s) => <div key={s.network + s.handle}>{s.network}: {s.handle}</div>)],
    [t('field.birthday'), c.birthday && `${c.birthday.year ? `${c.birthday.year}-` : ''}${c.birthday.month}-${c.birthday.day}`],
    [t('field.industry'), c.industry], [t('field.owner'), c.owner], [t('field.stage'), t(`stage.${c.stage}`)],
    [t('field.signedAt'), c.signedAt !== undefined && formatDate(c.signedAt)],
    [t('field.annualValue'), c.annualValue !== undefined && formatMoney(c.annualValue)],
    [t('field.needs'), c.needs && [c.needs.summary, c.needs.budget, c.needs.decisionRole && t(`role.${c.needs.decisionRole}`)].filter(Boolean).join(' · ')],
    [t('field.interests'), c.interests.join(', ')],
    [t('field.companySize'), c.companySize && [c.companySize.employees, c.companySize.annualRevenue].filter(Boolean).join(' · ')],
    [t('field.source'), t(`source.${c.source}`)],
    [t('field.notes'), c.notes && <div class="pre">{c.notes}</div>],
  ];
  return (
    <dl class="details">
      {rows
        .filter(([, v]) => v !== undefined && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => (
          <div class="details__row" key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}
