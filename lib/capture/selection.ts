import type { CaptureDraft } from '../domain/contact-draft';
import type { CaptureOptions } from './adapter';
import { EMAIL_RE } from './dom';
import { addAddress, addEmail, addPhone, addSocial, addWebsite, emptyContact, setField } from './draft';
import { parseSignature } from './signature/index';

export const NOTHING_IN_SELECTION = 'Nothing recognisable on this page.';

/** "Clip selection as contact": the selected text through the signature parser. */
export function extractFromSelection(text: string, url: string, options: CaptureOptions = {}): CaptureDraft {
  void url;
  const region = options.defaultRegion ?? 'CN';
  const body = text.slice(0, 20_000);
  const sig = parseSignature(body, { defaultRegion: region });
  const c = emptyContact('person');
  const src = 'selection';
  setField(c, 'name', sig.name, src);
  setField(c, 'title', sig.title, src);
  setField(c, 'company', sig.company, src);
  for (const p of sig.phones) addPhone(c, p.raw, src, p.label ?? 'other', region, p.e164);
  for (const e of sig.emails) addEmail(c, e, src);
  for (const w of sig.websites) addWebsite(c, /^https?:/i.test(w) ? w : `https://${w}`, src);
  if (sig.address) addAddress(c, { formatted: sig.address }, src);
  if (sig.wechat) addSocial(c, 'wechat', sig.wechat, src);
  if (sig.qq) addSocial(c, 'qq', sig.qq, src);
  if (!c.name && !sig.company && c.emails.length === 0) {
    // The parser found no signature: keep any address written in the text so the form is not empty.
    for (const m of body.matchAll(EMAIL_RE)) addEmail(c, m[0], src);
  }
  if (!c.name && c.company) {
    c.kind = 'organization';
    setField(c, 'name', c.company, src);
  }
  const found = !!(c.name || c.emails.length || c.phones.length);
  c.notes = body.slice(0, 2000);
  return { provider: 'selection', contacts: found ? [c] : [], warnings: found ? [] : [NOTHING_IN_SELECTION] };
}
