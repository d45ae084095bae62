import { useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { unlockCardfile } from '../../lib/actions/security';
import { t } from '../../lib/i18n';
import { securityErrorText } from '../../lib/security/messages';

/** The passphrase prompt shown while Cardfile is locked. */
export function UnlockForm() {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form class="unlock" data-testid="unlock-form" onSubmit={async (e) => {
      e.preventDefault();
      const input = e.currentTarget.elements.namedItem('passphrase') as HTMLInputElement;
      setBusy(true);
      setError('');
      try {
        await unlockCardfile(getRepo(), input.value);
        input.value = '';
      } catch (err) {
        setError(securityErrorText(err));
      } finally {
        setBusy(false);
      }
    }}>
      <h2>{t('sec.locked')}</h2>
      <p class="muted">{t('sec.lockedHint')}</p>
      <input name="passphrase" type="password" autoComplete="current-password" aria-label={t('sec.passphrase')} placeholder={t('sec.passphrase')} autoFocus />
      <button class="primary" type="submit" disabled={busy}>{t('sec.unlock')}</button>
      {error && <p class="field__error" role="alert" data-testid="unlock-error">{error}</p>}
    </form>
  );
}
