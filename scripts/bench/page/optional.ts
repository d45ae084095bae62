import type { Customer } from '../../../lib/domain';
import type { RepoContext } from '../../../lib/db/context';

// Modules other branches deliver. import.meta.glob matches only files that exist, so the bench
// builds at every stage of the merge and reports an entry as pending until its module lands.
const found = import.meta.glob([
  '../../../lib/db/import.ts',
  '../../../lib/db/backup.ts',
  '../../../lib/import-export/csv.ts',
  '../../../lib/import-export/export.ts',
  '../../../lib/capture/index.ts',
]);

export interface ImportModule {
  importDrafts(ctx: RepoContext, drafts: unknown[], options: { duplicates: 'merge' | 'skip' | 'create' }): Promise<{ created: number; merged: number; skipped: number }>;
}
export interface BackupModule {
  exportBackup(ctx: RepoContext): Promise<{ tables: Record<string, unknown[]> }>;
  restoreBackup(ctx: RepoContext, json: unknown, options: { mode: 'replace' }): Promise<unknown>;
}
export interface CsvModule {
  parseContactsCsv(data: string | Uint8Array): { drafts: unknown[]; errors: { row: number; message: string }[] };
  toCsv(customers: Customer[]): string;
}
export interface ExportModule {
  exportCustomersCsv(ctx: RepoContext): Promise<Blob>;
}
export interface CaptureModule {
  extractCapture(doc: Document, url: string): { contacts: unknown[] };
}

const paths = {
  import: '../../../lib/db/import.ts',
  backup: '../../../lib/db/backup.ts',
  csv: '../../../lib/import-export/csv.ts',
  export: '../../../lib/import-export/export.ts',
  capture: '../../../lib/capture/index.ts',
} as const;
interface Modules { import: ImportModule; backup: BackupModule; csv: CsvModule; export: ExportModule; capture: CaptureModule }

/** The module if it is in this build, else undefined (the entry is reported as pending). */
export async function optional<K extends keyof Modules>(name: K): Promise<Modules[K] | undefined> {
  const load = found[paths[name]];
  return load ? ((await load()) as Modules[K]) : undefined;
}

/** Which optional modules this build contains. */
export function available(): Record<keyof Modules, boolean> {
  return Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, p in found])) as Record<keyof Modules, boolean>;
}
