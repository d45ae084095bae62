import { useEffect, useState } from 'preact/hooks';
import { getRepo } from '../../lib/db';
import { previewRestore, restoreBackup, type Backup } from '../../lib/db/backup';
import { saveSettings } from '../../lib/settings';
import { t } from '../../lib/i18n';
import { backupAgeDays, backupInfoItem, exportBackupText, isEncryptedBackup, readBackupText } from '../../lib/security/backup';

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
  const repo = getRepo();
  const [last, setLast] = useState<number | undefined>();
  const [encrypt, setEncrypt] = useState(false);
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState<{ backup: Backup; preview: Record<string, number> } | undefined>();
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
        exportBackupText(repo, encrypt ? pass : undefined)
          .then((text) => {
            download(text, `cardfile-backup-${new Date().toISOString().slice(0, 10)}.json`);
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
          const backup = await readBackupText(text, pass);
          const p = await previewRestore(repo, backup);
          setPending({
            backup,
            preview: {
              customers: p.replaced.customers, interactions: p.replaced.interactions, followUps: p.replaced.followUps,
              bCustomers: p.incoming.customers, bInteractions: p.incoming.interactions, bFollowUps: p.incoming.followUps,
            },
          });
        } catch (err) {
          fail(err);
        }
      }} /></label>
      {pending && (
        <div class="row" data-testid="restore-preview">
          <p>{t('sec.restorePreview', pending.preview)}</p>
          <button class="primary" onClick={() => void restoreBackup(repo, pending.backup, { mode: 'replace', saveSettings: async (st) => { await saveSettings(st); } }).then(() => { setPending(undefined); setMessage(t('sec.restored')); }).catch(fail)}>{t('sec.restoreConfirm')}</button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
