// Every key Cardfile keeps in browser.storage, in one typed module (WXT storage items). Kept free of
// zod and Dexie so the popup can import it within its size budget (SPEC §9): values that need
// validating are typed `unknown` here and parsed by their owner (lib/settings, lib/security/vault,
// lib/ui/panel-request, components/workspace/state).
//
// Each item has a `version`. Changing a stored shape means: bump the version, add the function to
// its `migrations` map below (WXT runs them in order on first read), and add a test for that
// version in tests/storage/migrations.test.ts (the test fails when a version has no migration).
import { storage } from 'wxt/utils/storage';
import type { DueSnapshot } from '../db/due-groups';
import type { CaptureDraft } from '../domain/contact-draft';

/** Migration functions by target version, per item (version n's function turns v(n-1) into vn). */
export type Migrations = Record<number, (old: unknown) => unknown>;

/** What the side panel should show next; written by the popup, background or workspace. */
export interface PanelRequest {
  view: 'search' | 'card' | 'review';
  customerId?: string;
  query?: string;
  /** So the panel can tell a new request from one it already handled. */
  at: number;
}

/** A clip waiting for review in the side panel (validated again when read). */
export interface PendingCapture {
  draft: CaptureDraft;
  tabUrl: string;
  at: number;
  /** The page's title, for notes and the empty form. */
  tabTitle?: string;
  /** Set when the page could not be read: the form opens empty with the URL filled. */
  readError?: string;
  /** "Add selection as note to …": the text to append to a customer's timeline. */
  note?: string;
  /** For a note: addresses and profile links the page shows, to suggest the customer it concerns. */
  pageFacts?: { emails: string[]; links: string[] };
}

/** A stored settings value that could not be used as it was, kept when a save replaced it (nothing lost). */
export interface RejectedSettings {
  at: number;
  value: unknown;
  problem: string;
}

export const STORAGE_VERSIONS = {
  settings: { version: 1, migrations: {} as Migrations },
  settingsRejected: { version: 1, migrations: {} as Migrations },
  dueSnapshot: { version: 1, migrations: {} as Migrations },
  panelRequest: { version: 1, migrations: {} as Migrations },
  pendingCapture: { version: 1, migrations: {} as Migrations },
  waitingCapture: { version: 1, migrations: {} as Migrations },
  followUpsDailyAt: { version: 1, migrations: {} as Migrations },
  followUpsNotifiedDay: { version: 1, migrations: {} as Migrations },
  vault: { version: 1, migrations: {} as Migrations },
  vaultKey: { version: 1, migrations: {} as Migrations },
  vaultActivity: { version: 1, migrations: {} as Migrations },
  backupInfo: { version: 1, migrations: {} as Migrations },
  savedViews: { version: 1, migrations: {} as Migrations },
  syncStatus: { version: 1, migrations: {} as Migrations },
  teamKey: { version: 1, migrations: {} as Migrations },
  demoIds: { version: 1, migrations: {} as Migrations },
  vaultAttempts: { version: 1, migrations: {} as Migrations },
  dataEpoch: { version: 1, migrations: {} as Migrations },
} as const;

// Only items that have migrations get them: WXT reads an item with migrations at definition time,
// and the popup should not pay a storage read per key before its first paint.
const versioned = <K extends keyof typeof STORAGE_VERSIONS>(k: K) => {
  const { version, migrations } = STORAGE_VERSIONS[k];
  return Object.keys(migrations).length > 0 ? { version, migrations } : { version };
};

// local: survives restarts, this profile only. session: memory only, gone when the browser closes,
// reachable only by extension pages (never content scripts).

/** The user's settings (validated by lib/settings: a broken field falls back alone). */
export const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: null, ...versioned('settings') });
/** The last stored settings value a save had to replace because part of it was invalid. */
export const settingsRejectedItem = storage.defineItem<RejectedSettings | null>('local:settingsRejected', { fallback: null, ...versioned('settingsRejected') });
/** The due list the background keeps current; the popup paints from it without the database. */
export const dueSnapshotItem = storage.defineItem<DueSnapshot | null>('local:dueSnapshot', { fallback: null, ...versioned('dueSnapshot') });
/** The side panel's next view (validated by lib/ui/panel-request when read). */
export const panelRequestItem = storage.defineItem<PanelRequest | null>('session:panelRequest', { fallback: null, ...versioned('panelRequest') });
/** The clip waiting for review. */
export const pendingCaptureItem = storage.defineItem<PendingCapture | null>('session:pendingCapture', { fallback: null, ...versioned('pendingCapture') });
/** A clip that arrived while another was being reviewed: the review form asks before showing it. */
export const waitingCaptureItem = storage.defineItem<PendingCapture | null>('session:waitingCapture', { fallback: null, ...versioned('waitingCapture') });
/** When the background last ran the daily follow-up pass. */
export const followUpsDailyAtItem = storage.defineItem<number>('local:followUpsDailyAt', { fallback: 0, ...versioned('followUpsDailyAt') });
/** The day (yyyy-mm-dd) the due notification was last shown. */
export const followUpsNotifiedDayItem = storage.defineItem<string>('local:followUpsNotifiedDay', { fallback: '', ...versioned('followUpsNotifiedDay') });
/** The passphrase lock's settings and re-encryption marker (validated by lib/security/vault). */
export const vaultMetaItem = storage.defineItem<unknown>('local:vault', { fallback: null, ...versioned('vault') });
/** The derived key bits while unlocked. */
export const vaultKeyItem = storage.defineItem<string | null>('session:vaultKey', { fallback: null, ...versioned('vaultKey') });
/** The last user activity, for the idle lock. */
export const vaultActivityItem = storage.defineItem<number>('session:vaultActivity', { fallback: 0, ...versioned('vaultActivity') });
/** When the last backup was made. */
export const backupInfoItem = storage.defineItem<{ lastBackupAt: number } | null>('local:backupInfo', { fallback: null, ...versioned('backupInfo') });
/** The workspace's named filters (validated by components/workspace/state). */
export const savedViewsItem = storage.defineItem<unknown[]>('local:savedViews', { fallback: [], ...versioned('savedViews') });

/** The demo cards loaded into this workspace ("remove the demo data" deletes exactly these). */
export const demoIdsItem = storage.defineItem<string[]>('local:demoIds', { fallback: [], ...versioned('demoIds') });
/** Wrong passphrases in a row and when the last was (the unlock back-off, lib/security/vault). */
export const vaultAttemptsItem = storage.defineItem<{ failures: number; lastAt: number } | null>('local:vaultAttempts', { fallback: null, ...versioned('vaultAttempts') });
/** Changes whenever a restore or import rewrote cards (lib/db/data-epoch): every search index rebuilds. */
export const dataEpochItem = storage.defineItem<number>('local:dataEpoch', { fallback: 0, ...versioned('dataEpoch') });

/** Every item, by name (for the migration and key tests). */
/** Team sync's status line (lib/background/sync writes it when it changes; typed by lib/messaging's SyncStatus). */
export const syncStatusItem = storage.defineItem<unknown>('local:syncStatus', { fallback: null, ...versioned('syncStatus') });
/** The team workspace key bits while this browser session lasts (memory only). */
export const teamKeyItem = storage.defineItem<string | null>('session:teamKey', { fallback: null, ...versioned('teamKey') });

export const storageItems = {
  settings: settingsItem, settingsRejected: settingsRejectedItem, dueSnapshot: dueSnapshotItem, panelRequest: panelRequestItem,
  pendingCapture: pendingCaptureItem, waitingCapture: waitingCaptureItem, followUpsDailyAt: followUpsDailyAtItem, followUpsNotifiedDay: followUpsNotifiedDayItem,
  vault: vaultMetaItem, vaultKey: vaultKeyItem, vaultActivity: vaultActivityItem, backupInfo: backupInfoItem, savedViews: savedViewsItem,
  syncStatus: syncStatusItem, teamKey: teamKeyItem,
  demoIds: demoIdsItem,
  vaultAttempts: vaultAttemptsItem, dataEpoch: dataEpochItem,
} as const;
