import type { ContactDraft } from '../domain/contact-draft';
import { emptyContact as emptyOf } from '../domain/empty-contact';
import { toE164 } from '../domain/phone';
import { clean, isEmail } from './dom';

type PhoneLabel = ContactDraft['phones'][number]['label'];
type Network = ContactDraft['social'][number]['network'];

/** An empty contact draft of the given kind (the one constructor, lib/domain/empty-contact). */
export const emptyContact = (kind: ContactDraft['kind'] = 'person'): ContactDraft => emptyOf({ kind });

/** Set a text field if it is empty, and note where it came from. */
export function setField(c: ContactDraft, field: 'name' | 'company' | 'title' | 'department', value: string | undefined, source: string): void {
  const v = clean(value).slice(0, 500);
  if (!v || c[field]) return;
  c[field] = v;
  c.provenance[field] = source;
}

/** Add an email once (case-insensitive). */
export function addEmail(c: ContactDraft, value: string | undefined, source: string, label = ''): void {
  const v = clean(value).toLowerCase();
  if (!v || !isEmail(v) || c.emails.length >= 200 || c.emails.some((e) => e.value === v)) return;
  c.emails.push({ value: v, label });
  c.provenance.emails ??= source;
}

/** Add a phone once (same E.164 or same digits); E.164 from libphonenumber when it parses. */
export function addPhone(c: ContactDraft, raw: string | undefined, source: string, label: PhoneLabel = 'other', region = 'CN', e164?: string): void {
  const r = clean(raw).replace(/^tel:/i, '').slice(0, 100);
  if (!/\d{3,}/.test(r.replace(/[\s().-]/g, '')) || c.phones.length >= 100) return;
  const e = e164 ?? toE164(r, region);
  const digits = r.replace(/\D/g, '');
  if (c.phones.some((p) => (e && p.e164 === e) || p.raw.replace(/\D/g, '') === digits)) return;
  c.phones.push(e ? { raw: r, e164: e, label } : { raw: r, label });
  c.provenance.phones ??= source;
}

/** Add a website once (absolute http(s) URLs only). */
export function addWebsite(c: ContactDraft, url: string | undefined, source: string, base?: string): void {
  const abs = absoluteUrl(url, base);
  if (!abs || c.websites.length >= 50 || c.websites.includes(abs)) return;
  c.websites.push(abs);
  c.provenance.websites ??= source;
}

/** Add a social handle once. */
export function addSocial(c: ContactDraft, network: Network, handle: string | undefined, source: string): void {
  const h = clean(handle).slice(0, 300);
  if (!h || c.social.some((s) => s.network === network && s.handle.toLowerCase() === h.toLowerCase())) return;
  c.social.push({ network, handle: h });
  c.provenance.social ??= source;
}

/** Add an address once (by its formatted text). */
export function addAddress(c: ContactDraft, a: ContactDraft['addresses'][number], source: string): void {
  const parts = [a.street, a.city, a.region, a.postalCode, a.country].map(clean).filter(Boolean);
  const formatted = clean(a.formatted) || parts.join(', ');
  if (!formatted || c.addresses.length >= 20) return;
  if (c.addresses.some((x) => clean(x.formatted).toLowerCase() === formatted.toLowerCase())) return;
  const out: ContactDraft['addresses'][number] = { formatted: formatted.slice(0, 500) };
  for (const k of ['label', 'street', 'city', 'region', 'postalCode', 'country'] as const) {
    const v = clean(a[k]);
    if (v) out[k] = v.slice(0, k === 'postalCode' ? 20 : 200);
  }
  c.addresses.push(out);
  c.provenance.addresses ??= source;
}

/** http(s) URL resolved against base, or undefined. */
export function absoluteUrl(url: string | undefined, base?: string): string | undefined {
  const u = clean(url);
  if (!u) return undefined;
  try {
    const parsed = new URL(u, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href.slice(0, 2000) : undefined;
  } catch {
    return undefined;
  }
}

/** Host name without "www.", for naming an organisation after its site. */
export function siteDomain(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Does the contact hold anything worth saving? */
export function hasContent(c: ContactDraft): boolean {
  return !!(c.name || c.emails.length || c.phones.length || c.company || c.addresses.length || c.websites.length || c.social.length);
}

/** A key that identifies the same contact read twice from one page. */
export function contactKey(c: ContactDraft): string {
  return c.emails[0]?.value ?? `${c.kind}|${c.name.toLowerCase()}|${c.company.toLowerCase()}`;
}
