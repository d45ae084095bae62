import { describe, expect, it } from 'vitest';
import { staticImportGraph as graph } from '../import-graph';

// SPEC §9: popup JavaScript ≤ 60 KB gzip: the popup imports lib files directly, never a barrel
// (tests/import-graph.ts walks the static imports).
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
