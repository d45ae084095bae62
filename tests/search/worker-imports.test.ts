import { describe, expect, it } from 'vitest';
import { staticImportGraph as graph } from '../import-graph';

// The search index is built in a dedicated worker (lib/search-index/build.worker.ts), which has no
// extension APIs: the webextension polyfill behind `wxt/browser` throws there ("This script should
// only be loaded in a browser extension"), and the side panel then says "Search is unavailable".
describe('the search index worker', () => {
  const worker = graph('lib/search-index/build.worker.ts');

  it('reaches the database module it builds from', () => {
    expect(worker.files).toContain('lib/db/schema.ts');
  });

  it.each(['wxt', 'webextension-polyfill', '@wxt-dev/webextension-polyfill'])('does not load %s', (pkg) => {
    expect([...worker.packages].filter((p) => p === pkg || p.startsWith(`${pkg}/`))).toEqual([]);
  });
});
