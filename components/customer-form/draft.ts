import type { Address, Customer, CustomerInput, Phone, Social } from '../../lib/domain';

/** The form's editing state: strings where the user types, lists as rows. */
export interface FormDraft {
  kind: 'person' | 'organization';
  name: string; company: string; title: string; department: string;
  emails: { value: string; label: string }[];
  phones: { raw: string; label: Phone['label'] }[];
  addresses: Address[];
  websites: string[];
  social: Social[];
  birthday: { month: string; day: string; year: string };
  interests: string; tags: string;
  industry: string; employees: string; annualRevenue: string;
  owner: string; stage: CustomerInput['stage'] & string; signedAt: string;
  needsSummary: string; budget: string; decisionRole: string;
  annualValue: string; notes: string; reviewedAt: string;
  source: NonNullable<CustomerInput['source']>;
}

export const emptyAddress = (): Address => ({ label: '', formatted: '', street: '', city: '', region: '', postalCode: '', country: '' });

const dateInput = (ms?: number) => (ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10));
const fromDateInput = (s: string) => (s ? Date.parse(`${s}T00:00:00Z`) : undefined);
const list = (s: string) => s.split(/[,，;；]/).map((x) => x.trim()).filter(Boolean);
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** A form draft for an existing customer, or an empty one. */
export function toDraft(c?: Partial<Customer>): FormDraft {
  return {
    kind: c?.kind ?? 'person',
    name: c?.name ?? '', company: c?.company ?? '', title: c?.title ?? '', department: c?.department ?? '',
    emails: c?.emails?.map((e) => ({ ...e })) ?? [],
    phones: c?.phones?.map((p) => ({ raw: p.raw, label: p.label })) ?? [],
    addresses: c?.addresses?.map((a) => ({ ...a })) ?? [],
    websites: [...(c?.websites ?? [])],
    social: c?.social?.map((s) => ({ ...s })) ?? [],
    birthday: { month: String(c?.birthday?.month ?? ''), day: String(c?.birthday?.day ?? ''), year: String(c?.birthday?.year ?? '') },
    interests: (c?.interests ?? []).join(', '), tags: (c?.tags ?? []).join(', '),
    industry: c?.industry ?? '', employees: c?.companySize?.employees ?? '', annualRevenue: c?.companySize?.annualRevenue ?? '',
    owner: c?.owner ?? '', stage: c?.stage ?? 'first-contact', signedAt: dateInput(c?.signedAt),
    needsSummary: c?.needs?.summary ?? '', budget: c?.needs?.budget ?? '', decisionRole: c?.needs?.decisionRole ?? '',
    annualValue: c?.annualValue === undefined ? '' : String(c.annualValue), notes: c?.notes ?? '',
    reviewedAt: dateInput(c?.reviewedAt), source: c?.source ?? 'manual',
  };
}

/** The CustomerInput the repository validates; empty rows are dropped, nothing else is judged here. */
export function fromDraft(d: FormDraft): CustomerInput {
  const b = d.birthday;
  const hasBirthday = b.month.trim() !== '' || b.day.trim() !== '';
  return {
    kind: d.kind, name: d.name, company: d.company, title: d.title, department: d.department,
    emails: d.emails.filter((e) => e.value.trim()),
    phones: d.phones.filter((p) => p.raw.trim()),
    addresses: d.addresses.filter((a) => Object.values(a).some((v) => v.trim())),
    websites: d.websites.map((w) => w.trim()).filter(Boolean),
    social: d.social.filter((s) => s.handle.trim()),
    birthday: hasBirthday ? { month: Number(b.month), day: Number(b.day), ...(b.year.trim() ? { year: Number(b.year) } : {}) } : undefined,
    interests: list(d.interests), tags: list(d.tags),
    industry: d.industry,
    companySize: d.employees || d.annualRevenue ? { employees: d.employees, annualRevenue: d.annualRevenue } : undefined,
    owner: d.owner, stage: d.stage, signedAt: fromDateInput(d.signedAt), source: d.source,
    needs: d.needsSummary || d.budget || d.decisionRole
      ? { summary: d.needsSummary, budget: d.budget, decisionRole: (d.decisionRole || undefined) as never }
      : undefined,
    annualValue: num(d.annualValue), notes: d.notes, reviewedAt: fromDateInput(d.reviewedAt),
  };
}
