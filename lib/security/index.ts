/**
 * Cardfile's passphrase lock and data-safety helpers (SPEC §8, issue 8).
 *
 * Design
 * - Key: PBKDF2-SHA-256, 600,000 iterations (the OWASP 2023 floor), over the passphrase with a
 *   random 16-byte salt per vault → 512 bits: an AES-GCM-256 key and an HMAC-SHA-256 key
 *   (crypto.ts). The vault's settings (salt, iterations, a sealed check value, idle minutes, the
 *   re-encryption marker) live in browser.storage.local ('local:vault'); the derived bits, while
 *   unlocked, live in browser.storage.session ('session:vaultKey'): memory-only, closed to content
 *   scripts, shared by every extension page and the background, so one unlock opens all of them
 *   and one lock (or the idle timer) closes all of them.
 * - At rest: the Dexie middleware lib/db/crypto-middleware.ts seals, per record, the sensitive
 *   fields (customers: emails, phones, addresses, social, notes; interactions: subject, content,
 *   result, place, next-step text) into `__enc` = AES-GCM with a fresh 12-byte IV and the
 *   record's table/id as additional data (a ciphertext moved to another record fails). Names,
 *   companies, titles, tags, tiers and dates stay clear: lists, indexes and the locked popup need
 *   them. emailKeys/phoneKeys become "h:" + HMAC(normalised value), and equality queries on those
 *   indexes are hashed the same way, so findByEmail/findByPhone keep working. Repositories are
 *   unchanged: they see plain records. With the lock off the middleware passes every call
 *   straight down (no crypto, no copies).
 * - WebCrypto is async and IndexedDB commits idle transactions, so crypto inside a transaction
 *   runs under keepAlive() (a pending read until the crypto settles); the middleware sits at the
 *   bottom of Dexie's stack so nothing below it needs Dexie's zone.
 * - Locked: reads return the stored record (names readable, sealed fields empty). A write that
 *   would need the key (new or changed sensitive values, a new record) throws LockedError before
 *   anything is written; a record carried back with its stored ciphertext and no sensitive value
 *   (the daily pass recomputing tiers, a title edit) is written with its stored lookup HMACs kept.
 *   A wrong passphrase fails on the check value (WrongPassphraseError) before any record is read.
 * - Turning the lock on or off rewrites every record in batches (read → opened, write → sealed or
 *   plain); the marker is saved after each batch and redoing a record is harmless, so an
 *   interrupted pass resumes (on the next unlock, or runPass) without loss. Records are
 *   self-describing (`__enc` or not), so reads work in the mixed state meanwhile.
 * - The search index (lib/search-index/store.ts) is not persisted while the lock is on.
 * - Auto-lock: pages note activity in session storage and check every second; the background
 *   checks by alarm each minute when no page is open.
 */
export { DecryptError, MIN_ITERATIONS } from './crypto';
export { LockedError, cryptoState } from './state';
export { WrongPassphraseError, disableLock, enableLock, lock, lockIfIdle, readMeta, runPass, setAutoLockMinutes, startVault, unlock } from './vault';
export { BackupError, exportBackupText, isEncryptedBackup, needsBackupReminder, readBackupText } from './backup';
