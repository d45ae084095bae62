import type { Thing } from './things';

const MAX_NODES = 2000;
type Obj = Record<string, unknown>;

interface Ctx {
  budget: number;
  /** Nodes by @id, so `"worksFor": { "@id": "#org" }` finds the organisation declared elsewhere. */
  ids: Map<string, Obj>;
  resolving: Set<string>;
}

const local = (k: string) => k.replace(/^.*[/#:]/, '');

function collectIds(v: unknown, ids: Map<string, Obj>, depth = 0): void {
  if (depth > 10 || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) return v.forEach((x) => collectIds(x, ids, depth + 1));
  const o = v as Obj;
  if (typeof o['@id'] === 'string' && Object.keys(o).length > 1) ids.set(o['@id'], o);
  for (const x of Object.values(o)) collectIds(x, ids, depth + 1);
}

/** Turn one parsed JSON-LD value into Things (follows @graph, arrays and @id references). */
function toThings(v: unknown, ctx: Ctx): Thing[] {
  if (ctx.budget-- <= 0 || v === null || typeof v !== 'object') return [];
  if (Array.isArray(v)) return v.flatMap((x) => toThings(x, ctx));
  const o = v as Obj;
  if (Array.isArray(o['@graph'])) return toThings(o['@graph'], ctx);
  const rawType = o['@type'];
  const types = (Array.isArray(rawType) ? rawType : [rawType]).filter((x): x is string => typeof x === 'string').map(local);
  const props: Thing['props'] = {};
  for (const [k, val] of Object.entries(o)) {
    if (k.startsWith('@')) continue;
    const items: Array<string | Thing> = [];
    for (const item of Array.isArray(val) ? val : [val]) {
      if (typeof item === 'string' || typeof item === 'number') items.push(String(item));
      else if (item && typeof item === 'object' && !Array.isArray(item)) {
        const ref = (item as Obj)['@id'];
        const target = typeof ref === 'string' && Object.keys(item).length === 1 ? ctx.ids.get(ref) : undefined;
        if (target && typeof ref === 'string' && !ctx.resolving.has(ref)) {
          ctx.resolving.add(ref);
          items.push(...toThings(target, ctx));
          ctx.resolving.delete(ref);
        } else if (typeof ref === 'string' && Object.keys(item).length === 1) items.push(ref);
        else items.push(...toThings(item, ctx));
      }
    }
    if (items.length) props[local(k)] = items;
  }
  return [{ types, props }];
}

/** schema.org entities from every `<script type="application/ld+json">`; broken JSON is skipped, never thrown. */
export function readJsonLd(doc: Document, warnings: string[]): Thing[] {
  const parsed: unknown[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const text = (s.textContent ?? '').trim();
    if (!text) continue;
    try {
      parsed.push(JSON.parse(text));
    } catch {
      warnings.push('A block of structured data (JSON-LD) on this page is broken and was skipped.');
    }
  }
  const ctx: Ctx = { budget: MAX_NODES, ids: new Map(), resolving: new Set() };
  parsed.forEach((p) => collectIds(p, ctx.ids));
  return parsed.flatMap((p) => toThings(p, ctx));
}
