import { useEffect } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import { t } from '../../lib/i18n';
import { syncStatus, watchSyncStatus } from './status';

/** synced / n waiting / offline / error, with the first sync's progress bar. Nothing when not in a team. */
export function StatusLine({ onOpen }: { onOpen?: () => void }) {
  useEffect(() => watchSyncStatus(), []);
  const s = syncStatus.value;
  if (s.state === 'none') return null;
  const n = s.waiting;
  const text = s.refused && s.state === 'error' ? t('sync.refused', { n: s.refused })
    : s.state === 'waiting' ? t('sync.waiting', { n })
    : s.state === 'offline' ? t('sync.offline', { n })
    : t(`sync.${s.state}` as 'sync.synced');
  return (
    <span class={`sync-status sync-status--${s.state}`} data-testid="sync-status" data-state={s.state} role="status">
      <button class="link" onClick={onOpen} title={s.name}>{text}</button>
      {s.progress && s.progress.total > 0 && (
        <span class="sync-progress">
          <progress max={s.progress.total} value={s.progress.done} aria-label={t('sync.first', { done: s.progress.done, total: s.progress.total })} />
          <small>{t('sync.first', { done: s.progress.done, total: s.progress.total })}</small>
        </span>
      )}
      {(s.state === 'offline' || s.state === 'error' || s.state === 'waiting') && (
        <button class="link" data-testid="sync-now" onClick={() => void send('sync/now', {}).catch(() => undefined)}>{t('sync.now')}</button>
      )}
    </span>
  );
}
