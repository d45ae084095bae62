import { describe, expect, it } from 'vitest';
import { JsonSplitter } from '../../lib/db/json-stream';

/** Split `text` into pieces at `cuts`, run the splitter streaming tables.*, return what it reported. */
function split(text: string, cuts: number[]) {
  const values: Record<string, unknown> = {};
  const elements: Record<string, unknown[]> = {};
  const ended: string[] = [];
  const s = new JsonSplitter({
    descend: (p) => p.length === 0 || (p.length === 1 && p[0] === 'tables'),
    stream: (p) => p.length === 2 && p[0] === 'tables',
    value: (p, v) => { values[p.join('.')] = v; },
    element: (p, t) => { (elements[p.join('.')] ??= []).push(JSON.parse(t)); },
    arrayEnd: (p) => ended.push(p.join('.')),
  });
  let at = 0;
  for (const c of [...cuts, text.length]) {
    s.push(text.slice(at, c));
    at = c;
  }
  s.end();
  return { values, elements, ended };
}

const doc = {
  format: 'x', n: -1.5e3, yes: true, no: false, nil: null, s: 'quote " backslash \\ 中文 \u0001 😀',
  settings: { a: [1, { b: '}]"' }], e: {} },
  tables: { customers: [{ id: 'a', x: 'q\\"}]' }, { id: 'b', nested: [[1], { deep: ['\\'] }] }], empty: [], scalars: [1, 'two', null, true, -0.5e-3, []] },
};

describe('JsonSplitter', () => {
  it.each([['compact', 0], ['indented', 2]])('reports the same values and elements at every single cut (%s)', (_n, indent) => {
    const text = JSON.stringify(doc, null, indent);
    for (let cut = 0; cut <= text.length; cut++) {
      const r = split(text, [cut]);
      expect(r.elements).toEqual({ 'tables.customers': doc.tables.customers, 'tables.scalars': doc.tables.scalars });
      expect(r.values).toEqual({ format: 'x', n: -1500, yes: true, no: false, nil: null, s: doc.s, settings: doc.settings });
      expect(r.ended).toEqual(['tables.customers', 'tables.empty', 'tables.scalars']);
    }
  });

  it('reads a text cut into one-character pieces', () => {
    const text = JSON.stringify(doc);
    const r = split(text, Array.from({ length: text.length }, (_, i) => i));
    expect(r.elements['tables.customers']).toEqual(doc.tables.customers);
  });

  it.each([
    ['a trailing comma in an array', '{"tables":{"c":[1,]}}'],
    ['a trailing comma in an object', '{"a":1,}'],
    ['a missing colon', '{"a" 1}'],
    ['a cut-off document', '{"tables":{"c":[{"id":"a"}'],
    ['a cut-off string', '{"a":"abc'],
    ['two documents', '{"a":1}{"b":2}'],
    ['a comma first', '[,1]'],
    ['a stray closing bracket', '{"a":1]]'],
  ])('refuses %s', (_n, text) => {
    expect(() => split(text, [Math.floor(text.length / 2)])).toThrow(SyntaxError);
  });
});
