import type { CaptureDraft } from '../domain/contact-draft';
import type { CaptureOptions } from './adapter';
import { isCaptureReadError } from './errors';
import { extractCapture } from './index';

export { takeClipOptions } from './clip-options';

/** What "Clip this page" returns to the background: the draft, or why the page could not be read. */
export function readPage(doc: Document, url: string, options: CaptureOptions): { draft?: CaptureDraft; readError?: string; title: string } {
  try {
    return { draft: extractCapture(doc, url, options), title: doc.title };
  } catch (e) {
    return { readError: isCaptureReadError(e) ? e.reason : String(e), title: doc.title };
  }
}
