import { storage } from 'wxt/utils/storage';
import { defaultSettings, settingsSchema, type Settings } from '../domain/settings';

/**
 * The user's settings: one typed, versioned item in browser.storage.local, validated by zod on
 * read. A stored value that fails validation is NOT overwritten (the user's settings are never
 * silently reset): reads fall back to the defaults for the broken parts and report the problem.
 */
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: defaultSettings,
  version: 1,
});

export interface SettingsRead {
  settings: Settings;
  /** Why the stored value could not be used as it is, if it could not. */
  problem?: string;
}

/** Deep-merge stored values over the defaults, so settings saved by an older version gain new keys. */
function overDefaults(stored: unknown, defaults: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored ?? defaults;
  if (typeof defaults !== 'object' || defaults === null || Array.isArray(defaults)) return stored;
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [k, v] of Object.entries(stored)) out[k] = overDefaults(v, (defaults as Record<string, unknown>)[k]);
  return out;
}

/** Validate a stored settings value; pure, so it is testable without a browser. */
export function readSettings(stored: unknown): SettingsRead {
  const r = settingsSchema.safeParse(overDefaults(stored, defaultSettings));
  if (r.success) return { settings: r.data };
  const problem = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return { settings: defaultSettings, problem };
}

/** The current settings (defaults where the stored value is unusable). */
export async function loadSettings(): Promise<Settings> {
  return readSettings(await settingsItem.getValue()).settings;
}

/** Validate and save a change; throws a zod error (and saves nothing) when the result is invalid. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

/** Call `cb` whenever the settings change, from any extension context. Returns the unwatch function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((v) => cb(readSettings(v).settings));
}
