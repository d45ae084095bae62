import { useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { commitImport, ImportValidationError, previewBackupSource, restoreFromBackup, type BackupPreview, type DuplicateMode, type TextSource } from '../../lib/actions/data';
import { asBackupError, BackupError, backupSource, isEncryptedBackupFile } from '../../lib/security/backup';
import { securityErrorText } from '../../lib/security/messages';
import { formatDate, t, type MessageKey } from '../../lib/i18n';
import { targetLabel } from '../../lib/i18n/words';
import { errorText } from '../../lib/i18n/zod';
import { saveSettings } from '../../lib/settings';
import { columnTargets, type ColumnMapping, type ColumnTarget } from '../../lib/import-export/columns';
import type { CsvParseResult } from '../../lib/import-export/csv';
import type { RowIssue } from '../../lib/import-export/draft';
import { encodingLabel, textEncodings, type TextEncodingName } from '../../lib/import-export/encodings';
import { prepareImport, type PreparedImport } from '../../lib/import-export/prepare';
import { showToast } from '../common/Toast';

type Loaded =
  | { kind: 'table'; file: File; bytes: Uint8Array; result: CsvParseResult; xlsx: boolean; prepared: PreparedImport; encoding?: TextEncodingName; detected?: CsvParseResult['encoding'] }
  | { kind: 'vcard'; result: Pick<CsvParseResult, 'drafts' | 'errors' | 'rowNumbers'>; prepared: PreparedImport }
  | { kind: 'backup'; source: TextSource; preview: BackupPreview };

async function parseTable(bytes: Uint8Array, xlsx: boolean, mapping?: ColumnMapping[], encoding?: TextEncodingName): Promise<CsvParseResult> {
  if (xlsx) {
    const { parseContactsXlsx } = await import('../../lib/import-export/xlsx');
    return parseContactsXlsx(bytes.slice().buffer, { mapping });
  }
  const { parseContactsCsv } = await import('../../lib/import-export/csv');
  const locale = globalThis.navigator?.language;
  return parseContactsCsv(bytes, { ...(mapping ? { mapping, hasHeader: true } : {}), ...(encoding ? { encoding } : {}), locale });
}

/**
 * Validate every row once, when the file is read (sliced, so the page keeps drawing): the preview
 * lists the errors and the commit writes these inputs. Parse errors and validation errors together,
 * so the user sees every bad row before committing.
 */
async function prepare(result: Pick<CsvParseResult, 'drafts' | 'errors' | 'rowNumbers'>): Promise<PreparedImport> {
  const { defaultRegion } = await getRepo().settings();
  const prepared = await prepareImport(result.drafts, { rowNumbers: result.rowNumbers, defaultRegion });
  const errors = [...result.errors, ...prepared.errors.filter((v) => !result.errors.some((e) => e.row === v.row))].sort((a, b) => a.row - b.row);
  return { ...prepared, errors };
}

function Issues({ list, testid }: { list: RowIssue[]; testid: string }) {
  return (
    <ul class="issues" data-testid={testid}>
      {list.slice(0, 200).map((e, i) => <li key={i}>{e.row > 0 ? `${t('imp.row', { row: e.row })}: ` : ''}{errorText(e.message)}</li>)}
    </ul>
  );
}

/** File → mapping → preview → errors → duplicates choice → progress → one all-or-nothing commit. */
export function ImportWizard() {
  const [loaded, setLoaded] = useState<Loaded | { kind: 'error'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<DuplicateMode>('merge');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; errors?: RowIssue[]; warnings?: RowIssue[] } | null>(null);

  async function pick(file: File) {
    setBusy(true);
    setOutcome(null);
    setLoaded(null);
    try {
      const name = file.name.toLowerCase();
      if (name.endsWith('.json')) {
        // A JSON backup is streamed (never read whole): sealed ones (Privacy → Backup with a passphrase)
        // too. The preview pass validates every record before anything is replaced.
        const pass = (await isEncryptedBackupFile(file)) ? (prompt(t('sec.passphrase')) ?? '') : undefined;
        const source = await backupSource(file, pass);
        setLoaded({ kind: 'backup', source, preview: await previewBackupSource(getRepo(), source) });
        return;
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (name.endsWith('.csv') || name.endsWith('.txt') || name.endsWith('.tsv')) {
        const result = await parseTable(bytes, false);
        setLoaded({ kind: 'table', file, bytes, xlsx: false, result, detected: result.encoding, prepared: await prepare(result) });
      } else if (name.endsWith('.xlsx')) {
        const result = await parseTable(bytes, true);
        setLoaded({ kind: 'table', file, bytes, xlsx: true, result, prepared: await prepare(result) });
      } else if (name.endsWith('.vcf') || name.endsWith('.vcard')) {
        const { parseVCards } = await import('../../lib/import-export/vcard');
        const drafts = parseVCards(bytes);
        const result = { drafts, errors: drafts.length ? [] : [{ row: 0, message: t('imp.noCards') }], rowNumbers: drafts.map((_, i) => i + 1) };
        setLoaded({ kind: 'vcard', result, prepared: await prepare(result) });
      } else setLoaded({ kind: 'error', message: t('imp.unknownType') });
    } catch (e) {
      const err = asBackupError(e);
      setLoaded({ kind: 'error', message: err instanceof BackupError ? securityErrorText(err) : err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  async function remap(index: number, target: ColumnTarget | null) {
    if (loaded?.kind !== 'table') return;
    const mapping = loaded.result.mapping.map((m) => (m.index === index ? { ...m, target } : m));
    const result = await parseTable(loaded.bytes, loaded.xlsx, mapping, loaded.encoding);
    setLoaded({ ...loaded, result, prepared: await prepare(result) });
  }

  /** The user's encoding (or back to detection): the file is read again and the columns guessed again. */
  async function reencode(value: string) {
    if (loaded?.kind !== 'table') return;
    const encoding = (value || undefined) as TextEncodingName | undefined;
    setBusy(true);
    try {
      const result = await parseTable(loaded.bytes, false, undefined, encoding);
      setLoaded({ ...loaded, result, encoding, detected: loaded.detected, prepared: await prepare(result) });
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!loaded || loaded.kind === 'backup' || loaded.kind === 'error') return;
    setBusy(true);
    setProgress({ done: 0, total: loaded.result.drafts.length });
    try {
      const r = await commitImport(getRepo(), loaded.prepared, {
        duplicates: mode, onProgress: (done, total) => setProgress({ done, total }),
      });
      setOutcome({ text: t('imp.done', { created: r.created, merged: r.merged, skipped: r.skipped }), warnings: r.warnings });
      setLoaded(null);
    } catch (e) {
      const errors = e instanceof ImportValidationError ? e.errors : undefined;
      setOutcome({ text: t('imp.failed', { message: e instanceof Error ? e.message : String(e) }), errors });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  async function restore() {
    if (loaded?.kind !== 'backup') return;
    setBusy(true);
    const total = Object.values(loaded.preview.incoming).reduce((a, b) => a + b, 0);
    setProgress({ done: 0, total });
    try {
      await restoreFromBackup(getRepo(), loaded.source, {
        mode: 'replace', total, saveSettings: async (s) => { await saveSettings(s); }, onProgress: (done) => setProgress({ done, total }),
      });
      setLoaded(null);
      showToast(t('imp.restored'));
    } catch (e) {
      setOutcome({ text: t('imp.failed', { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  // Validated once when the file was read (prepare), never on a render: a render per progress step
  // used to validate all 10,000 rows again.
  const result = loaded && (loaded.kind === 'table' || loaded.kind === 'vcard') ? { ...loaded.result, errors: loaded.prepared.errors } : undefined;
  return (
    <section class="import" data-testid="import-wizard">
      <h2>{t('imp.title')}</h2>
      <label class="field">
        <span class="field__label">{t('imp.pick')}</span>
        <input type="file" accept=".csv,.tsv,.txt,.xlsx,.vcf,.vcard,.json" data-testid="import-file" disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            const f = input.files?.[0];
            // Emptied at once, so choosing the same (corrected) file again is a change and is read again.
            input.value = '';
            if (f) void pick(f);
          }} />
      </label>
      {busy && !progress && <p class="muted">{t('imp.reading')}</p>}
      {loaded?.kind === 'error' && <p class="notice notice--error" role="alert" data-testid="import-error">{loaded.message}</p>}
      {loaded?.kind === 'table' && !loaded.xlsx && (
        <label class="field row nowrap" data-testid="import-encoding">
          <span class="field__label">{t('impx.encodingLabel')}</span>
          <select value={loaded.encoding ?? ''} disabled={busy} data-testid="import-encoding-select" onChange={(e) => void reencode(e.currentTarget.value)}>
            <option value="">{t('impx.encodingAuto')}{loaded.detected && loaded.detected !== 'text' ? ` · ${t('impx.encodingDetected', { encoding: encodingLabel(loaded.detected) })}` : ''}</option>
            {textEncodings.map((enc) => <option key={enc} value={enc}>{encodingLabel(enc)}</option>)}
          </select>
        </label>
      )}
      {loaded?.kind === 'table' && loaded.result.mapping.length > 0 && (
        <details open>
          <summary>{t('imp.mapping')}{loaded.result.encoding !== 'text' ? ` · ${t('imp.encoding', { encoding: encodingLabel(loaded.result.encoding) })}` : ''}</summary>
          <table class="mapping" data-testid="import-mapping">
            <thead><tr><th>{t('imp.column')}</th><th>{t('imp.field')}</th></tr></thead>
            <tbody>
              {loaded.result.mapping.map((m) => (
                <tr key={m.index}>
                  <td>{m.header || `#${m.index + 1}`}</td>
                  <td>
                    <select value={m.target ?? ''} data-map-column={m.index} onChange={(e) => void remap(m.index, (e.currentTarget.value || null) as ColumnTarget | null)}>
                      <option value="">{t('imp.ignore')}</option>
                      {columnTargets.map((c) => <option key={c} value={c}>{targetLabel(c)}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {result && (
        <>
          <h3>{t('imp.preview')} · {t('imp.rows', { count: result.drafts.length })}</h3>
          <table class="preview" data-testid="import-preview">
            <thead><tr><th>#</th><th>{t('field.name')}</th><th>{t('field.company')}</th><th>{t('field.emails')}</th><th>{t('field.phones')}</th><th>{t('field.tags')}</th></tr></thead>
            <tbody>
              {result.drafts.slice(0, 10).map((d, i) => (
                <tr key={i}>
                  <td>{result.rowNumbers[i]}</td><td>{d.name}</td><td>{d.company}</td>
                  <td>{d.emails.map((e) => e.value).join(', ')}</td><td>{d.phones.map((p) => p.raw).join(', ')}</td><td>{d.tags.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.errors.length > 0 && (
            <div class="notice notice--error" role="alert">
              {t('imp.errors', { count: result.errors.length })}
              <Issues list={result.errors} testid="import-errors" />
            </div>
          )}
          {result.errors.length === 0 && result.drafts.length > 0 && (
            <fieldset>
              <legend>{t('imp.duplicates')}</legend>
              {(['merge', 'skip', 'create'] as const).map((m) => (
                <label key={m} class="row nowrap">
                  <input type="radio" name="dup-mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-dup-mode={m} />
                  {t(`imp.dup.${m}`)}
                </label>
              ))}
              <div class="actions">
                <button class="primary" disabled={busy} onClick={commit} data-testid="import-commit">{t('imp.commit', { count: result.drafts.length })}</button>
              </div>
            </fieldset>
          )}
        </>
      )}
      {progress && (
        <div data-testid="import-progress">
          <progress max={progress.total || 1} value={progress.done} />
          <span class="muted"> {t('imp.progress', { done: progress.done, total: progress.total })}</span>
        </div>
      )}
      {loaded?.kind === 'backup' && (
        <div class="notice" data-testid="restore-preview">
          <h3>{t('imp.restoreTitle')}</h3>
          <p>{t('imp.restoreWarning', {
            customers: loaded.preview.replaced.customers, interactions: loaded.preview.replaced.interactions, followUps: loaded.preview.replaced.followUps,
            inCustomers: loaded.preview.incoming.customers, inInteractions: loaded.preview.incoming.interactions, inFollowUps: loaded.preview.incoming.followUps,
            date: formatDate(loaded.preview.exportedAt, true),
          })}</p>
          <button class="danger" disabled={busy} onClick={restore} data-testid="restore-commit">{t('imp.restore')}</button>
        </div>
      )}
      {outcome && (
        <div class={`notice${outcome.errors ? ' notice--error' : ''}`} role="status" data-testid="import-outcome">
          {outcome.text}
          {outcome.errors && <Issues list={outcome.errors} testid="import-commit-errors" />}
          {outcome.warnings && outcome.warnings.length > 0 && (
            <details><summary>{t('imp.warnings', { count: outcome.warnings.length })}</summary><Issues list={outcome.warnings} testid="import-warnings" /></details>
          )}
        </div>
      )}
    </section>
  );
}
