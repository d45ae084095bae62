import type { Customer } from '../domain';

const DAY = 86_400_000;
export const qualityChecks = ['missingContact', 'missingCompany', 'stale', 'invalidPhone', 'invalidEmail'] as const;
export type QualityCheck = (typeof qualityChecks)[number];

/**
 * Which data-quality checks a live card fails: no email and no phone; a person without a company;
 * not reviewed for `staleDays` (reviewedAt, else createdAt); a phone that is not a possible number
 * (no E.164); an email kept aside at import because it was not valid. Pure; `now` passed in.
 */
export function qualityIssues(c: Customer, now: number, staleDays = 182): QualityCheck[] {
  const out: QualityCheck[] = [];
  if (c.emails.length === 0 && c.phones.length === 0) out.push('missingContact');
  if (c.kind === 'person' && !c.company.trim()) out.push('missingCompany');
  if (now - (c.reviewedAt ?? c.createdAt) > staleDays * DAY) out.push('stale');
  if (c.phones.some((p) => !p.e164)) out.push('invalidPhone');
  if (Object.keys(c.customFields).some((k) => k.startsWith('email (unverified)'))) out.push('invalidEmail');
  return out;
}
