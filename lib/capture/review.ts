import type { ContactDraft } from '../domain/contact-draft';
import type { Customer, CustomerInput } from '../domain/customer';
import { findByEmail, findByPhone } from '../db/customers';
import type { RepoContext } from '../db/context';

/** How an existing card was recognised, strongest first (SPEC §5). */
export type MatchBy = 'email' | 'phone' | 'linkedin' | 'name+company';
export interface Match {
  customer: Customer;
  by: MatchBy;
}

const squash = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[\s.,'"()（）·\-_]+/g, '');
const COMPANY_SUFFIX = /(有限责任公司|股份有限公司|有限公司|集团|公司|incorporated|inc|ltd|limited|llc|gmbh|co|corp|corporation|sarl|sa|ag|plc)$/;
const companyKey = (s: string) => squash(s).replace(COMPANY_SUFFIX, '');
const linkedinKey = (u: string) => u.toLowerCase().replace(/^https?:\/\/([a-z]{2,3}\.|www\.)?/, '').replace(/[/?#].*$|\/$/, '') + (/\/(in|company)\/([^/?#]+)/i.exec(u)?.[2]?.toLowerCase() ?? '');

/** Same name and (when both have one) the same company, ignoring case, spaces, punctuation and legal suffixes. */
export function sameNameAndCompany(a: { name: string; company: string }, b: { name: string; company: string }): boolean {
  if (!a.name || squash(a.name) !== squash(b.name)) return false;
  if (!a.company || !b.company) return true;
  const x = companyKey(a.company);
  const y = companyKey(b.company);
  return x === y || (x.length >= 2 && y.length >= 2 && (x.includes(y) || y.includes(x)));
}

/** Existing cards this contact may be: by email, E.164 phone, LinkedIn URL, then name + company. */
export async function findMatches(ctx: RepoContext, c: ContactDraft): Promise<Match[]> {
  const out: Match[] = [];
  const add = (list: Customer[], by: MatchBy) => list.forEach((customer) => out.some((m) => m.customer.id === customer.id) || out.push({ customer, by }));
  for (const e of c.emails) add(await findByEmail(ctx, e.value), 'email');
  for (const p of c.phones) if (p.e164) add(await findByPhone(ctx, p.e164), 'phone');
  const li = c.social.filter((s) => s.network === 'linkedin').map((s) => linkedinKey(s.handle));
  if (li.length || c.name) {
    const rest = await ctx.db.customers
      .filter((x) => x.deletedAt === null && (x.social.some((s) => s.network === 'linkedin' && li.includes(linkedinKey(s.handle))) || sameNameAndCompany(c, x)))
      .limit(20)
      .toArray();
    add(rest.filter((x) => x.social.some((s) => s.network === 'linkedin' && li.includes(linkedinKey(s.handle)))), 'linkedin');
    add(rest, 'name+company');
  }
  return out;
}

export type DiffField = 'name' | 'company' | 'title' | 'emails' | 'phones' | 'websites' | 'addresses' | 'social';
export interface FieldChange {
  field: DiffField;
  old: string;
  new: string;
  /** The card already has a different non-empty value: never applied unless the user ticks it. */
  conflict: boolean;
}

const SCALARS = ['name', 'company', 'title'] as const;
const listText = {
  emails: (c: Pick<ContactDraft, 'emails'>) => c.emails.map((e) => e.value.toLowerCase()),
  phones: (c: Pick<ContactDraft, 'phones'>) => c.phones.map((p) => p.e164 ?? p.raw),
  websites: (c: Pick<ContactDraft, 'websites'>) => c.websites,
  addresses: (c: Pick<ContactDraft, 'addresses'>) => c.addresses.map((a) => a.formatted ?? ''),
  social: (c: Pick<ContactDraft, 'social'>) => c.social.map((s) => `${s.network}:${s.handle}`),
};

/** Field-by-field difference between a card and a clipped contact (only what would change). */
export function diffContact(existing: Customer, c: ContactDraft): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of SCALARS) {
    const nv = c[f].trim();
    const ov = existing[f].trim();
    if (nv && nv !== ov) out.push({ field: f, old: ov, new: nv, conflict: !!ov });
  }
  for (const f of Object.keys(listText) as Array<keyof typeof listText>) {
    const have = new Set(listText[f](existing as never).map((x) => x.toLowerCase()));
    const added = listText[f](c as never).filter((x) => x && !have.has(x.toLowerCase()));
    if (added.length) out.push({ field: f, old: listText[f](existing as never).join(', '), new: added.join(', '), conflict: false });
  }
  return out;
}

/** The patch for the ticked fields: scalars replaced, list items appended (nothing removed). */
export function patchFor(existing: Customer, c: ContactDraft, ticked: ReadonlySet<DiffField>): Partial<CustomerInput> {
  const input = toCustomerInput(c, existing.source);
  const patch: Partial<CustomerInput> = {};
  for (const f of SCALARS) if (ticked.has(f) && c[f].trim()) patch[f] = c[f].trim();
  if (ticked.has('emails')) patch.emails = [...existing.emails, ...(input.emails ?? [])];
  if (ticked.has('phones')) patch.phones = [...existing.phones, ...(input.phones ?? [])];
  if (ticked.has('websites')) patch.websites = [...existing.websites, ...(input.websites ?? [])];
  if (ticked.has('addresses')) patch.addresses = [...existing.addresses, ...(input.addresses ?? [])];
  if (ticked.has('social')) patch.social = [...existing.social, ...(input.social ?? [])];
  return patch;
}

/** A new card's input from a clipped contact (the repository dedupes list items and validates). */
export function toCustomerInput(c: ContactDraft, source: CustomerInput['source']): CustomerInput {
  const name = c.name.trim() || c.company.trim() || c.emails[0]?.value || '';
  return {
    kind: c.kind,
    name,
    company: c.kind === 'organization' ? '' : c.company,
    title: c.title,
    department: c.department,
    emails: c.emails.map((e) => ({ value: e.value, label: e.label })),
    phones: c.phones.map((p) => ({ raw: p.raw, e164: p.e164, label: p.label })),
    addresses: c.addresses.map((a) => ({ label: a.label ?? '', formatted: a.formatted ?? '', street: a.street ?? '', city: a.city ?? '', region: a.region ?? '', postalCode: a.postalCode ?? '', country: a.country ?? '' })),
    websites: c.websites.slice(0, 20),
    social: c.social.slice(0, 30),
    notes: c.notes,
    tags: c.tags,
    source,
  };
}
