import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// SPEC §9: popup JavaScript ≤ 60 KB gzip. The bundler puts a module in the popup's chunks when the
// popup can reach it by a static import, even through a barrel it uses one function of; so the popup
// imports lib files directly. This walks the popup's static import graph (import type is erased).
const root = path.resolve(__dirname, '..', '..');

function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?([\s\S]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) if (!m[2]) specs.push(m[4]!);
  return specs;
}

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((f) => existsSync(f) && /\.tsx?$/.test(f));
}

/** Every project file and package the entry reaches by static imports. */
function graph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = resolve(file, spec);
        if (target) visit(target);
      } else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(path.join(root, entry));
  return { files: new Set([...files].map((f) => path.relative(root, f))), packages };
}

describe('the popup loads only what it draws with (no barrels, no database, no zod, no phone metadata)', () => {
  const popup = graph('entrypoints/popup/main.tsx');

  it('reaches the due list and preact', () => {
    expect(popup.files).toContain('components/popup/DueList.tsx');
    expect(popup.packages).toContain('preact');
  });

  it.each(['lib/domain/index.ts', 'lib/db/index.ts', 'lib/domain/phone.ts', 'lib/db/customers.ts'])('does not import %s', (file) => {
    expect(popup.files).not.toContain(file);
  });

  // It paints from the background's due snapshot in browser.storage: no Dexie, no zod at start.
  it.each(['dexie', 'zod', 'libphonenumber-js', 'pinyin-pro', 'papaparse', 'chart.js'])('does not import the %s package', (pkg) => {
    expect(popup.packages).not.toContain(pkg);
  });
});
