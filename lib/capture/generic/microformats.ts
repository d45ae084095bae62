import { mf2 } from 'microformats-parser';
import type { ContactDraft } from '../../domain/contact-draft';
import { clean, isEmail } from '../dom';
import { addAddress, addEmail, addPhone, addSocial, addWebsite, emptyContact, setField } from '../draft';
import { bindElement } from './attribution';

type Prop = ReturnType<typeof mf2>['items'][number]['properties'][string][number];
interface Item {
  type?: string[];
  properties: Record<string, Prop[]>;
  children?: Item[];
  value?: Prop;
}

const isItem = (p: Prop): p is Item => typeof p === 'object' && p !== null && 'properties' in p;
const text = (p: Prop | undefined): string => (p === undefined ? '' : typeof p === 'string' ? clean(p) : isItem(p) ? first(p, 'name') || text(p.value) : clean(p.value));
const first = (i: Item, k: string): string => text(i.properties[k]?.[0]);
const all = (i: Item, k: string): string[] => (i.properties[k] ?? []).map(text).filter(Boolean);

/** "mailto:a@b.c?x", and the parsers' "http://host/a@b.c" for a bare address in a relative href. */
function emailOf(v: string): string | undefined {
  const s = v.replace(/^mailto:/i, '').split('?')[0] ?? '';
  const last = s.split('/').pop() ?? '';
  return isEmail(s) ? s : isEmail(last) ? last : undefined;
}

/** The number in a tel value: "tel:+1…", "Par téléphone : 0524-424109", "Work: +1 415 555 100". */
function phoneIn(v: string): string {
  const s = v.replace(/^tel:/i, '');
  const runs = s.match(/\+?\(?\d[\d\s().\/-]*\d/g) ?? [];
  const best = runs.sort((a, b) => b.replace(/\D/g, '').length - a.replace(/\D/g, '').length)[0];
  return best && best.replace(/\D/g, '').length >= 5 ? best : '';
}

function cardToContact(card: Item, region: string): ContactDraft | undefined {
  const src = 'microformats';
  const org = first(card, 'org');
  let name = first(card, 'name') || ['given-name', 'additional-name', 'family-name'].map((k) => first(card, k)).filter(Boolean).join(' ');
  const c = emptyContact(name && name !== org ? 'person' : 'organization');
  if (!name) name = org;
  setField(c, 'name', name, src);
  if (c.kind === 'person') setField(c, 'company', org, src);
  setField(c, 'title', first(card, 'job-title') || first(card, 'title') || first(card, 'role'), src);
  for (const e of all(card, 'email')) addEmail(c, emailOf(e), src);
  for (const t of all(card, 'tel')) addPhone(c, phoneIn(t), src, 'other', region);
  for (const u of all(card, 'url')) {
    if (/linkedin\.com\/(in|company)\//i.test(u)) addSocial(c, 'linkedin', u, src);
    else addWebsite(c, u, src);
  }
  for (const a of card.properties.adr ?? []) {
    if (!isItem(a)) addAddress(c, { formatted: text(a) }, src);
    else {
      const street = [first(a, 'street-address'), first(a, 'extended-address')].filter(Boolean).join(', ');
      addAddress(c, { street, city: first(a, 'locality'), region: first(a, 'region'), postalCode: first(a, 'postal-code'), country: first(a, 'country-name') }, src);
    }
  }
  if (!card.properties.adr && (first(card, 'locality') || first(card, 'street-address'))) {
    addAddress(c, { street: first(card, 'street-address'), city: first(card, 'locality'), region: first(card, 'region'), postalCode: first(card, 'postal-code'), country: first(card, 'country-name') }, src);
  }
  return c.name || c.emails.length || c.phones.length ? c : undefined;
}

/** Every h-card (and nested one) in parse order. */
function cards(items: Item[], out: Item[] = [], depth = 0): Item[] {
  if (depth > 6) return out;
  for (const i of items) {
    if (i.type?.includes('h-card')) out.push(i);
    const nested = Object.values(i.properties).flat().filter(isItem);
    cards([...nested, ...(i.children ?? [])], out, depth + 1);
  }
  return out;
}

/**
 * Contacts from microformats2 h-card and classic hCard (vcard) via microformats-parser, which
 * also handles the v1 include pattern (itemref, a.include, table headers). It parses an HTML
 * string, so we only serialise the page when it has a card class at all.
 */
export function readMicroformats(doc: Document, baseUrl: string, region = 'CN'): ContactDraft[] {
  if (!doc.querySelector('.h-card, .vcard')) return [];
  const html = doc.documentElement?.outerHTML ?? '';
  let parsed: ReturnType<typeof mf2>;
  try {
    parsed = mf2(html, { baseUrl });
  } catch {
    return [];
  }
  const contacts = cards(parsed.items as Item[]).map((c) => cardToContact(c, region)).filter((c): c is ContactDraft => !!c);
  bindCards(doc, contacts);
  return contacts;
}

/**
 * The parser returns no elements, so each contact is paired with the first card element (in
 * document order, outer before nested, as the parser reports them) whose text shows its name, or
 * else its first email / phone. Unpaired contacts simply get no links by containment.
 */
function bindCards(doc: Document, contacts: ContactDraft[]): void {
  const els = Array.from(doc.querySelectorAll('.h-card, .vcard')).slice(0, 1000);
  // Visible text plus the targets of its mailto:/tel: links (a card may show "Call us" for a number).
  const texts = els.map((e) => `${clean(e.textContent)} ${Array.from(e.querySelectorAll('a[href^="mailto:" i], a[href^="tel:" i]')).slice(0, 20).map((a) => a.getAttribute('href')).join(' ')}`.toLowerCase());
  const digitsOf = texts.map((t) => t.replace(/[^\d\s]/g, '').replace(/\s+(?=\d)/g, ''));
  const used = new Set<number>();
  for (const c of contacts) {
    const name = c.name.toLowerCase();
    const email = c.emails[0]?.value;
    const digits = c.phones[0]?.raw.replace(/\D/g, '');
    const i = els.findIndex((_e, k) => !used.has(k) && ((name && texts[k]!.includes(name)) || (email && texts[k]!.includes(email)) || (digits && digits.length >= 5 && digitsOf[k]!.includes(digits))));
    if (i < 0) continue;
    used.add(i);
    bindElement(c, els[i]);
  }
}
