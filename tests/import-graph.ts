import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// What a page loads before it can draw: the bundler puts a module in an entry's chunks when the
// entry reaches it by a static import (even through a barrel it uses one function of). These tests
// walk that graph from source: `import type` and `import()` are not followed.
const root = path.resolve(__dirname, '..');

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

/** Every project file (relative to the repo) and package an entry reaches by static imports. */
export function staticImportGraph(entry: string): { files: Set<string>; packages: Set<string> } {
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
