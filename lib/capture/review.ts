import type { ContactDraft } from '../domain/contact-draft';
import type { Customer, CustomerInput } from '../domain/customer';
import { companyKey, linkedinKey, nameKey, sameNameAndCompany, siteKey } from '../domain/identity';
import { toE164 } from '../domain/phone';

// Identity rules (names, companies, LinkedIn) live in lib/domain/identity.ts; re-exported for callers.
export { companyKey, linkedinKey, sameNameAndCompany };
const squash = nameKey;

export type DiffField = 'name' | 'company' | 'title' | 'emails' | 'phones' | 'websites' | 'addresses' | 'social';
export interface FieldChange {
  field: DiffField;
  old: string;
  new: string;
  /** The card already has a different non-empty value: never applied unless the user ticks it. */
  conflict: boolean;
}

const SCALARS = ['name', 'company', 'title'] as const;
const LISTS = ['emails', 'phones', 'websites', 'addresses', 'social'] as const;
type ListField = (typeof LISTS)[number];
type Lists = Pick<CustomerInput, ListField>;

/** What makes two list items "the same" (so a merge never adds a duplicate), and how each shows in the diff. */
function listItems(f: ListField, input: Lists, region: string): Array<{ key: string; text: string; item: unknown }> {
  switch (f) {
    case 'emails':
      return (input.emails ?? []).map((e) => ({ key: e.value.trim().toLowerCase(), text: e.value.trim().toLowerCase(), item: e }));
    case 'phones':
      return (input.phones ?? []).map((p) => {
        const e164 = p.e164 ?? toE164(p.raw, region);
        return { key: e164 ?? p.raw.replace(/\D/g, ''), text: p.raw, item: e164 ? { ...p, e164 } : p };
      });
    case 'websites':
      return (input.websites ?? []).map((w) => ({ key: siteKey(w), text: w, item: w }));
    case 'addresses':
      return (input.addresses ?? []).map((a) => ({ key: squash(a.formatted ?? ''), text: a.formatted ?? '', item: a }));
    case 'social':
      return (input.social ?? []).map((s) => ({
        key: `${s.network}:${s.network === 'linkedin' ? linkedinKey(s.handle) : s.handle.trim().toLowerCase()}`,
        text: `${s.network}: ${s.handle}`,
        item: s,
      }));
  }
}

/** The clipped items of a list field the card does not have yet, without duplicates. */
function newItems(existing: Customer, c: ContactDraft, f: ListField, region: string) {
  const have = new Set(listItems(f, existing, region).map((x) => x.key));
  const out: ReturnType<typeof listItems> = [];
  for (const x of listItems(f, toCustomerInput(c, existing.source, region), region)) {
    if (!x.key || have.has(x.key)) continue;
    have.add(x.key);
    out.push(x);
  }
  return out;
}

/** Field-by-field difference between a card and a clipped contact (only what would change). */
export function diffContact(existing: Customer, c: ContactDraft, defaultRegion = 'CN'): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of SCALARS) {
    const nv = c[f].trim();
    const ov = existing[f].trim();
    if (nv && nv !== ov) out.push({ field: f, old: ov, new: nv, conflict: !!ov });
  }
  for (const f of LISTS) {
    const added = newItems(existing, c, f, defaultRegion);
    if (added.length) out.push({ field: f, old: listItems(f, existing, defaultRegion).map((x) => x.text).join(', '), new: added.map((x) => x.text).join(', '), conflict: false });
  }
  return out;
}

/**
 * The patch for the ticked fields only: a ticked scalar is replaced (the user saw the old value in
 * the diff), list fields gain the items the card lacks (nothing removed, nothing doubled).
 */
export function patchFor(existing: Customer, c: ContactDraft, ticked: ReadonlySet<DiffField>, defaultRegion = 'CN'): Partial<CustomerInput> {
  const patch: Partial<CustomerInput> = {};
  for (const f of SCALARS) if (ticked.has(f) && c[f].trim()) patch[f] = c[f].trim();
  for (const f of LISTS) {
    if (!ticked.has(f)) continue;
    const added = newItems(existing, c, f, defaultRegion).map((x) => x.item);
    if (added.length) (patch as Record<ListField, unknown[]>)[f] = [...existing[f], ...added];
  }
  return patch;
}

/** A new card's input from a clipped contact: phones in E.164 read with the default region, list items once each. */
export function toCustomerInput(c: ContactDraft, source: CustomerInput['source'], defaultRegion = 'CN'): CustomerInput {
  const name = c.name.trim() || c.company.trim() || c.emails[0]?.value || '';
  const once = <T>(items: T[], key: (x: T) => string) => {
    const seen = new Set<string>();
    return items.filter((x) => {
      const k = key(x);
      return !seen.has(k) && !!seen.add(k);
    });
  };
  return {
    kind: c.kind,
    name,
    company: c.kind === 'organization' ? '' : c.company,
    title: c.title,
    department: c.department,
    emails: once(c.emails.map((e) => ({ value: e.value.trim().toLowerCase(), label: e.label })), (e) => e.value),
    phones: once(c.phones.map((p) => ({ raw: p.raw, e164: p.e164 ?? toE164(p.raw, defaultRegion), label: p.label })), (p) => p.e164 ?? p.raw.replace(/\D/g, '')),
    addresses: c.addresses.map((a) => ({ label: a.label ?? '', formatted: a.formatted ?? '', street: a.street ?? '', city: a.city ?? '', region: a.region ?? '', postalCode: a.postalCode ?? '', country: a.country ?? '' })),
    websites: once(c.websites, siteKey).slice(0, 20),
    social: c.social.slice(0, 30),
    notes: c.notes,
    tags: c.tags,
    source,
  };
}
