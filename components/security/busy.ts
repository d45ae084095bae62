import { signal } from '@preact/signals';

/** A backup or restore is running on this page: "Lock now" waits for it (lib/security/vault withKeyHeld). */
export const backupBusy = signal(false);
