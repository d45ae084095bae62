import { webmailProviderOf } from '../capture/hosts';
import { hostOf } from './tokens';

/** What Cardfile learned about the tab: its URL (when it may know it) and what the page shows. */
export interface PageFacts {
  url?: string;
  emails: string[];
  links: string[];
}

/** Why a customer is "on this page". */
export type PageReason = 'email' | 'linkedin' | 'domain';
export interface PageMatch {
  id: string;
  reason: PageReason;
}

/** The lookups matching needs (a SearchStore or a SearchIndex both fit). */
export interface PageLookup {
  byEmail(email: string): string[];
  bySocial(handle: string): string[];
  byDomain(host: string): string[];
}

/**
 * Mail providers everybody has an address at: a page on qq.com or gmail.com says nothing about
 * which customer it concerns, so their domains never match by domain (addresses still do).
 */
const SHARED_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'google.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com',
  'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'mail.com', 'yandex.com',
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com', '139.com',
]);
/** Nobody's company lives here: matching by domain on these pages would only be noise. */
const NO_DOMAIN_MATCH = new Set(['linkedin.com', 'github.com', 'localhost', 'facebook.com', 'x.com', 'twitter.com', 'weibo.com', 'zhihu.com', 'baidu.com', 'bing.com']);

/** Is this domain (or one of its parents) a shared mail provider or a site everyone uses? */
function uninformative(host: string): boolean {
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const d = labels.slice(i).join('.');
    if (SHARED_MAIL_DOMAINS.has(d) || NO_DOMAIN_MATCH.has(d)) return true;
  }
  return NO_DOMAIN_MATCH.has(host);
}

/** A LinkedIn profile or company URL, reduced to the part that identifies it. */
export function linkedinPath(url: string): string | undefined {
  const m = /linkedin\.com\/(in|company|pub)\/([^/?#]+)/i.exec(url);
  return m ? `linkedin.com/${m[1]!.toLowerCase()}/${decodeURIComponent(m[2]!).toLowerCase()}` : undefined;
}

/** Customers matching the page: addresses shown on it, then LinkedIn profiles, then the site's domain. */
export function matchPage(lookup: PageLookup, facts: PageFacts, limit = 20): PageMatch[] {
  const out: PageMatch[] = [];
  const seen = new Set<string>();
  const push = (ids: string[], reason: PageReason) => {
    for (const id of ids) {
      if (seen.has(id) || out.length >= limit) continue;
      seen.add(id);
      out.push({ id, reason });
    }
  };
  for (const email of new Set(facts.emails.map((e) => e.toLowerCase()))) push(lookup.byEmail(email), 'email');
  const profiles = new Set([facts.url ?? '', ...facts.links].map(linkedinPath).filter((p): p is string => !!p));
  for (const p of profiles) push(lookup.bySocial(p), 'linkedin');
  const host = facts.url && /^https?:/i.test(facts.url) ? hostOf(facts.url) : '';
  if (host && !webmailProviderOf(facts.url!) && !uninformative(host) && !/^[\d.]+$/.test(host)) push(lookup.byDomain(host), 'domain');
  return out;
}

/**
 * Runs INSIDE the page (chrome.scripting.executeScript serialises this function): so it must not
 * use anything from its module. Reads text, never HTML; capped so a huge page stays cheap.
 */
export function readPageFacts(): { emails: string[]; links: string[] } {
  const text = (document.body?.innerText ?? '').slice(0, 300_000);
  const emails = new Set<string>();
  for (const m of text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) if (emails.size < 200) emails.add(m[0].replace(/\.$/, ''));
  const links = new Set<string>();
  for (const a of Array.from(document.querySelectorAll('a[href]')).slice(0, 5000)) {
    const href = (a as HTMLAnchorElement).href;
    if (href.startsWith('mailto:')) emails.add(decodeURIComponent(href.slice(7).split('?')[0] ?? ''));
    else if (/linkedin\.com\/(in|company|pub)\//i.test(href) && links.size < 100) links.add(href);
  }
  return { emails: [...emails].filter(Boolean), links: [...links] };
}
