import type { CaptureDraft, ContactDraft } from '../../domain/contact-draft';
import type { CaptureAdapter } from '../adapter';
import { clean, emailFromMailto, firstMatch } from '../dom';
import { addAddress, addEmail, addPhone, addSocial, addWebsite, emptyContact, setField } from '../draft';
import { readJsonLd } from '../generic/jsonld';
import { meta } from '../generic/meta';
import type { Thing } from '../generic/things';
import { extractPage } from './page';

/**
 * LinkedIn profile (/in/<slug>) and company (/company/<slug>) pages: logged-in (2020s), logged-out
 * public pages, and the older public profile (hResume: every past job and group is an hCard).
 * A profile yields exactly one contact: the person with the current position's title and company
 * and their location. Past positions, schools and groups are not contacts.
 */
export const linkedinSelectors = {
  name: ['main h1', 'h1.text-heading-xlarge', '.pv-top-card h1', '.top-card-layout__title', '#name .fn', '.full-name', 'h1#name', 'h1'],
  headline: ['.text-body-medium.break-words', '[data-generated-suggestion-target]', '.top-card-layout__headline', '.pv-text-details__left-panel .text-body-medium', '.profile-overview .headline', 'p.headline', '.headline', '#headline .title'],
  location: ['.pv-text-details__left-panel .text-body-small.inline', 'span.text-body-small.inline.t-black--light.break-words', '.top-card__subline-item', '.top-card-layout__first-subline .not-first-middot span', '#location .locality', '.profile-overview .locality', 'dd.locality', '.locality', '#location'],
  company: ['button[aria-label^="Current company"]', '[aria-label^="Current company"]', '.pv-text-details__right-panel-item-text', '.top-card-link--link .top-card-link__description', 'a[data-field="experience_company_logo"] span[aria-hidden="true"]', '[data-section="currentPositionsDetails"] .top-card-link__description'],
  orgTagline: ['.org-top-card-summary__tagline', '.top-card-layout__second-subline', 'p.org-top-card-summary__tagline'],
  orgWebsite: ['a[data-test-id="about-us__website"]', '.org-top-card-primary-actions__inner a[href^="http"]', 'dd a[href^="http"]:not([href*="linkedin.com"])'],
  orgLocation: ['.org-top-card-summary-info-list__info-item', '[data-test-id="about-us__headquarters"] dd'],
  contactInfo: ['.pv-contact-info', '#pv-contact-info', '[class*="contact-info"]', '#contact-info'],
} as const;

/** The canonical profile / company URL: https://www.linkedin.com/in/<slug>/ */
export function linkedinProfileUrl(url: string): string | undefined {
  const m = /^https?:\/\/(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/(in|pub|company)\/([^/?#]+)/i.exec(url);
  if (!m) return undefined;
  const kind = m[1]!.toLowerCase() === 'company' ? 'company' : m[1]!.toLowerCase();
  return `https://www.linkedin.com/${kind}/${m[2]}/`;
}

/** "Jane Doe - Sales Director - Acme | LinkedIn", "Jane Doe - LinkedIn", "Jane Doe | 领英". */
const BRAND = /\s*[|\-–—]\s*(LinkedIn|领英|領英)(\s*(职业档案|職業檔案|profile))?\s*$/i;
function fromTitle(doc: Document): { name?: string; title?: string; company?: string } {
  const raw = meta(doc, 'og:title') || clean(doc.title);
  const parts = raw.replace(BRAND, '').replace(/^\(\d+\)\s*/, '').split(/\s[-–—|]\s/).map(clean).filter(Boolean);
  // Three parts: name, title, company. Two: name and the current company (today's og:title).
  return parts.length >= 3 ? { name: parts[0], title: parts[1], company: parts[2] } : { name: parts[0], company: parts[1] };
}

/** "Sales Director at Acme" → title and company; a headline that is not a position gives nothing. */
function splitHeadline(h: string): { title: string; company: string } {
  const m = /^(.{2,80}?)\s+(?:at|@|chez|bei|en|presso|在|於)\s+([^|•·,]{2,80})(?:\s*[|•·,].*)?$/i.exec(h);
  return m ? { title: clean(m[1]), company: clean(m[2]) } : { title: '', company: '' };
}

interface Position {
  title: string;
  company: string;
  current: boolean;
}

const PRESENT = /present|current|now|heute|aujourd|actuel|presente|actualidad|atual|至今|现在|現在|目前|今/i;
const DATE_RANGE = /(\d{4}|present|至今|现在|現在)\s*[-–—至~]\s*|[-–—]\s*(present|至今|现在|現在)/i;
const text = (root: Element, sel: string) => clean(root.querySelector(sel)?.textContent);
/** "Acme · Full-time" → "Acme". */
const companyPart = (s: string) => clean(s.split(/\s[·•]\s/)[0]);

/** Positions in the order the page lists them (current first), from every layout we know. */
function positions(doc: Document): Position[] {
  const out: Position[] = [];
  // Older public profile (hResume): .position.vevent.vcard with summary-current / summary-past.
  for (const el of Array.from(doc.querySelectorAll('.position.experience, .position.vevent, #profile-experience .position')).slice(0, 50)) {
    const period = text(el, '.period, .dates, .date-range');
    out.push({ title: text(el, '.title'), company: text(el, '.org, .company-name, h4'), current: /summary-current|current-position/.test(el.className) || (!!period && PRESENT.test(period)) });
  }
  if (out.length) return out;
  // Logged-out public profile: li.experience-item (alone or inside an experience-group).
  for (const el of Array.from(doc.querySelectorAll('li.experience-item, li.experience-group-position, section.experience li.profile-section-card, #experience li.position')).slice(0, 50)) {
    const group = el.closest('li.experience-group');
    const company = (group && text(group, '.experience-group-header__company')) || companyPart(text(el, '.experience-item__subtitle, .profile-section-card__subtitle, .item-subtitle, h4'));
    const period = text(el, '.date-range, .experience-item__duration, .experience-group-position__duration, time');
    const hasEnd = el.querySelectorAll('.date-range time, time').length >= 2;
    out.push({ title: text(el, '.experience-item__title, .profile-section-card__title, .item-title, h3'), company, current: PRESENT.test(text(el, '.date-range, .experience-item__duration')) || (!!period && !hasEnd && /\d{4}/.test(period) && PRESENT.test(period)) });
  }
  if (out.length) return out;
  // Logged-in profile: the list after the #experience anchor; each item's visible spans are
  // [title, "Company · Full-time", "Jan 2020 - Present · 3 yrs", …], or for several roles at one
  // company [company, "5 yrs"] with the roles nested.
  const section = doc.getElementById('experience')?.closest('section');
  if (section) {
    for (const li of Array.from(section.querySelectorAll(':scope ul > li')).filter((l) => !l.parentElement?.closest('li')).slice(0, 30)) {
      const spans = Array.from(li.querySelectorAll('span[aria-hidden="true"]')).map((s) => clean(s.textContent)).filter(Boolean);
      const nested = Array.from(li.querySelectorAll('li')).filter((n) => n.querySelector('span[aria-hidden="true"]'));
      const dateAt = spans.findIndex((s) => DATE_RANGE.test(s));
      if (nested.length && dateAt !== 2) {
        const roleSpans = Array.from(nested[0]!.querySelectorAll('span[aria-hidden="true"]')).map((s) => clean(s.textContent)).filter(Boolean);
        const d = roleSpans.find((s) => DATE_RANGE.test(s)) ?? '';
        out.push({ title: roleSpans[0] ?? '', company: companyPart(spans[0] ?? ''), current: PRESENT.test(d) });
      } else if (dateAt >= 1) {
        out.push({ title: spans[0] ?? '', company: dateAt >= 2 ? companyPart(spans[1] ?? '') : '', current: PRESENT.test(spans[dateAt]!) });
      }
    }
  }
  return out;
}

/** The Person of the page's JSON-LD (public profiles): job titles, employers with their roles, address. */
function jsonLdPerson(doc: Document): Thing | undefined {
  const all: Thing[] = [];
  const walk = (t: Thing, d: number) => {
    if (d > 4) return;
    all.push(t);
    for (const v of Object.values(t.props).flat()) if (typeof v !== 'string') walk(v, d + 1);
  };
  readJsonLd(doc, []).forEach((t) => walk(t, 0));
  return all.find((t) => t.types.includes('Person'));
}

const first = (t: Thing | undefined, k: string) => t?.props[k]?.map((v) => (typeof v === 'string' ? clean(v) : clean(String(v.props.name?.[0] ?? '')))).find(Boolean) ?? '';

/** The employer whose role has no end date (JSON-LD worksFor → OrganizationRole). */
function currentEmployer(person: Thing | undefined): string {
  for (const v of person?.props.worksFor ?? []) {
    if (typeof v === 'string') return clean(v);
    const role = v.props.member?.find((m): m is Thing => typeof m !== 'string');
    if (!role || !role.props.endDate?.length) return first(v, 'name');
  }
  return '';
}

function readProfile(doc: Document, profile: string, region: string): ContactDraft {
  const c = emptyContact('person');
  const t = fromTitle(doc);
  const person = jsonLdPerson(doc);
  const nameEl = firstMatch(doc, linkedinSelectors.name);
  setField(c, 'name', clean(nameEl?.textContent) || first(person, 'name') || t.name, 'linkedin');
  const list = positions(doc);
  const now = list.find((p) => p.current) ?? (list.length && !list.some((p) => p.current) ? list[0] : undefined);
  const headline = clean(firstMatch(doc, linkedinSelectors.headline)?.textContent);
  const split = splitHeadline(headline);
  const currentCo = firstMatch(doc, linkedinSelectors.company);
  const buttonCo = clean(currentCo?.getAttribute('aria-label')?.replace(/^Current company:\s*/i, '').replace(/\.\s*Click.*$/i, '') ?? currentCo?.textContent);
  setField(c, 'title', now?.title || first(person, 'jobTitle') || split.title || t.title, 'linkedin');
  setField(c, 'company', now?.company || buttonCo || currentEmployer(person) || split.company || t.company, 'linkedin');
  const loc = clean(firstMatch(doc, linkedinSelectors.location)?.textContent) || first(person?.props.address?.find((a): a is Thing => typeof a !== 'string'), 'addressLocality');
  if (loc && !/\b(connections?|followers?)\b|位联系人|关注者/i.test(loc)) addAddress(c, { formatted: loc }, 'linkedin');
  // The contact-info overlay, when it is open: its email, phone and websites are the person's.
  const info = firstMatch(doc, linkedinSelectors.contactInfo);
  if (info) {
    for (const a of Array.from(info.querySelectorAll('a[href]')).slice(0, 30)) {
      const href = a.getAttribute('href') ?? '';
      if (/^mailto:/i.test(href)) addEmail(c, emailFromMailto(href), 'linkedin');
      else if (/^tel:/i.test(href)) addPhone(c, href, 'linkedin', 'other', region);
      else if (/^https?:/i.test(href) && !/linkedin\.com/i.test(href)) addWebsite(c, href, 'linkedin');
    }
  }
  addSocial(c, 'linkedin', profile, 'linkedin');
  return c;
}

function readCompany(doc: Document, profile: string): ContactDraft {
  const c = emptyContact('organization');
  setField(c, 'name', clean(firstMatch(doc, linkedinSelectors.name)?.textContent) || fromTitle(doc).name, 'linkedin');
  const site = firstMatch(doc, linkedinSelectors.orgWebsite)?.getAttribute('href');
  if (site) addWebsite(c, site, 'linkedin');
  const loc = clean(firstMatch(doc, linkedinSelectors.orgLocation)?.textContent);
  if (loc) addAddress(c, { formatted: loc }, 'linkedin');
  addSocial(c, 'linkedin', profile, 'linkedin');
  return c;
}

export const linkedin: CaptureAdapter = {
  id: 'linkedin',
  webmail: false,
  matches: ['linkedin.com', '*.linkedin.com'],
  detect: (_doc, url) => !!linkedinProfileUrl(url),
  extract(doc, url, options): CaptureDraft {
    const profile = linkedinProfileUrl(url);
    if (!profile) return extractPage(doc, url, options, 'linkedin');
    if (profile.includes('/company/')) {
      const main = readCompany(doc, profile);
      // Only the company itself: people and other companies shown around it are not this page's contact.
      const page = extractPage(doc, url, options, 'linkedin', main.name ? [main] : []);
      return { ...page, contacts: page.contacts.slice(0, 1) };
    }
    const main = readProfile(doc, profile, options?.defaultRegion ?? 'CN');
    return main.name ? { provider: 'linkedin', contacts: [main], warnings: [] } : extractPage(doc, url, options, 'linkedin');
  },
};
