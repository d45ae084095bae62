import type { CaptureDraft } from '../domain/contact-draft';
import { type CaptureAdapter, type CaptureOptions, hostMatches } from './adapter';
import { adapters, fallbackAdapter } from './registry';
import { enrichFromSignature } from './webmail/enrich';
import { replyText } from './signature/quotes';

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
  return pickAdapter(doc, url).extract(doc, url, { ...options, enrich: enrichFromSignature, ownText: replyText });
}

export { extractFromSelection } from './selection';
