import type { VaultKeys } from './crypto';

/**
 * What the database layer needs to know synchronously in this context: is the lock on, and are
 * the keys here (unlocked)? `ready` is pending while the vault settings are still being read;
 * writes wait for it so nothing is stored in clear by a page that has not yet learnt the lock is on.
 */
export interface CryptoState {
  enabled: boolean;
  keys?: VaultKeys;
  ready?: Promise<void>;
}

export const cryptoState: CryptoState = { enabled: false };

/** Thrown by a write that would need the key while Cardfile is locked. Nothing is written. */
export class LockedError extends Error {
  override name = 'LockedError';
  constructor() {
    super('Cardfile is locked: unlock it to make changes');
  }
}
