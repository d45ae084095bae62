import { clean } from '../dom';

/** Meta content by property or name (og:, twitter:, application-name). */
export function meta(doc: Document, key: string): string {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return clean(el?.getAttribute('content'));
}

/** The organisation a page speaks for: og:site_name, application-name, then the title's brand part. */
export function siteName(doc: Document): string {
  return meta(doc, 'og:site_name') || meta(doc, 'application-name');
}
