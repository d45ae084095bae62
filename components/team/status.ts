import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { SyncStatus } from '../../lib/messaging/protocol';
import { LIVE_PORT, syncStatusItem } from '../../lib/sync/status-item';

/** The team status every component reads (role for hiding write actions, state for the status line). */
export const syncStatus = signal<SyncStatus>({ state: 'none', waiting: 0, refused: 0 });
let started = false;

/** Start watching (once per page) and hold the live port: the background long-polls while it is open. */
export function watchSyncStatus(): void {
  if (started) return;
  started = true;
  void syncStatusItem.getValue().then((s) => { if (s) syncStatus.value = s; });
  syncStatusItem.watch((s) => { if (s) syncStatus.value = s; });
  try {
    const port = browser.runtime.connect({ name: LIVE_PORT });
    // A message now and then keeps the background's service worker awake while this page is open.
    const ping = setInterval(() => { try { port.postMessage('ping'); } catch { clearInterval(ping); } }, 20_000);
    port.onDisconnect.addListener(() => clearInterval(ping));
  } catch {
    // not in an extension page (tests)
  }
}

/** A viewer reads only: write actions are hidden (the server refuses them anyway). */
export const isViewer = () => syncStatus.value.state !== 'none' && syncStatus.value.role === 'viewer';
