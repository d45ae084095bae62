import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { startVaultStatus, vaultStatus } from '../../lib/security/status';
import { UnlockForm } from './UnlockForm';

/** Shows its children when the lock is off or open; the passphrase prompt while locked. */
export function LockGate({ children }: { children: ComponentChildren }) {
  useEffect(() => { void startVaultStatus(); }, []);
  return vaultStatus.value.locked ? <UnlockForm /> : <>{children}</>;
}
