import type { ContactDraft } from '../../domain/contact-draft';
import { clean, emailFromMailto, isEmail } from '../dom';
import { absoluteUrl, addEmail, addPhone, emptyContact, setField } from '../draft';

const MAX_LINKS = 2000;
/** Link texts that name an action, not a person. */
const GENERIC = /^(e-?mail|mail|email us|contact|contact us|write to us|send|here|click here|联系我们|联系|发邮件|邮件|邮箱|电邮|给我们写信)$/i;

/** One person contact per distinct mailto: address, named by the link text when it reads like a name. */
export function readMailtoLinks(doc: Document): ContactDraft[] {
  const byEmail = new Map<string, ContactDraft>();
  const links = doc.querySelectorAll('a[href^="mailto:" i]');
  for (let i = 0; i < links.length && i < MAX_LINKS; i++) {
    const a = links[i]!;
    const email = emailFromMailto(a.getAttribute('href') ?? '');
    if (!email) continue;
    let c = byEmail.get(email);
    if (!c) {
      c = emptyContact('person');
      addEmail(c, email, 'mailto');
      byEmail.set(email, c);
    }
    const label = clean(a.getAttribute('title') || a.textContent);
    if (label && !isEmail(label) && !GENERIC.test(label) && label.length <= 80) setField(c, 'name', label, 'mailto');
  }
  return [...byEmail.values()];
}

/** One tel: or mailto: link of the page and the element it sits in (for attribution by containment). */
export interface PageLink {
  el: Element;
  value: string;
  /** The link's own text or title when it reads like a name (mailto only). */
  label: string;
}

/** Every tel: and mailto: link (bounded), in document order. */
export function readContactLinks(doc: Document): { tels: PageLink[]; mailtos: PageLink[] } {
  const tels: PageLink[] = [];
  const mailtos: PageLink[] = [];
  const links = doc.querySelectorAll('a[href^="tel:" i], a[href^="mailto:" i]');
  for (let i = 0; i < links.length && i < MAX_LINKS; i++) {
    const a = links[i]!;
    const href = a.getAttribute('href') ?? '';
    if (/^tel:/i.test(href)) {
      let v = href.replace(/^tel:/i, '');
      try {
        v = decodeURIComponent(v);
      } catch {
        /* keep raw */
      }
      if (/\d{3,}/.test(v.replace(/\D/g, ''))) tels.push({ el: a, value: clean(v), label: '' });
      continue;
    }
    const email = emailFromMailto(href);
    if (!email) continue;
    const label = clean(a.getAttribute('title') || a.textContent);
    mailtos.push({ el: a, value: email, label: label && !isEmail(label) && !GENERIC.test(label) && label.length <= 80 ? label : '' });
  }
  return { tels, mailtos };
}

/** Loose mailto links as person contacts: one per distinct address, named by a link text that reads like a name. */
export function mailtoContacts(links: PageLink[]): ContactDraft[] {
  const byEmail = new Map<string, ContactDraft>();
  for (const l of links) {
    let c = byEmail.get(l.value);
    if (!c) {
      c = emptyContact('person');
      addEmail(c, l.value, 'mailto');
      byEmail.set(l.value, c);
    }
    if (l.label) setField(c, 'name', l.label, 'mailto');
  }
  return [...byEmail.values()];
}

/** Distinct tel: numbers, as raw strings. */
export function readTelLinks(doc: Document): string[] {
  const out = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href^="tel:" i]')).slice(0, 200)) {
    let v = (a.getAttribute('href') ?? '').replace(/^tel:/i, '');
    try {
      v = decodeURIComponent(v);
    } catch {
      /* keep raw */
    }
    if (/\d{3,}/.test(v.replace(/\D/g, ''))) out.add(clean(v));
  }
  return [...out];
}

/** Absolute URLs of .vcf links (read later, only if the user asks). */
export function readVcardLinks(doc: Document, base: string): string[] {
  const out = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href]')).slice(0, MAX_LINKS)) {
    const href = a.getAttribute('href') ?? '';
    if (!/\.vcf(?:$|[?#])/i.test(href) && a.getAttribute('type') !== 'text/vcard' && a.getAttribute('type') !== 'text/x-vcard') continue;
    const abs = absoluteUrl(href, base);
    if (abs) out.add(abs);
    if (out.size >= 50) break;
  }
  return [...out];
}

/** Add tel: numbers to a contact (the page's organisation). */
export function addTels(c: ContactDraft, tels: string[], region: string): void {
  for (const t of tels) addPhone(c, t, 'tel-link', 'work', region);
}
