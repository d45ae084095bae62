// The passphrase lock's user actions, over this page's database (lib/security/vault does the work).
import type { RepoContext } from '../db/context';
import { disableLock, enableLock, unlock } from '../security/vault';

type Opts<F extends (...a: never[]) => unknown> = Parameters<F>[2];

/** Unlock with the passphrase (WrongPassphraseError when it is not the one). */
export function unlockCardfile(ctx: RepoContext, passphrase: string): Promise<void> {
  return unlock(ctx.db, passphrase);
}

/** Turn the lock on: seals every contact field with a key from the passphrase. */
export function turnLockOn(ctx: RepoContext, passphrase: string, opts?: Opts<typeof enableLock>): Promise<void> {
  return enableLock(ctx.db, passphrase, opts);
}

/** Turn the lock off: opens every sealed field again. */
export function turnLockOff(ctx: RepoContext, passphrase: string, opts?: Opts<typeof disableLock>): Promise<void> {
  return disableLock(ctx.db, passphrase, opts);
}
