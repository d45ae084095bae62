import { mf2 } from 'microformats-parser';
import type { ContactDraft } from '../../domain/contact-draft';
import { clean, isEmail } from '../dom';
import { addAddress, addEmail, addPhone, addSocial, addWebsite, emptyContact, setField } from '../draft';

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
  for (const t of all(card, 'tel')) addPhone(c, t.replace(/^tel:/i, ''), src, 'other', region);
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
  return cards(parsed.items as Item[]).map((c) => cardToContact(c, region)).filter((c): c is ContactDraft => !!c);
}
