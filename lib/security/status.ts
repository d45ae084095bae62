import { signal } from '@preact/signals';
import { lockIfIdle, readMeta, startVault, touchActivity, vaultKeyItem, vaultMetaItem } from './vault';

export interface VaultStatus {
  /** The lock is on (or a pass is still sealing/opening records). */
  enabled: boolean;
  /** On, and the key is not here: details are hidden and writes refused. */
  locked: boolean;
  autoLockMinutes: number;
  passPending: boolean;
}

/** The lock's state for the interface, kept current from every context. */
export const vaultStatus = signal<VaultStatus>({ enabled: false, locked: false, autoLockMinutes: 15, passPending: false });

async function refresh(): Promise<void> {
  const meta = await readMeta();
  const key = await vaultKeyItem.getValue();
  vaultStatus.value = { enabled: !!meta?.enabled, locked: !!meta?.enabled && !key, autoLockMinutes: meta?.autoLockMinutes ?? 15, passPending: !!meta?.pass };
}

let started = false;
/**
 * For an extension page: follow the lock's state, count the user's activity, and lock when idle
 * (checked every second here; the background checks by alarm when no page is open).
 */
export async function startVaultStatus(win: Window = window): Promise<void> {
  if (started) return;
  started = true;
  await startVault();
  vaultMetaItem.watch(() => void refresh());
  vaultKeyItem.watch(() => void refresh());
  await refresh();
  const active = () => { if (!vaultStatus.value.locked) void touchActivity(); };
  for (const ev of ['pointerdown', 'keydown', 'wheel', 'pointermove'] as const) win.addEventListener(ev, active, { passive: true });
  win.setInterval(() => { if (vaultStatus.value.enabled && !vaultStatus.value.locked) void lockIfIdle(); }, 1_000);
}
