import type { ContactDraft } from '../../domain/contact-draft';
import type { CaptureAdapter } from '../adapter';
import { clean, firstMatch } from '../dom';
import { addSocial, addWebsite, addAddress, emptyContact, setField } from '../draft';
import { meta } from '../generic/meta';
import { extractPage } from './page';

/**
 * LinkedIn profile (/in/<slug>) and company (/company/<slug>) pages. Logged-in pages are read
 * from the DOM (chains below), logged-out ones from og: meta and JSON-LD (handled by the page
 * reader that runs after this one and merges by name).
 */
export const linkedinSelectors = {
  name: ['main h1', 'h1.text-heading-xlarge', '.pv-top-card h1', '.top-card-layout__title', 'h1'],
  headline: ['.text-body-medium.break-words', '[data-generated-suggestion-target]', '.top-card-layout__headline', '.pv-text-details__left-panel .text-body-medium'],
  location: ['.pv-text-details__left-panel .text-body-small.inline', 'span.text-body-small.inline.t-black--light.break-words', '.top-card__subline-item', '.top-card-layout__first-subline .not-first-middot span'],
  company: ['button[aria-label^="Current company"]', '[aria-label^="Current company"]', '.pv-text-details__right-panel-item-text', '.top-card-link--link .top-card-link__description', 'a[data-field="experience_company_logo"] span[aria-hidden="true"]'],
  orgTagline: ['.org-top-card-summary__tagline', '.top-card-layout__second-subline', 'p.org-top-card-summary__tagline'],
  orgWebsite: ['a[data-test-id="about-us__website"]', '.org-top-card-primary-actions__inner a[href^="http"]', 'dd a[href^="http"]:not([href*="linkedin.com"])'],
  orgLocation: ['.org-top-card-summary-info-list__info-item', '[data-test-id="about-us__headquarters"] dd'],
} as const;

/** The canonical profile / company URL: https://www.linkedin.com/in/<slug>/ */
export function linkedinProfileUrl(url: string): string | undefined {
  const m = /^https?:\/\/(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/(in|company)\/([^/?#]+)/i.exec(url);
  return m ? `https://www.linkedin.com/${m[1]!.toLowerCase()}/${m[2]}/` : undefined;
}

/** Split "Jane Doe - Sales Director - Acme | LinkedIn" (og:title / <title>). */
function fromTitle(doc: Document): { name?: string; headline?: string; company?: string } {
  const raw = meta(doc, 'og:title') || clean(doc.title);
  const parts = raw.replace(/\s*\|\s*LinkedIn\s*$/i, '').replace(/^\(\d+\)\s*/, '').split(/\s[-–—]\s/).map(clean).filter(Boolean);
  return { name: parts[0], headline: parts[1], company: parts[2] };
}

/** "Sales Director at Acme" → title and company. */
function splitHeadline(h: string): { title: string; company: string } {
  const m = /^(.*?)\s+(?:at|@|在|於)\s+(.+)$/i.exec(h);
  return m ? { title: clean(m[1]), company: clean(m[2]) } : { title: h, company: '' };
}

function readProfile(doc: Document, profile: string): ContactDraft {
  const c = emptyContact('person');
  const t = fromTitle(doc);
  setField(c, 'name', clean(firstMatch(doc, linkedinSelectors.name)?.textContent) || t.name, 'linkedin');
  const headline = clean(firstMatch(doc, linkedinSelectors.headline)?.textContent) || t.headline || '';
  const split = splitHeadline(headline);
  setField(c, 'title', split.title, 'linkedin');
  const currentCo = firstMatch(doc, linkedinSelectors.company);
  const co = clean(currentCo?.getAttribute('aria-label')?.replace(/^Current company:\s*/i, '').replace(/\.\s*Click.*$/i, '') ?? currentCo?.textContent);
  setField(c, 'company', co || split.company || t.company, 'linkedin');
  const loc = clean(firstMatch(doc, linkedinSelectors.location)?.textContent);
  if (loc) addAddress(c, { formatted: loc }, 'linkedin');
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
  extract(doc, url, options) {
    const profile = linkedinProfileUrl(url);
    if (!profile) return extractPage(doc, url, options, 'linkedin');
    const main = profile.includes('/company/') ? readCompany(doc, profile) : readProfile(doc, profile);
    return extractPage(doc, url, options, 'linkedin', main.name ? [main] : []);
  },
};
