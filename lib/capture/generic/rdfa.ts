import { clean } from '../dom';
import type { Thing } from './things';

/**
 * RDFa Lite 1.1 (vocab, typeof, property, resource, prefix) plus the RDFa 1.0 habits older company
 * sites have (`rel` chaining to a nested `typeof`, `about`, `content`, `xmlns:` prefixes), read
 * straight from the DOM into Things. Written here, not taken from npm: the maintained RDFa parsers
 * (rdfa-streaming-parser and friends) re-parse the page's HTML text with their own HTML parser and
 * emit RDF quads that would need a graph library to walk back into entities; the Lite subset is a
 * short DOM walk like microdata. Only schema.org terms matter to us, so IRIs are reduced to their
 * local names ("https://schema.org/telephone", "schema:telephone" → "telephone").
 */
const MAX_ITEMS = 500;
const MAX_DEPTH = 40;

const local = (term: string) => term.replace(/^.*[/#:]/, '');
const terms = (v: string | null) => (v ?? '').split(/\s+/).filter(Boolean).map(local).filter(Boolean);

function literal(el: Element): string {
  if (el.hasAttribute('content')) return el.getAttribute('content') ?? '';
  const tag = el.tagName;
  // In RDFa a property on a link takes the link target only when it is a resource (no typeof).
  if (el.hasAttribute('resource')) return el.getAttribute('resource') ?? '';
  if ((tag === 'A' || tag === 'LINK' || tag === 'AREA') && el.hasAttribute('href')) return el.getAttribute('href') ?? '';
  if ((tag === 'IMG' || tag === 'AUDIO' || tag === 'VIDEO' || tag === 'SOURCE' || tag === 'IFRAME' || tag === 'EMBED') && el.hasAttribute('src')) return el.getAttribute('src') ?? '';
  if (tag === 'TIME' && el.hasAttribute('datetime')) return el.getAttribute('datetime') ?? '';
  if (tag === 'DATA' || tag === 'METER') return el.getAttribute('value') ?? clean(el.textContent);
  return clean(el.textContent);
}

/** Every RDFa subject with a type, as a tree of Things; top-level ones (not a property value) are returned. */
export function readRdfa(doc: Document): Thing[] {
  if (!doc.querySelector('[typeof], [property]')) return [];
  const roots: Thing[] = [];
  let count = 0;
  const walk = (el: Element, subject: Thing | undefined, pendingRel: string[], depth: number) => {
    if (depth > MAX_DEPTH || count > MAX_ITEMS) return;
    const props = terms(el.getAttribute('property'));
    const rel = terms(el.getAttribute('rel'));
    const hasType = el.hasAttribute('typeof');
    let next = subject;
    let rels = pendingRel;
    if (hasType) {
      count += 1;
      const thing: Thing = { types: terms(el.getAttribute('typeof')), props: {}, el, text: clean(el.textContent).slice(0, 500) };
      const via = props.length ? props : pendingRel;
      if (subject && via.length) for (const p of via) (subject.props[p] ??= []).push(thing);
      else roots.push(thing);
      next = thing;
      rels = [];
    } else if (subject && props.length) {
      const value = literal(el);
      for (const p of props) (subject.props[p] ??= []).push(value);
    }
    if (rel.length && !hasType) {
      // <a rel="schema:url" href="…"> is a link value; <div rel="schema:address"> chains to a nested typeof.
      const href = el.getAttribute('href') ?? el.getAttribute('resource');
      if (subject && href && !el.querySelector('[typeof]')) for (const p of rel) (subject.props[p] ??= []).push(href);
      else rels = rel;
    }
    for (const child of Array.from(el.children)) walk(child, next, rels, depth + 1);
  };
  walk(doc.documentElement, undefined, [], 0);
  return roots;
}
