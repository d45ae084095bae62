import type { ContactDraft } from '../../domain/contact-draft';
import { addAddress, addEmail, addPhone, addSocial, addWebsite, setField } from '../draft';

/** Copy what `from` knows into `into` without overwriting anything `into` already has. */
export function mergeInto(into: ContactDraft, from: ContactDraft): void {
  const src = (k: string) => from.provenance[k] ?? 'page';
  for (const f of ['name', 'company', 'title', 'department'] as const) setField(into, f, from[f], src(f));
  for (const e of from.emails) addEmail(into, e.value, src('emails'), e.label);
  for (const p of from.phones) addPhone(into, p.raw, src('phones'), p.label, 'CN', p.e164);
  for (const a of from.addresses) addAddress(into, a, src('addresses'));
  for (const w of from.websites) addWebsite(into, w, src('websites'));
  for (const s of from.social) addSocial(into, s.network, s.handle, src('social'));
}

/**
 * One contact per person: the same email, or the same kind + name (+ company when both have
 * one), read by two sources becomes one contact. Order is kept (first reading wins).
 */
export function dedupeContacts(list: ContactDraft[]): ContactDraft[] {
  const out: ContactDraft[] = [];
  const byEmail = new Map<string, ContactDraft>();
  const byName = new Map<string, ContactDraft>();
  for (const c of list) {
    const nameKey = c.name ? `${c.kind}|${c.name.toLowerCase()}` : '';
    const hit =
      c.emails.map((e) => byEmail.get(e.value)).find(Boolean) ??
      (nameKey ? byName.get(nameKey) : undefined);
    const compatible = hit && (!hit.company || !c.company || hit.company.toLowerCase() === c.company.toLowerCase()) && (!hit.name || !c.name || hit.name.toLowerCase() === c.name.toLowerCase() || c.emails.some((e) => hit.emails.some((h) => h.value === e.value)));
    const target = compatible ? hit : undefined;
    if (target) mergeInto(target, c);
    else out.push(c);
    const t = target ?? c;
    for (const e of t.emails) byEmail.set(e.value, t);
    if (t.name) byName.set(`${t.kind}|${t.name.toLowerCase()}`, t);
  }
  return out;
}
