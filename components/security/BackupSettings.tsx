import { useEffect, useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { previewBackupSource, restoreFromBackup, type TextSource } from '../../lib/actions/data';
import { saveSettings } from '../../lib/settings';
import { t } from '../../lib/i18n';
import { asBackupError, backupAgeDays, backupInfoItem, backupSource, exportBackupFile, isEncryptedBackupFile } from '../../lib/security/backup';
import { securityErrorText } from '../../lib/security/messages';
import { withKeyHeld } from '../../lib/security/vault';
import { backupBusy } from './busy';

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Progress = { key: 'sec.backingUp' | 'sec.reading' | 'sec.restoring'; done: number; total: number };

/** A progress bar with its line of text; `total` 0 means not known yet (an indeterminate bar). */
export function BackupProgress({ progress }: { progress: Progress }) {
  return (
    <div data-testid="backup-progress">
      {progress.total ? <progress max={progress.total} value={progress.done} /> : <progress />}
      <span class="muted"> {t(progress.key, { done: progress.done, total: progress.total })}</span>
    </div>
  );
}

/**
 * Back up (optionally encrypted), restore with a preview, and how old the last backup is. Both
 * directions stream (lib/db/backup): the file is written and read a page of records at a time.
 */
export function BackupSettings() {
  const repo = getRepo();
  const [last, setLast] = useState<number | undefined>();
  const [encrypt, setEncrypt] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | undefined>();
  const [pending, setPending] = useState<{ source: TextSource; total: number; preview: Record<string, number> } | undefined>();
  useEffect(() => {
    void backupInfoItem.getValue().then((v) => setLast(v?.lastBackupAt));
    return backupInfoItem.watch((v) => setLast(v?.lastBackupAt));
  }, []);
  const age = backupAgeDays(Date.now(), last);
  const fail = (e: unknown) => setMessage(securityErrorText(asBackupError(e)));
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    backupBusy.value = true;
    setMessage('');
    try {
      await work();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
      backupBusy.value = false;
      setProgress(undefined);
    }
  };
  return (
    <section class="backup" data-testid="backup-settings">
      <h2>{t('sec.backup')}</h2>
      <p class="muted" data-testid="backup-age">{age === undefined ? t('sec.backupNever') : t('sec.backupDays', { days: age })}</p>
      <form class="row" onSubmit={(e) => {
        e.preventDefault();
        const pass = String(new FormData(e.currentTarget).get('bp') ?? '');
        // Checked here as well as in exportBackupFile: "Encrypted" never falls back to a plain file.
        if (encrypt && !pass) return setMessage(t('sec.err.needPassphrase'));
        void run(async () => {
          const blob = await exportBackupFile(repo, encrypt ? pass : undefined, { onProgress: (done, total) => setProgress({ key: 'sec.backingUp', done, total }) });
          download(blob, `cardfile-backup-${new Date().toISOString().slice(0, 10)}.json`);
          setMessage(t('sec.backupDone'));
        });
      }}>
        <label><input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.currentTarget.checked)} /> {t('sec.backupEncrypted')}</label>
        {encrypt && <input name="bp" type="password" required autoComplete="new-password" aria-label={t('sec.passphrase')} placeholder={t('sec.passphrase')} data-testid="backup-passphrase" />}
        <button type="submit" disabled={busy} data-testid="backup-now">{t('sec.backup')}</button>
      </form>
      <label>{t('sec.restore')} <input type="file" accept="application/json,.json" disabled={busy} data-testid="restore-file" onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        if (!file) return;
        setPending(undefined);
        void run(async () => {
          const pass = (await isEncryptedBackupFile(file)) ? (prompt(t('sec.passphrase')) ?? '') : undefined;
          const source = await backupSource(file, pass);
          // The preview pass reads and validates every record: a bad file is refused before anything is replaced.
          const p = await previewBackupSource(repo, source, { onProgress: (done) => setProgress({ key: 'sec.reading', done, total: 0 }) });
          setPending({
            source,
            total: Object.values(p.incoming).reduce((a, b) => a + b, 0),
            preview: {
              customers: p.replaced.customers, interactions: p.replaced.interactions, followUps: p.replaced.followUps,
              bCustomers: p.incoming.customers, bInteractions: p.incoming.interactions, bFollowUps: p.incoming.followUps,
            },
          });
        });
      }} /></label>
      {pending && (
        <div class="row" data-testid="restore-preview">
          <p>{t('sec.restorePreview', pending.preview)}</p>
          <button class="primary" disabled={busy} onClick={() => void run(async () => {
            // The key is held for the whole restore (restored records are sealed with it when the lock is on).
            await withKeyHeld(() => restoreFromBackup(repo, pending.source, {
              mode: 'replace', total: pending.total, saveSettings: async (st) => { await saveSettings(st); },
              onProgress: (done, total) => setProgress({ key: 'sec.restoring', done, total }),
            }));
            setPending(undefined);
            setMessage(t('sec.restored'));
          })}>{t('sec.restoreConfirm')}</button>
        </div>
      )}
      {progress && <BackupProgress progress={progress} />}
      {message && <p role="status" data-testid="backup-message">{message}</p>}
    </section>
  );
}
