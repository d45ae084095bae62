import type { Thing } from './things';

const MAX_NODES = 2000;

/** Turn one parsed JSON-LD value into Things (follows @graph and arrays; drops @context noise). */
function toThings(v: unknown, budget: { n: number }): Thing[] {
  if (budget.n-- <= 0 || v === null || typeof v !== 'object') return [];
  if (Array.isArray(v)) return v.flatMap((x) => toThings(x, budget));
  const o = v as Record<string, unknown>;
  if (Array.isArray(o['@graph'])) return toThings(o['@graph'], budget);
  const rawType = o['@type'];
  const types = (Array.isArray(rawType) ? rawType : [rawType]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
  const props: Thing['props'] = {};
  for (const [k, val] of Object.entries(o)) {
    if (k.startsWith('@')) continue;
    const key = k.replace(/^.*[/#:]/, '');
    const list = Array.isArray(val) ? val : [val];
    const items: Array<string | Thing> = [];
    for (const item of list) {
      if (typeof item === 'string' || typeof item === 'number') items.push(String(item));
      else if (item && typeof item === 'object') {
        const idOnly = Object.keys(item).length === 1 && typeof (item as Record<string, unknown>)['@id'] === 'string';
        if (idOnly) items.push((item as Record<string, string>)['@id']!);
        else items.push(...toThings(item, budget));
      }
    }
    if (items.length) props[key] = items;
  }
  return [{ types, props }];
}

/** schema.org entities from every `<script type="application/ld+json">`; broken JSON is skipped, never thrown. */
export function readJsonLd(doc: Document, warnings: string[]): Thing[] {
  const out: Thing[] = [];
  const budget = { n: MAX_NODES };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const text = (s.textContent ?? '').trim();
    if (!text) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      warnings.push('A block of structured data (JSON-LD) on this page is broken and was skipped.');
      continue;
    }
    out.push(...toThings(data, budget));
  }
  return out;
}
