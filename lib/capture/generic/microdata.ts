import { clean } from '../dom';
import type { Thing } from './things';

/**
 * schema.org microdata (itemscope / itemprop / itemref). Written by hand: the walk is ~40 lines
 * and the maintained microdata parsers on npm either need a full HTML string re-parse or Node.
 */
function propValue(el: Element): string {
  const tag = el.tagName;
  if (el.hasAttribute('content')) return el.getAttribute('content') ?? '';
  if (tag === 'A' || tag === 'AREA' || tag === 'LINK') return el.getAttribute('href') ?? '';
  if (tag === 'IMG' || tag === 'AUDIO' || tag === 'VIDEO' || tag === 'SOURCE' || tag === 'IFRAME' || tag === 'EMBED') return el.getAttribute('src') ?? '';
  if (tag === 'OBJECT') return el.getAttribute('data') ?? '';
  if (tag === 'DATA' || tag === 'METER') return el.getAttribute('value') ?? '';
  if (tag === 'TIME') return el.getAttribute('datetime') ?? clean(el.textContent);
  return clean(el.textContent);
}

function readItem(scope: Element, doc: Document, depth: number): Thing {
  const types = (scope.getAttribute('itemtype') ?? '').split(/\s+/).filter(Boolean).map((t) => t.replace(/^.*[/#]/, ''));
  const props: Thing['props'] = {};
  const roots = [scope, ...(scope.getAttribute('itemref') ?? '').split(/\s+/).map((id) => (id ? doc.getElementById(id) : null)).filter((e): e is HTMLElement => !!e)];
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      const names = (child.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean);
      const nested = child.hasAttribute('itemscope');
      if (names.length) {
        const value = nested && depth < 8 ? readItem(child, doc, depth + 1) : propValue(child);
        for (const n of names) (props[n.replace(/^.*[/#]/, '')] ??= []).push(value);
      }
      if (!nested) walk(child);
    }
  };
  for (const r of roots) {
    if (r !== scope && r.hasAttribute('itemprop')) {
      const n = r.getAttribute('itemprop')!;
      (props[n] ??= []).push(r.hasAttribute('itemscope') ? readItem(r, doc, depth + 1) : propValue(r));
    }
    walk(r);
  }
  return { types, props, el: scope, text: clean(scope.textContent).slice(0, 500) };
}

/** Top-level microdata items (itemscope without itemprop). */
export function readMicrodata(doc: Document): Thing[] {
  return Array.from(doc.querySelectorAll('[itemscope]:not([itemprop])')).slice(0, 500).map((el) => readItem(el, doc, 0));
}
