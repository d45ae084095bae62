import type { CaptureDraft, ContactDraft } from '../domain/contact-draft';
import type { Address } from './dom';
import type { MessageView } from './webmail/message';

/** Fills the main contact from the message body (the signature parser); injected so content scripts stay small. */
export type Enricher = (contact: ContactDraft, body: string, sender: Address, region: string) => void;

/** What the caller knows that the page does not: the user's own addresses, the default phone region. */
export interface CaptureOptions {
  ownEmails?: string[];
  defaultRegion?: string;
  /** Set by extractCapture; content scripts leave it out and the background enriches instead. */
  enrich?: Enricher;
  /** The sender's own text of a body (quotes cut), for the snippet; set by extractCapture. */
  ownText?: (body: string) => string;
}

/**
 * One site's reader. `matches` are host names (exact, or "*.example.com" for subdomains);
 * `detect` recognises the page by its content (saved pages, frames); `extract` reads it.
 * Document and URL are parameters so adapters run on saved HTML in tests.
 */
export interface CaptureAdapter {
  id: string;
  /** True for webmail families: they throw CaptureReadError instead of falling back. */
  webmail: boolean;
  matches: readonly string[];
  detect(doc: Document, url: string): boolean;
  extract(doc: Document, url: string, options?: CaptureOptions): CaptureDraft;
  /** Webmail only: what the open message shows, before it becomes a draft. */
  read?(doc: Document, url: string): MessageView;
}

/** Whether a URL's host is one of the adapter's patterns. */
export function hostMatches(patterns: readonly string[], url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return patterns.some((p) => (p.startsWith('*.') ? host === p.slice(2) || host.endsWith(p.slice(1)) : host === p));
}
