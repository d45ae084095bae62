import type { ContactDraft } from '../../domain/contact-draft';
import { clean, emailFromMailto, isEmail } from '../dom';
import { addAddress, addEmail, addPhone, addSocial, addWebsite, emptyContact, setField, siteDomain } from '../draft';

/** A schema.org entity read from JSON-LD or microdata, in one shape so both map the same way. */
export interface Thing {
  types: string[];
  props: Record<string, Array<string | Thing>>;
}

const PERSON = /^(Person|Patient)$/;
const ORG = /(Organization|Organisation|LocalBusiness|Corporation|Store|Restaurant|Hotel|Office|Agency|Company|NGO|School|College|University|Clinic|Hospital|Dentist|Physician|Attorney|Notary|Bank)$/;

export const isPerson = (t: Thing) => t.types.some((x) => PERSON.test(x));
export const isOrg = (t: Thing) => t.types.some((x) => ORG.test(x));

const str = (t: Thing, k: string): string | undefined => t.props[k]?.map((v) => (typeof v === 'string' ? clean(v) : thingName(v))).find(Boolean);
const strs = (t: Thing, k: string): string[] => (t.props[k] ?? []).filter((v): v is string => typeof v === 'string').map(clean).filter(Boolean);
const things = (t: Thing, k: string): Thing[] => (t.props[k] ?? []).filter((v): v is Thing => typeof v !== 'string');

function thingName(t: Thing): string {
  return str(t, 'name') ?? [str(t, 'givenName'), str(t, 'additionalName'), str(t, 'familyName')].filter(Boolean).join(' ');
}

function addPostal(c: ContactDraft, a: Thing | string, source: string): void {
  if (typeof a === 'string') return addAddress(c, { formatted: a }, source);
  const street = [str(a, 'streetAddress'), str(a, 'extendedAddress'), str(a, 'postOfficeBoxNumber')].filter(Boolean).join(', ');
  const country = str(a, 'addressCountry');
  addAddress(c, { street, city: str(a, 'addressLocality'), region: str(a, 'addressRegion'), postalCode: str(a, 'postalCode'), country }, source);
}

const SOCIAL: Array<[RegExp, ContactDraft['social'][number]['network']]> = [
  [/linkedin\.com\/(in|company)\//i, 'linkedin'],
  [/(twitter|x)\.com\//i, 'x'],
  [/weibo\.com\//i, 'weibo'],
];

/** Fill one contact from a schema.org Person / Organization / ContactPoint. */
function fill(c: ContactDraft, t: Thing, source: string, base: string, region: string): void {
  for (const e of [...strs(t, 'email')]) addEmail(c, emailFromMailto(e) ?? (isEmail(e) ? e : undefined), source);
  for (const p of strs(t, 'telephone')) addPhone(c, p, source, isPerson(t) ? 'other' : 'work', region);
  for (const p of strs(t, 'faxNumber')) addPhone(c, p, source, 'fax', region);
  for (const a of t.props.address ?? []) addPostal(c, a, source);
  for (const u of [...strs(t, 'url'), ...strs(t, 'sameAs')]) {
    const social = SOCIAL.find(([re]) => re.test(u));
    if (social) addSocial(c, social[1], u, source);
    else addWebsite(c, u, source, base);
  }
  for (const cp of things(t, 'contactPoint')) fill(c, cp, source, base, region);
}

const EMPLOYS = ['employee', 'employees', 'founder', 'founders', 'member', 'members', 'contactPoint'];
const WORKS = ['worksFor', 'affiliation', 'memberOf'];
const MAX_DEPTH = 6;

/**
 * Contacts from schema.org entities: each named Person and Organization becomes a contact;
 * worksFor / employee links fill the person's company; ContactPoints fill their organisation;
 * anonymous entities (no name, nothing to call) are dropped. A small walk over nested values.
 */
export function thingsToContacts(roots: Thing[], source: string, base: string, region = 'CN'): ContactDraft[] {
  const out: ContactDraft[] = [];
  const seen = new Set<Thing>();
  const visit = (t: Thing, employer: string | undefined, depth: number) => {
    if (seen.has(t) || depth > MAX_DEPTH) return;
    seen.add(t);
    const person = isPerson(t);
    const org = !person && isOrg(t);
    let name = thingName(t);
    if (person || org) {
      const c = emptyContact(person ? 'person' : 'organization');
      if (!name && org) {
        const site = strs(t, 'url')[0];
        name = site ? siteDomain(new URL(site, base).href) : '';
        if (name) c.provenance.name = 'domain';
      }
      setField(c, 'name', name, source);
      if (person) {
        setField(c, 'title', str(t, 'jobTitle'), source);
        setField(c, 'company', WORKS.map((k) => str(t, k)).find(Boolean) ?? employer, source);
      }
      fill(c, t, source, base, region);
      if (c.name || c.emails.length || c.phones.length) out.push(c);
    }
    for (const [k, vals] of Object.entries(t.props)) {
      if (k === 'contactPoint' || k === 'address') continue;
      for (const v of vals) if (typeof v !== 'string') visit(v, org && EMPLOYS.includes(k) ? name : undefined, depth + 1);
    }
  };
  for (const r of roots) visit(r, undefined, 0);
  return out;
}
