import { useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { turnLockOff, turnLockOn } from '../../lib/actions/security';
import { t } from '../../lib/i18n';
import { vaultStatus } from '../../lib/security/status';
import { securityErrorText } from '../../lib/security/messages';
import { lock, setAutoLockMinutes } from '../../lib/security/vault';
import { backupBusy } from './busy';

/** Turn the passphrase lock on or off, set the idle minutes, lock now. */
export function LockSettings() {
  const status = vaultStatus.value;
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<number | undefined>();
  const run = async (fn: () => Promise<void>) => {
    setError('');
    setProgress(0);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof RangeError ? t('sec.tooShort') : securityErrorText(e));
    } finally {
      setProgress(undefined);
    }
  };
  const repo = getRepo();
  // 'working' while a pass seals or opens every record: the lock protects the data only once it ends.
  return (
    <section class="lock-settings" data-testid="lock-settings" data-lock={progress !== undefined ? 'working' : status.enabled ? 'on' : 'off'}>
      <h2>{t('sec.lock')}</h2>
      <p class="muted">{status.enabled ? t('sec.lockOn') : t('sec.lockOff')}</p>
      {!status.enabled && (
        <form class="row" onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const p1 = String(f.get('p1') ?? '');
          const p2 = String(f.get('p2') ?? '');
          const minutes = Number(f.get('minutes') ?? 15);
          if (p1.length < 8) return setError(t('sec.tooShort'));
          if (p1 !== p2) return setError(t('sec.mismatch'));
          void run(() => turnLockOn(repo, p1, { autoLockMinutes: minutes, onProgress: setProgress }));
        }}>
          <input name="p1" type="password" autoComplete="new-password" aria-label={t('sec.passphrase')} placeholder={t('sec.passphrase')} />
          <input name="p2" type="password" autoComplete="new-password" aria-label={t('sec.passphraseAgain')} placeholder={t('sec.passphraseAgain')} />
          <label>{t('sec.autoLock')} <input name="minutes" type="number" min="0.05" step="any" defaultValue="15" /></label>
          <button class="primary" type="submit" disabled={progress !== undefined} data-testid="lock-on">{t('sec.turnOn')}</button>
          <p class="muted">{t('sec.forgotten')}</p>
        </form>
      )}
      {status.enabled && (
        <div class="row">
          <label>{t('sec.autoLock')} <input type="number" min="0.05" step="any" value={status.autoLockMinutes} data-testid="autolock-minutes"
            onChange={(e) => { const v = Number(e.currentTarget.value); if (v > 0) void setAutoLockMinutes(v); }} /></label>
          {/* During a backup or restore the key is held until it ends (withKeyHeld): say so rather than seem to do nothing. */}
          <button onClick={() => void lock()} data-testid="lock-now" disabled={backupBusy.value} title={backupBusy.value ? t('sec.lockWaits') : undefined}>{t('sec.lockNow')}</button>
          {backupBusy.value && <span class="muted" data-testid="lock-waits">{t('sec.lockWaits')}</span>}
          <form class="row" onSubmit={(e) => {
            e.preventDefault();
            const p = String(new FormData(e.currentTarget).get('p') ?? '');
            void run(() => turnLockOff(repo, p, { onProgress: setProgress }));
          }}>
            <input name="p" type="password" autoComplete="current-password" aria-label={t('sec.passphrase')} placeholder={t('sec.passphrase')} />
            <button type="submit" disabled={progress !== undefined} data-testid="lock-off">{t('sec.turnOff')}</button>
          </form>
        </div>
      )}
      {progress !== undefined && <p class="muted" role="status">{t('sec.working', { done: progress })}</p>}
      {error && <p class="field__error" role="alert" data-testid="lock-error">{error}</p>}
    </section>
  );
}
