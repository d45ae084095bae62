import { describe, expect, it } from 'vitest';
import { staticImportGraph as graph } from '../import-graph';

// SPEC §9: workspace first rows ≤ 300 ms at 100,000 cards. The page's first screen is the table:
// every other tab, the card and the form are dynamic imports (entrypoints/options/App.tsx), so their
// libraries stay out of the first paint (tests/import-graph.ts walks the static imports).
describe('the workspace page reads the first rows before its modules load', () => {
  // main.tsx starts the read (lib/workspace/early-rows, raw IndexedDB) and then imports boot.tsx.
  const entry = graph('entrypoints/options/main.tsx');

  it('reaches the early read', () => {
    expect(entry.files).toContain('lib/workspace/early-rows.ts');
  });

  it.each(['dexie', 'preact', '@preact/signals', 'zod', 'libphonenumber-js', 'virtua'])('does not wait for the %s package', (pkg) => {
    expect(entry.packages).not.toContain(pkg);
  });

  it('loads no domain, database or interface module but the compact layer', () => {
    expect([...entry.files].filter((f) => /^(lib\/(domain|db|i18n|state|security)|components)\//.test(f)).sort()).toEqual(['lib/db/compact-middleware.ts', 'lib/db/name.ts', 'lib/db/stamp-middleware.ts']);
  });
});

describe('the workspace page loads the table first, the rest on use', () => {
  const page = graph('entrypoints/options/boot.tsx');

  it.each(['components/workspace/CustomerTable.tsx', 'lib/workspace/first-rows.ts', 'lib/workspace/window.ts'])('reaches %s', (file) => {
    expect(page.files).toContain(file);
  });

  it.each([
    'components/workspace/Charts.tsx', 'components/workspace/ImportWizard.tsx', 'components/workspace/ExportPanel.tsx',
    'components/workspace/Duplicates.tsx', 'components/workspace/Quality.tsx', 'components/workspace/SettingsPage.tsx',
    'components/security/PrivacyPanel.tsx', 'components/customer/CardView.tsx', 'components/customer-form/CustomerForm.tsx',
    'lib/db/plan.ts', 'lib/search-index/store.ts', 'lib/demo/seed.ts',
  ])('does not import %s before it is used', (file) => {
    expect(page.files).not.toContain(file);
  });

  it.each(['chart.js', 'papaparse', 'pinyin-pro', 'lunar-javascript', 'read-excel-file', 'write-excel-file', 'postal-mime'])('does not import the %s package at start', (pkg) => {
    expect(page.packages).not.toContain(pkg);
  });
});
