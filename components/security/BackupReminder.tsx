import { useEffect, useState } from 'preact/hooks';
import { getRepo } from '../../lib/actions/context';
import { countCustomers } from '../../lib/db/queries';
import { t } from '../../lib/i18n';
import { backupAgeDays, backupInfoItem, needsBackupReminder } from '../../lib/security/backup';

/** "Back up: the last backup is N days old" once 30 days have passed (or never, with cards present). */
export function BackupReminder({ onOpen }: { onOpen(): void }) {
  // What to say, not the words: the words are made at render, so a language switch re-renders them.
  const [due, setDue] = useState<{ never: true } | { never: false; days: number } | null>(null);
  useEffect(() => {
    void (async () => {
      const last = (await backupInfoItem.getValue())?.lastBackupAt;
      const hasData = (await countCustomers(getRepo())) > 0;
      const now = Date.now();
      if (needsBackupReminder(now, last, hasData)) setDue(last === undefined ? { never: true } : { never: false, days: backupAgeDays(now, last) ?? 0 });
    })();
  }, []);
  if (!due) return null;
  const text = due.never ? t('sec.backupNever') : t('sec.backupRemind', { days: due.days });
  return <p class="banner" role="status" data-testid="backup-reminder">{text} <button class="link" onClick={onOpen}>{t('sec.backup')}</button></p>;
}
