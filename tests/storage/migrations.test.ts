import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORAGE_VERSIONS, storageItems } from '../../lib/storage/items';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Storage items in the style of read-frog: each item has a version, each version above 1 has a
// migration, and each migration has a test here (a row of `migrationCases`) turning a value as the
// previous version stored it into the current shape. No item has needed one yet: every key is at v1.
const migrationCases: Array<{ item: keyof typeof STORAGE_VERSIONS; toVersion: number; before: unknown; after: unknown }> = [];

describe('storage items', () => {
  it.each(Object.entries(STORAGE_VERSIONS))('%s has a migration for every version above 1', (_name, { version, migrations }) => {
    for (let v = 2; v <= version; v++) expect(migrations[v], `migration to v${v}`).toBeTypeOf('function');
    expect(Object.keys(migrations).map(Number).every((v) => v >= 2 && v <= version)).toBe(true);
  });

  it.each(Object.entries(STORAGE_VERSIONS))('every migration of %s has a test case', (name, { version }) => {
    for (let v = 2; v <= version; v++) expect(migrationCases.some((c) => c.item === name && c.toVersion === v), `test for ${name} v${v}`).toBe(true);
  });

  it.each(migrationCases.map((c) => [`${c.item} → v${c.toVersion}`, c] as const))('migrates %s', async (_n, c) => {
    const item = storageItems[c.item];
    const key = item.key.replace(/^\w+:/, '');
    const area = item.key.startsWith('session:') ? fakeBrowser.storage.session : fakeBrowser.storage.local;
    await area.set({ [key]: c.before, [`${key}$`]: { v: c.toVersion - 1 } });
    expect(await STORAGE_VERSIONS[c.item].migrations[c.toVersion]!(c.before)).toEqual(c.after);
  });

  it('item keys are unique', () => {
    const keys = Object.values(storageItems).map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  // One home for keys: no other file defines a storage item or names a storage key.
  it('no file outside lib/storage defines a storage item or names a key', () => {
    const root = path.resolve(__dirname, '../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = path.join(dir, e.name);
        if (e.isDirectory()) walk(rel);
        else if (/\.tsx?$/.test(e.name) && rel !== path.join('lib', 'storage', 'items.ts')) {
          const src = readFileSync(path.join(root, rel), 'utf8');
          if (/defineItem\s*[<(]|storage\.(getItem|setItem|watch)\(\s*['"](local|session|sync):/.test(src)) offenders.push(rel);
        }
      }
    };
    for (const d of ['lib', 'components', 'entrypoints']) walk(d);
    expect(offenders).toEqual([]);
  });
});
