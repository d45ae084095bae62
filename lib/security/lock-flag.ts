import { signal } from '@preact/signals';
import { vaultKeyItem as keyItem, vaultMetaItem as metaItem } from '../storage/items';

/**
 * Is Cardfile locked right now? A light read of the lock's two storage items, without zod or the
 * database, for the popup (SPEC §9 budget). The full state lives in lib/security/vault.ts.
 */
export const lockedFlag = signal(false);


async function refresh(): Promise<void> {
  const [meta, key] = await Promise.all([metaItem.getValue(), keyItem.getValue()]);
  lockedFlag.value = (meta as { enabled?: unknown } | null)?.enabled === true && !key;
}

let started = false;
/** Follow the lock from this page. */
export function startLockFlag(): Promise<void> {
  if (started) return refresh();
  started = true;
  metaItem.watch(() => void refresh());
  keyItem.watch(() => void refresh());
  return refresh();
}
