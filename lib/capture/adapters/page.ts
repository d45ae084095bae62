import type { CaptureDraft, ContactDraft } from '../../domain/contact-draft';
import type { CaptureAdapter, CaptureOptions } from '../adapter';
import { clean } from '../dom';
import { addAddress, addEmail, addPhone, addSocial, addWebsite, emptyContact, setField, siteDomain } from '../draft';
import { dedupeContacts } from '../generic/combine';
import { readJsonLd } from '../generic/jsonld';
import { elementOf, ownerOf } from '../generic/attribution';
import { addTels, mailtoContacts, readContactLinks, readVcardLinks } from '../generic/links';
import { siteName } from '../generic/meta';
import { readMicrodata } from '../generic/microdata';
import { readMicroformats } from '../generic/microformats';
import { readRdfa } from '../generic/rdfa';
import { contactBlock, pageText, textEmails } from '../generic/text';
import { thingsToContacts } from '../generic/things';
import { NOTHING_IN_SELECTION } from '../selection';
import { parseSignature } from '../signature/index';

/** The warning of a page (or selection) with nothing to clip; the UI shows its own text for it. */
export const NOTHING_FOUND = NOTHING_IN_SELECTION;

/** The page's organisation from og:site_name / the title's brand / the domain. */
function pageOrganisation(doc: Document, url: string): ContactDraft {
  const org = emptyContact('organization');
  const site = siteName(doc);
  const brand = clean(doc.title.split(/\s[|–—-]\s|_/).pop());
  const domain = siteDomain(url);
  if (site) setField(org, 'name', site, 'og:site_name');
  else if (brand && brand.length <= 60 && doc.title.split(/\s[|–—-]\s|_/).length > 1) setField(org, 'name', brand, 'title');
  else setField(org, 'name', domain, 'domain');
  try {
    addWebsite(org, new URL(url).origin + '/', 'domain');
  } catch {
    /* not an http page */
  }
  return org;
}

/** Enrich the organisation from a labelled contact block ("电话：… 地址：…") via the signature parser. */
function enrichFromText(org: ContactDraft, block: string, region: string): void {
  const sig = parseSignature(block, { defaultRegion: region });
  if (sig.company && (org.provenance.name === 'domain' || org.provenance.name === 'title')) {
    org.name = sig.company;
    org.provenance.name = 'page-text';
  }
  for (const p of sig.phones) addPhone(org, p.raw, 'page-text', p.label ?? 'work', region, p.e164);
  for (const e of sig.emails) addEmail(org, e, 'page-text');
  for (const w of sig.websites) addWebsite(org, /^https?:/i.test(w) ? w : `https://${w}`, 'page-text');
  if (sig.address) addAddress(org, { formatted: sig.address }, 'page-text');
  if (sig.wechat) addSocial(org, 'wechat', sig.wechat, 'page-text');
  if (sig.qq) addSocial(org, 'qq', sig.qq, 'page-text');
}

/**
 * The organisation a page speaks for, to which links outside every contact's element go: one
 * read from JSON-LD (it has no element: it describes the page), else the only organisation on a
 * page that describes one thing, else undefined (a directory of venues: no venue gets the others'
 * numbers; the caller makes the site's own organisation instead).
 */
function pageLevelOrg(structured: ContactDraft[]): ContactDraft | undefined {
  const orgs = structured.filter((c) => c.kind === 'organization');
  const free = orgs.find((c) => !elementOf(c));
  if (free) return free;
  const bound = structured.filter((c) => elementOf(c));
  return orgs.length === 1 && bound.length <= 1 ? orgs[0] : undefined;
}

/** Read any page: schema.org (JSON-LD, microdata, RDFa), microformats, mailto/tel links, og: meta and the domain. */
export function extractPage(doc: Document, url: string, options: CaptureOptions = {}, provider = 'page', lead: ContactDraft[] = []): CaptureDraft {
  const region = options.defaultRegion ?? 'CN';
  const warnings: string[] = [];
  const structured = [
    ...lead,
    ...thingsToContacts(readJsonLd(doc, warnings), 'json-ld', url, region),
    ...thingsToContacts(readMicrodata(doc), 'microdata', url, region),
    ...thingsToContacts(readRdfa(doc), 'rdfa', url, region),
    ...readMicroformats(doc, url, region),
  ];
  // Attribution by containment: a link inside a contact's element is that contact's.
  const links = readContactLinks(doc);
  const unattachedTels: string[] = [];
  for (const t of links.tels) {
    const owner = ownerOf(t.el);
    if (owner) addPhone(owner, t.value, 'tel-link', owner.kind === 'person' ? 'other' : 'work', region);
    else if (!unattachedTels.includes(t.value)) unattachedTels.push(t.value);
  }
  const freeMailtos = links.mailtos.filter((m) => {
    const owner = ownerOf(m.el);
    if (owner) addEmail(owner, m.value, 'mailto');
    return !owner;
  });
  const mailto = mailtoContacts(freeMailtos);
  const text = pageText(doc);
  const linked = new Set(links.mailtos.map((m) => m.value));
  const written = textEmails(text).filter((e) => !linked.has(e)).map((e) => {
    const c = emptyContact('person');
    addEmail(c, e, 'page-text');
    return c;
  });
  // A labelled block of page text ("电话：… 地址：…") is the page's own only when no contact
  // element on the page could have written it.
  const hasBound = structured.some((c) => elementOf(c));
  const block = hasBound ? '' : contactBlock(text);

  // Links to people the structured data already describes add nothing new.
  const known = new Set(structured.flatMap((c) => c.emails.map((e) => e.value)));
  const knownPhones = new Set(structured.flatMap((c) => c.phones.map((p) => p.raw.replace(/\D/g, ''))));
  const tels = unattachedTels.filter((t) => !knownPhones.has(t.replace(/\D/g, '')));
  const loose = [...mailto, ...written].filter((c) => !c.emails.some((e) => known.has(e.value)));
  let org = pageLevelOrg(structured);
  if (!org && (loose.length || tels.length || block)) {
    org = structured.length && !tels.length && !block ? undefined : pageOrganisation(doc, url);
    if (org) structured.push(org);
  }
  if (org) {
    addTels(org, tels, region);
    if (block) enrichFromText(org, block, region);
  }
  // People whose address is on the site's own domain work for the page's organisation.
  const domain = siteDomain(url);
  const employer = org ?? structured.find((c) => c.kind === 'organization');
  if (employer) {
    for (const c of loose) {
      const at = c.emails[0]?.value.split('@')[1] ?? '';
      if (domain && (at === domain || domain.endsWith(`.${at}`))) setField(c, 'company', employer.name, 'domain');
    }
  }
  const contacts = dedupeContacts([...structured, ...loose]).slice(0, 500);
  if (!contacts.length) warnings.push(NOTHING_FOUND);
  const vcardLinks = readVcardLinks(doc, url);
  return { provider, contacts, warnings, ...(vcardLinks.length ? { vcardLinks } : {}) };
}

export const page: CaptureAdapter = {
  id: 'page',
  webmail: false,
  matches: [],
  detect: () => true,
  extract: (doc, url, options) => extractPage(doc, url, options),
};
