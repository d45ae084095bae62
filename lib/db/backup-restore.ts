import Dexie from 'dexie';
import {
  BACKUP_PAGE, backupHeaderSchema, backupTables, checkDbVersion, describeIssues, InvalidBackupError, laterTables, tableNames,
  type BackupHeader, type BackupPreview, type TableName,
} from './backup-format';
import type { RepoContext } from './context';
import { bumpDataEpoch } from './data-epoch';
import { JsonSplitter, type JsonPath } from './json-stream';

/**
 * Reading a JSON backup as a stream: the file is never held whole, records arrive in pages of
 * BACKUP_PAGE, each validated by its table's schema. A preview pass reads the file once (counts,
 * and every record validated, so a bad file is refused before anything is touched); the restore
 * pass reads it again inside one read-write transaction (all or nothing) and writes page by page.
 */

/** A backup's text in pieces, readable more than once (the preview pass, then the restore). */
export type TextSource = () => AsyncIterable<string>;

/** Slices of a file read at a time (1 MiB: small enough to keep the page drawing between slices). */
const SLICE_BYTES = 1 << 20;

/** A Blob or File read slice by slice, decoded as UTF-8 across slice edges. */
export function blobTextSource(blob: Blob, sliceBytes = SLICE_BYTES): TextSource {
  return async function* read() {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const slice = (at: number) => (at < blob.size ? blob.slice(at, at + sliceBytes).arrayBuffer() : undefined);
    try {
      // One slice is read ahead, so the next bytes are on their way while this slice is parsed and written.
      let next = slice(0);
      for (let at = 0; next; at += sliceBytes) {
        const bytes = await next;
        next = slice(at + sliceBytes);
        yield decoder.decode(new Uint8Array(bytes), { stream: true });
      }
      const tail = decoder.decode();
      if (tail) yield tail;
    } catch (e) {
      throw e instanceof TypeError ? new InvalidBackupError('not UTF-8 text', 'encoding') : e;
    }
  };
}

/** A backup already in memory as text. */
export const textSource = (text: string): TextSource => async function* read() { yield text; };

type Rows = (table: TableName, records: unknown[]) => void | Promise<void>;
export interface ReadOptions {
  /** Wraps each read of the source (Dexie.waitFor inside a transaction). */
  wait?: <T>(next: () => Promise<T>) => Promise<T>;
  /** Refuse, as soon as it is read, a backup from a newer database schema than this one. */
  dbVersion?: number;
  pageSize?: number;
}

const isTable = (t: string | undefined): t is TableName => t !== undefined && t in backupTables;

/** Ids seen so far in the table being read, with the position of the record that had each first. */
type SeenIds = Map<string, number>;

/**
 * Parse and validate one page of a table; the error names the record's index in the file.
 * A record still sealed by a passphrase lock (`__enc`) is refused: the schema would strip its
 * ciphertext and the restore would lose the fields it holds. Two records of a table with one id
 * are refused here, before a restore would fail on the database's key.
 */
function validatePage(table: TableName, texts: string[], first: number, seen: SeenIds): unknown[] {
  let records: unknown[];
  try {
    records = JSON.parse(`[${texts.join(',')}]`) as unknown[];
  } catch (e) {
    throw new InvalidBackupError(`not JSON (${e instanceof Error ? e.message : String(e)})`, 'json');
  }
  const schema = backupTables[table];
  return records.map((r, i) => {
    const index = first + i;
    if (typeof r === 'object' && r !== null && '__enc' in r) {
      throw new InvalidBackupError(`tables.${table}.${index}: the record is still locked (encrypted by a passphrase lock)`, 'sealed', { table, index });
    }
    const p = schema.safeParse(r);
    if (!p.success) throw new InvalidBackupError(describeIssues(p.error.issues, ['tables', table, index]), 'invalid', { table, index });
    const id = (p.data as { id: string }).id;
    const before = seen.get(id);
    if (before !== undefined) throw new InvalidBackupError(`tables.${table}.${index}: the same id as record ${before}`, 'duplicate', { table, index, firstIndex: before });
    seen.set(id, index);
    return p.data;
  });
}

/**
 * Read a backup's text once: every table's records reach `rows` in validated pages, in file order;
 * returns the validated header (format, versions, settings). Throws InvalidBackupError for a file
 * that is not a valid backup (errors thrown by `rows` pass through unchanged).
 */
export async function readBackupSource(source: TextSource, rows: Rows, options: ReadOptions = {}): Promise<BackupHeader> {
  const pageSize = options.pageSize ?? BACKUP_PAGE;
  const wait = options.wait ?? ((next) => next());
  const header: Record<string, unknown> = {};
  const seen = new Set<TableName>();
  // Ids are unique per table: the set is dropped when its table's array ends (peak: the largest table's ids).
  const ids = new Map<TableName, SeenIds>();
  const ready: { table: TableName; texts: string[]; first: number }[] = [];
  let page: { table: TableName; texts: string[]; first: number } | undefined;
  const close = () => {
    if (page?.texts.length) ready.push(page);
    page = undefined;
  };
  const splitter = new JsonSplitter({
    descend: (p) => p.length === 0 || (p.length === 1 && p[0] === 'tables'),
    stream: (p) => p.length === 2 && p[0] === 'tables',
    value: (p: JsonPath, v) => {
      if (p.length === 0) throw new InvalidBackupError('(root): expected an object');
      const key = p[0]!;
      if (p.length === 2 && isTable(p[1])) throw new InvalidBackupError(`tables.${p[1]}: expected an array`);
      if (p.length !== 1) return; // an unknown table: ignored, as the schema strips unknown keys
      if (key === 'tables') throw new InvalidBackupError('tables: expected an object');
      const field = backupHeaderSchema.shape[key as keyof typeof backupHeaderSchema.shape];
      if (!field) return;
      // Checked as soon as read: a file of another format or version fails on its first bytes.
      const r = field.safeParse(v);
      if (!r.success) throw new InvalidBackupError(describeIssues(r.error.issues, [key]));
      header[key] = r.data;
      if (key === 'dbVersion' && options.dbVersion !== undefined) checkDbVersion(r.data as number, options.dbVersion);
    },
    element: (p, text) => {
      const table = p[1];
      if (!isTable(table)) return;
      if (page && page.table !== table) close();
      page ??= { table, texts: [], first: 0 };
      page.texts.push(text);
      if (page.texts.length >= pageSize) {
        const first = page.first + page.texts.length;
        close();
        page = { table, texts: [], first };
      }
    },
    arrayEnd: (p) => {
      if (isTable(p[1])) {
        seen.add(p[1]);
        close();
        ready.push({ table: p[1], texts: [], first: -1 }); // marks the table's end for drain
      }
    },
  });
  const drain = async () => {
    while (ready.length) {
      const next = ready.shift()!;
      if (next.first < 0) { ids.delete(next.table); continue; }
      let tableIds = ids.get(next.table);
      if (!tableIds) ids.set(next.table, (tableIds = new Map()));
      await rows(next.table, validatePage(next.table, next.texts, next.first, tableIds));
    }
  };
  const it = source()[Symbol.asyncIterator]();
  try {
    for (;;) {
      const r = await wait(() => it.next());
      if (r.done) break;
      splitter.push(r.value);
      await drain();
    }
    splitter.end();
  } catch (e) {
    if (e instanceof SyntaxError) throw new InvalidBackupError(`not JSON (${e.message})`, 'json');
    throw e;
  }
  await drain();
  const h = backupHeaderSchema.safeParse(header);
  if (!h.success) throw new InvalidBackupError(describeIssues(h.error.issues));
  const missing = tableNames.filter((t) => !seen.has(t) && !laterTables.has(t));
  if (missing.length) throw new InvalidBackupError(missing.map((t) => `tables.${t}: expected an array`).join('; '));
  return h.data;
}

const zero = () => Object.fromEntries(tableNames.map((t) => [t, 0])) as Record<TableName, number>;

async function tableCounts(ctx: RepoContext): Promise<Record<TableName, number>> {
  const counts = await Promise.all(tableNames.map((t) => ctx.db.table(t).count()));
  return Object.fromEntries(tableNames.map((t, i) => [t, counts[i]])) as Record<TableName, number>;
}

/**
 * The preview pass: reads the whole file once, validating every record, and counts what a restore
 * would bring in and replace. Nothing is written. `onProgress` gets the records read so far.
 */
export async function previewBackupSource(ctx: RepoContext, source: TextSource, options: { onProgress?: (done: number) => void; pageSize?: number } = {}): Promise<BackupPreview> {
  const incoming = zero();
  let done = 0;
  const header = await readBackupSource(source, (t, records) => {
    incoming[t] += records.length;
    done += records.length;
    options.onProgress?.(done);
  }, { dbVersion: ctx.db.verno, pageSize: options.pageSize });
  return { exportedAt: header.exportedAt, incoming, replaced: await tableCounts(ctx) };
}

/**
 * Restore a backup, replacing every table in ONE read-write transaction (all or nothing: a bad
 * record anywhere, a failed write or a lock aborts it and the database is as it was). The file is
 * read and validated page by page inside it (Dexie.waitFor keeps the transaction open across file
 * reads); two pages are in flight, so IndexedDB writes while the next page is parsed. The settings go to
 * `saveSettings` (browser.storage lives outside the database) as the transaction's last step: when
 * they fail the tables roll back, and when the tables fail to commit after the settings were saved
 * the settings read before are put back, so tables and settings change together or not at all.
 * `total` (the preview's record count) makes `onProgress` report done / total.
 */
export async function restoreBackupSource(
  ctx: RepoContext,
  source: TextSource,
  options: {
    mode: 'replace';
    saveSettings?: (s: BackupHeader['settings']) => Promise<void>;
    onProgress?: (done: number, total: number) => void;
    total?: number;
    pageSize?: number;
  },
): Promise<BackupPreview> {
  const { db } = ctx;
  const incoming = zero();
  let replaced = zero();
  let header: BackupHeader | undefined;
  const save = options.saveSettings;
  const before = save ? await ctx.settings() : undefined;
  let settingsSaved = false;
  try {
    await db.transaction('rw', tableNames.map((t) => db.table(t)), async () => {
      replaced = await tableCounts(ctx);
      for (const t of tableNames) await db.table(t).clear();
      // Two pages in flight: IndexedDB writes one while the next is handed over (its records cloned).
      const inflight: Promise<unknown>[] = [];
      let done = 0;
      header = await readBackupSource(source, async (t, records) => {
        const write = db.table(t).bulkAdd(records);
        write.catch(() => undefined); // awaited below; this only marks the rejection as handled meanwhile
        inflight.push(write);
        if (inflight.length > 1) await inflight.shift();
        incoming[t] += records.length;
        done += records.length;
        options.onProgress?.(done, options.total ?? done);
      }, { wait: (next) => Dexie.waitFor(Dexie.ignoreTransaction(next)), dbVersion: db.verno, pageSize: options.pageSize });
      for (const write of inflight) await write;
      if (save && header) {
        const settings = header.settings;
        settingsSaved = true; // from here on a failure puts the old settings back (the save may have landed)
        await Dexie.waitFor(Dexie.ignoreTransaction(() => save(settings)));
      }
    });
  } catch (e) {
    if (settingsSaved && save && before) await save(before).catch((err: unknown) => console.error('restore: the previous settings could not be put back', err));
    throw e;
  }
  // Restored cards keep their own updatedAt, older than any search index's watermark: every index rebuilds.
  await bumpDataEpoch(ctx.now());
  return { exportedAt: header!.exportedAt, incoming, replaced };
}
