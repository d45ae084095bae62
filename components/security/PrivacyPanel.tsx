import { useEffect, useState } from 'preact/hooks';
import { AuditLog } from '../audit/AuditLog';
import { t } from '../../lib/i18n';
import { saveSettings } from '../../lib/settings';
import { settings } from '../../lib/state/settings';
import { BackupSettings } from './BackupSettings';
import { LockSettings } from './LockSettings';

/** Ask the browser not to evict Cardfile's data under storage pressure; resolves to whether it will. */
export async function requestPersistence(): Promise<boolean> {
  const s = globalThis.navigator?.storage;
  if (!s?.persist) return false;
  return (await s.persisted()) || s.persist();
}

/** The workspace's privacy page: lock, masking, backup, storage persistence, audit log. */
export function PrivacyPanel() {
  const [persisted, setPersisted] = useState<boolean | undefined>();
  useEffect(() => { void requestPersistence().then(setPersisted); }, []);
  return (
    <div class="privacy" data-testid="privacy-panel">
      <LockSettings />
      <section>
        <label><input type="checkbox" checked={settings.value.maskContacts} data-testid="mask-toggle"
          onChange={(e) => void saveSettings({ maskContacts: e.currentTarget.checked })} /> {t('sec.mask')}</label>
      </section>
      <BackupSettings />
      {persisted !== undefined && <p class="muted" data-testid="persisted">{persisted ? t('sec.persisted') : t('sec.notPersisted')}</p>}
      <AuditLog />
    </div>
  );
}
