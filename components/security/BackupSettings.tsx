import { useEffect, useState } from 'preact/hooks';
import { getRepo } from '../../lib/db';
import { t } from '../../lib/i18n';
import { backupAgeDays, backupInfoItem, exportBackup, isEncryptedBackup, readBackup, restoreBackup, restorePreview, type BackupTables } from '../../lib/security/backup';

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Back up (optionally encrypted), restore with a preview, and how old the last backup is. */
export function BackupSettings() {
  const db = getRepo().db;
  const [last, setLast] = useState<number | undefined>();
  const [encrypt, setEncrypt] = useState(false);
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState<{ tables: BackupTables; preview: Record<string, number> } | undefined>();
  useEffect(() => {
    void backupInfoItem.getValue().then((v) => setLast(v?.lastBackupAt));
    return backupInfoItem.watch((v) => setLast(v?.lastBackupAt));
  }, []);
  const age = backupAgeDays(Date.now(), last);
  const fail = (e: unknown) => setMessage(e instanceof Error ? e.message : String(e));
  return (
    <section class="backup" data-testid="backup-settings">
      <h2>{t('sec.backup')}</h2>
      <p class="muted" data-testid="backup-age">{age === undefined ? t('sec.backupNever') : t('sec.backupDays', { days: age })}</p>
      <form class="row" onSubmit={(e) => {
        e.preventDefault();
        const pass = String(new FormData(e.currentTarget).get('bp') ?? '');
        const now = Date.now();
        exportBackup(db, now, encrypt ? pass : undefined)
          .then(async (text) => {
            download(text, `cardfile-backup-${new Date(now).toISOString().slice(0, 10)}.json`);
            await backupInfoItem.setValue({ lastBackupAt: now });
            setMessage(t('sec.backupDone'));
          })
          .catch(fail);
      }}>
        <label><input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.currentTarget.checked)} /> {t('sec.backupEncrypted')}</label>
        {encrypt && <input name="bp" type="password" autoComplete="new-password" aria-label={t('sec.passphrase')} placeholder={t('sec.passphrase')} />}
        <button type="submit" data-testid="backup-now">{t('sec.backup')}</button>
      </form>
      <label>{t('sec.restore')} <input type="file" accept="application/json,.json" data-testid="restore-file" onChange={async (e) => {
        const file = e.currentTarget.files?.[0];
        if (!file) return;
        try {
          const text = await file.text();
          const pass = isEncryptedBackup(text) ? (prompt(t('sec.passphrase')) ?? '') : undefined;
          const { tables } = await readBackup(text, pass);
          setPending({ tables, preview: await restorePreview(db, tables) });
        } catch (err) {
          fail(err);
        }
      }} /></label>
      {pending && (
        <div class="row" data-testid="restore-preview">
          <p>{t('sec.restorePreview', pending.preview)}</p>
          <button class="primary" onClick={() => void restoreBackup(db, pending.tables).then(() => { setPending(undefined); setMessage(t('sec.restored')); }).catch(fail)}>{t('sec.restoreConfirm')}</button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
