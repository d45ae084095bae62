import { describe, expect, it } from 'vitest';
import { staticImportGraph as graph } from '../import-graph';

// Issue 18: side panel ready ≤ 600 ms after the browser sat idle. Its entry starts the persisted
// index's read and opens the customer database before the page's modules are fetched
// (entrypoints/sidepanel/main.tsx), so the cold IndexedDB opens overlap loading the page.
describe('the side panel starts its reads before its modules load', () => {
  const entry = graph('entrypoints/sidepanel/main.tsx');

  it.each(['lib/search-index/persisted.ts', 'lib/db/warm.ts'])('reaches %s', (file) => {
    expect(entry.files).toContain(file);
  });

  it.each(['dexie', 'preact', '@preact/signals', 'zod', 'pinyin-pro'])('does not wait for the %s package', (pkg) => {
    expect(entry.packages).not.toContain(pkg);
  });

  it('loads no domain, search engine or interface module', () => {
    expect([...entry.files].filter((f) => /^(lib\/(domain|i18n|state|security)|components\/(?!styles)|lib\/search\/(?!persisted))/.test(f))).toEqual([]);
  });
});
