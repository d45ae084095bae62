import type { ContactDraft } from '../domain/contact-draft';
import type { Customer, CustomerInput } from '../domain/customer';
import { findByEmail, findByPhone } from '../db/customers';
import type { RepoContext } from '../db/context';
import { toE164 } from '../domain/phone';

/** How an existing card was recognised, strongest first (SPEC §5). */
export type MatchBy = 'email' | 'phone' | 'linkedin' | 'name+company';
export interface Match {
  customer: Customer;
  by: MatchBy;
}

const squash = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[\s.,'"()（）·\-_]+/g, '');
// Legal forms at the end of a company name, as whole words (a bare "co" suffix would turn "Cisco" into "cis").
const LEGAL_SUFFIX = /(?:[\s,.]+(?:incorporated|inc|ltd|limited|llc|gmbh|co|corp|corporation|company|sarl|sa|ag|plc|pte|pty|bv|nv|srl|spa)|有限责任公司|股份有限公司|有限公司|集团|公司)[\s,.]*$/;
/** A company name reduced for comparison: case, width, punctuation and legal suffixes ("有限公司", "Inc.", "Co., Ltd.") removed. */
export function companyKey(s: string): string {
  let k = s.normalize('NFKC').toLowerCase().trim();
  for (let prev = ''; prev !== k; ) {
    prev = k;
    k = k.replace(LEGAL_SUFFIX, '').replace(/[\s,.;]+$/, '');
  }
  return squash(k);
}
/** "https://cn.linkedin.com/in/Zhang-Wei/?x" → "in/zhang-wei"; a bare handle "zhang-wei" → "*\/zhang-wei". */
export function linkedinKey(handle: string): string {
  const h = handle.trim();
  const m = /linkedin\.com\/(in|company|pub|school)\/([^/?#]+)/i.exec(h);
  if (m) return `${m[1]!.toLowerCase()}/${safeDecode(m[2]!).toLowerCase()}`;
  return `*/${h.replace(/^@/, '').replace(/\/+$/, '').toLowerCase()}`;
}
const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
/** Same LinkedIn profile: same kind and slug, or the same slug when one side is a bare handle. */
const sameLinkedin = (a: string, b: string) => a === b || ((a.startsWith('*/') || b.startsWith('*/')) && a.split('/')[1] === b.split('/')[1]);

/** Same name and (when both have one) the same company, ignoring case, spaces, punctuation and legal suffixes. */
export function sameNameAndCompany(a: { name: string; company: string }, b: { name: string; company: string }): boolean {
  if (!a.name || squash(a.name) !== squash(b.name)) return false;
  if (!a.company || !b.company) return true;
  const x = companyKey(a.company);
  const y = companyKey(b.company);
  // One name inside the other ("云帆科技" in "上海云帆科技"), if the shorter one says enough on its own.
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return x === y || (short.length >= (/\p{Script=Han}/u.test(short) ? 2 : 4) && long.includes(short));
}

/** Existing cards this contact may be: by email, E.164 phone, LinkedIn URL, then name + company. */
export async function findMatches(ctx: RepoContext, c: ContactDraft): Promise<Match[]> {
  const out: Match[] = [];
  const add = (list: Customer[], by: MatchBy) => list.forEach((customer) => out.some((m) => m.customer.id === customer.id) || out.push({ customer, by }));
  for (const e of c.emails) add(await findByEmail(ctx, e.value), 'email');
  // A phone typed without a country code is read with the user's default region, as cards store it.
  const region = (await ctx.settings()).defaultRegion;
  for (const p of c.phones) {
    const e164 = p.e164 ?? toE164(p.raw, region);
    if (e164) add(await findByPhone(ctx, e164), 'phone');
  }
  const li = c.social.filter((s) => s.network === 'linkedin').map((s) => linkedinKey(s.handle));
  const onLinkedin = (x: Customer) => li.length > 0 && x.social.some((s) => s.network === 'linkedin' && li.some((k) => sameLinkedin(k, linkedinKey(s.handle))));
  if (li.length || c.name.trim()) {
    // No index fits a fuzzy name or a LinkedIn URL: one filtered pass, capped.
    const rest = await ctx.db.customers
      .filter((x) => x.deletedAt === null && (onLinkedin(x) || sameNameAndCompany(c, x)))
      .limit(20)
      .toArray();
    add(rest.filter(onLinkedin), 'linkedin');
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
const LISTS = ['emails', 'phones', 'websites', 'addresses', 'social'] as const;
type ListField = (typeof LISTS)[number];
type Lists = Pick<CustomerInput, ListField>;

const siteKey = (u: string) => u.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
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
