import { InvalidBackupError, type TableName } from '../db/backup-format';
import { t } from '../i18n';
import { BackupError } from './backup';
import { LockedError } from './state';
import { TooManyAttemptsError, WrongPassphraseError } from './vault';

const tableText = (table: TableName | undefined) => t(`sec.table.${table ?? 'customers'}`);

function invalidText(e: InvalidBackupError): string {
  const { table, index, firstIndex } = e.at;
  // Positions are shown counting from 1, as a person counts records.
  const where = { table: tableText(table), index: (index ?? 0) + 1, first: (firstIndex ?? 0) + 1 };
  switch (e.kind) {
    case 'sealed': return t('sec.err.sealed', where);
    case 'duplicate': return t('sec.err.duplicate', where);
    case 'newer': return t('sec.err.newer');
    case 'encoding': return t('sec.err.encoding');
    case 'json': return t('sec.err.json');
    default: return index === undefined ? t('sec.err.invalidFile') : t('sec.err.invalid', where);
  }
}

/**
 * The message a person reads for an error of the lock, a backup or a restore, in the interface's
 * language: never the English error text or a code.
 */
export function securityErrorText(e: unknown, now = Date.now()): string {
  if (e instanceof WrongPassphraseError) return t('sec.wrong');
  if (e instanceof TooManyAttemptsError) return t('sec.err.attempts', { seconds: Math.max(1, Math.ceil((e.retryAt - now) / 1000)) });
  if (e instanceof LockedError) return t('sec.err.locked');
  if (e instanceof InvalidBackupError) return invalidText(e);
  if (e instanceof BackupError) {
    if (e.code === 'invalid') return e.cause instanceof InvalidBackupError ? invalidText(e.cause) : t('sec.err.invalidFile');
    return t(`sec.err.${e.code}`);
  }
  console.error('Cardfile:', e); // the details for a bug report; the person reads a plain sentence
  return t('sec.err.other');
}
