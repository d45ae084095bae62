import type { ContactDraft } from '../../domain/contact-draft';
import { clean, emailFromMailto, isEmail } from '../dom';
import { addAddress, addEmail, addPhone, addSocial, addWebsite, emptyContact, setField, siteDomain } from '../draft';
import { bindElement } from './attribution';
import { ORGANIZATION_TYPES, PERSON_TYPES, PLACE_TYPES } from './schema-types.generated';

/** A schema.org entity read from JSON-LD, microdata or RDFa, in one shape so all map the same way. */
export interface Thing {
  types: string[];
  props: Record<string, Array<string | Thing>>;
  /** The element it was read from (microdata, RDFa): tel: / mailto: links inside it belong to it. */
  el?: Element;
  /** Its visible text (microdata, RDFa): a PostalAddress written as plain text inside the item. */
  text?: string;
}

/** Types outside schema.org that pages use for the same things. */
const LOOSE_ORG = /^(Organisation|Company|Business|Firm)$/;

export const isPerson = (t: Thing) => t.types.some((x) => PERSON_TYPES.has(x));
export const isOrg = (t: Thing) => t.types.some((x) => ORGANIZATION_TYPES.has(x) || LOOSE_ORG.test(x));
/** A Place (venue, building, attraction …) that is not an Organization: a contact when it can be reached. */
const isPlace = (t: Thing) => t.types.some((x) => PLACE_TYPES.has(x));
const isRole = (t: Thing) => t.types.some((x) => /Role$/.test(x));
const reachable = (t: Thing) => ['telephone', 'email', 'faxNumber', 'contactPoint'].some((k) => t.props[k]?.length);

const str = (t: Thing, k: string): string | undefined => t.props[k]?.map((v) => (typeof v === 'string' ? clean(v) : thingName(v))).find(Boolean);
const strs = (t: Thing, k: string): string[] => (t.props[k] ?? []).filter((v): v is string => typeof v === 'string').map(clean).filter(Boolean);
const things = (t: Thing, k: string): Thing[] => (t.props[k] ?? []).filter((v): v is Thing => typeof v !== 'string');

function thingName(t: Thing): string {
  return str(t, 'name') ?? ([str(t, 'givenName'), str(t, 'additionalName'), str(t, 'familyName')].filter(Boolean).join(' ') || (str(t, 'legalName') ?? ''));
}

const ADDRESS_PARTS = ['streetAddress', 'extendedAddress', 'postOfficeBoxNumber', 'addressLocality', 'addressRegion', 'postalCode', 'addressCountry'];

/** A PostalAddress as its parts, or as text when the page wrote it as one string (in the item or its name/description). */
function addPostal(c: ContactDraft, a: Thing | string, source: string): void {
  if (typeof a === 'string') return addAddress(c, { formatted: a }, source);
  if (!ADDRESS_PARTS.some((k) => a.props[k]?.length)) {
    // A Place given as the address: its own address, else its name.
    const inner = things(a, 'address')[0];
    if (inner) return addPostal(c, inner, source);
    const text = str(a, 'description') ?? str(a, 'name') ?? clean(a.text);
    if (text) addAddress(c, { formatted: text }, source);
    return;
  }
  const street = [str(a, 'streetAddress'), str(a, 'extendedAddress'), str(a, 'postOfficeBoxNumber')].filter(Boolean).join(', ');
  const country = str(a, 'addressCountry');
  addAddress(c, { street, city: str(a, 'addressLocality'), region: str(a, 'addressRegion'), postalCode: str(a, 'postalCode'), country }, source);
}

const SOCIAL: Array<[RegExp, ContactDraft['social'][number]['network']]> = [
  [/linkedin\.com\/(in|company)\//i, 'linkedin'],
  [/(twitter|x)\.com\//i, 'x'],
  [/weibo\.com\//i, 'weibo'],
];

/** Fill one contact from a schema.org Person / Organization / Place / ContactPoint. */
function fill(c: ContactDraft, t: Thing, source: string, base: string, region: string): void {
  for (const e of strs(t, 'email')) addEmail(c, emailFromMailto(e) ?? (isEmail(e) ? e : undefined), source);
  for (const p of strs(t, 'telephone')) addPhone(c, p, source, isPerson(t) ? 'other' : 'work', region);
  for (const p of strs(t, 'faxNumber')) addPhone(c, p, source, 'fax', region);
  for (const a of t.props.address ?? []) addPostal(c, a, source);
  for (const u of [...strs(t, 'url'), ...strs(t, 'sameAs')]) {
    const social = SOCIAL.find(([re]) => re.test(u));
    if (social) addSocial(c, social[1], u, source);
    else addWebsite(c, u, source, base);
  }
  for (const cp of things(t, 'contactPoint')) fill(c, cp, source, base, region);
  // A location that is only a place (not a business of its own) is where this contact is.
  for (const loc of things(t, 'location')) if (!isOrg(loc) && !isPerson(loc)) for (const a of loc.props.address ?? []) addPostal(c, a, source);
}

const EMPLOYS = ['employee', 'employees', 'founder', 'founders', 'member', 'members', 'contactPoint', 'alumni'];
const WORKS = ['worksFor', 'affiliation', 'memberOf'];
const MAX_DEPTH = 8;

interface Employer {
  name: string;
  /** From an OrganizationRole's roleName ("Founder", "CEO"). */
  title?: string;
}

/**
 * Contacts from schema.org entities: each named Person, Organization (every subtype, from the
 * official vocabulary) and reachable Place becomes a contact; worksFor / employee links (also
 * through an OrganizationRole) fill the person's company; ContactPoints fill their organisation;
 * anonymous entities (no name, nothing to call) are dropped. A small walk over nested values.
 */
export function thingsToContacts(roots: Thing[], source: string, base: string, region = 'CN'): ContactDraft[] {
  const out: ContactDraft[] = [];
  const seen = new Set<Thing>();
  const visit = (t: Thing, employer: Employer | undefined, depth: number) => {
    if (seen.has(t) || depth > MAX_DEPTH) return;
    seen.add(t);
    const person = isPerson(t);
    const org = !person && (isOrg(t) || (isPlace(t) && reachable(t)));
    let name = thingName(t);
    if (person || org) {
      const c = emptyContact(person ? 'person' : 'organization');
      if (!name && org) {
        const site = strs(t, 'url')[0];
        try {
          name = site ? siteDomain(new URL(site, base).href) : '';
        } catch {
          name = '';
        }
        if (name) c.provenance.name = 'domain';
      }
      setField(c, 'name', name, source);
      if (person) {
        setField(c, 'title', str(t, 'jobTitle') ?? employer?.title, source);
        setField(c, 'company', WORKS.map((k) => str(t, k)).find(Boolean) ?? employer?.name, source);
      }
      fill(c, t, source, base, region);
      if (c.name || c.emails.length || c.phones.length) {
        out.push(c);
        bindElement(c, t.el);
      }
    }
    const role = isRole(t);
    for (const [k, vals] of Object.entries(t.props)) {
      if (k === 'contactPoint' || k === 'address') continue;
      const passOn: Employer | undefined = org && EMPLOYS.includes(k) ? { name } : role ? (employer && { ...employer, title: str(t, 'roleName') ?? str(t, 'namedPosition') ?? employer.title }) : undefined;
      for (const v of vals) if (typeof v !== 'string') visit(v, passOn, depth + 1);
    }
  };
  for (const r of roots) visit(r, undefined, 0);
  return out;
}
