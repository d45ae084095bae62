import { signal } from '@preact/signals';
import { storage } from 'wxt/utils/storage';

/**
 * Is Cardfile locked right now? A light read of the lock's two storage items, without zod or the
 * database, for the popup (SPEC §9 budget). The full state lives in lib/security/vault.ts.
 */
export const lockedFlag = signal(false);

const metaItem = storage.defineItem<{ enabled?: unknown } | null>('local:vault', { fallback: null });
const keyItem = storage.defineItem<string | null>('session:vaultKey', { fallback: null });

async function refresh(): Promise<void> {
  const [meta, key] = await Promise.all([metaItem.getValue(), keyItem.getValue()]);
  lockedFlag.value = meta?.enabled === true && !key;
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
