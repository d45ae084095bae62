import type { CaptureDraft } from '../domain/contact-draft';
import { type CaptureAdapter, type CaptureOptions, hostMatches } from './adapter';
import { addAddress, addEmail, addPhone, addSocial, addWebsite, emptyContact, setField } from './draft';
import { NOTHING_FOUND } from './adapters/page';
import { adapters, fallbackAdapter } from './registry';
import { parseSignature } from './signature/index';
import { enrichFromSignature } from './webmail/enrich';

export type { CaptureAdapter, CaptureOptions } from './adapter';
export { CaptureReadError, isCaptureReadError } from './errors';
export { NOTHING_FOUND } from './adapters/page';
export { adapters } from './registry';

/**
 * The adapter for a page: the one whose hosts match the URL, else a webmail adapter that
 * recognises the page's content (a saved page, a frame), else the generic page reader.
 */
export function pickAdapter(doc: Document, url: string): CaptureAdapter {
  return (
    adapters.find((a) => a.matches.length && hostMatches(a.matches, url)) ??
    adapters.find((a) => a.webmail && a.detect(doc, url)) ??
    fallbackAdapter
  );
}

/**
 * Read the contacts (and the open email, on webmail) of a page. Throws CaptureReadError when a
 * webmail page's layout is not understood; never returns a half-read webmail draft.
 */
export function extractCapture(doc: Document, url: string, options?: CaptureOptions): CaptureDraft {
  return pickAdapter(doc, url).extract(doc, url, { ...options, enrich: enrichFromSignature });
}

/** "Clip selection as contact": the selected text through the signature parser. */
export function extractFromSelection(text: string, url: string, options: CaptureOptions = {}): CaptureDraft {
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
    for (const m of body.matchAll(/[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)) addEmail(c, m[0], src);
  }
  if (!c.name && c.company) {
    c.kind = 'organization';
    setField(c, 'name', c.company, src);
  }
  const found = !!(c.name || c.emails.length || c.phones.length);
  c.notes = body.slice(0, 2000);
  return { provider: 'selection', contacts: found ? [c] : [], warnings: found ? [] : [NOTHING_FOUND] };
}
