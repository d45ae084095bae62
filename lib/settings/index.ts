import { z } from 'zod';
import { defaultSettings, settingsSchema, type Settings } from '../domain/settings';
import { settingsItem, settingsRejectedItem } from '../storage/items';

export { settingsItem };

/**
 * The user's settings: one typed, versioned item in browser.storage.local (lib/storage/items.ts),
 * validated by zod on read. A stored field that fails validation falls back to its default ALONE:
 * every other valid stored value is kept, and the problem is reported (the Settings page shows it).
 */
export interface SettingsRead {
  settings: Settings;
  /** Why part of the stored value could not be used as it is, if so (paths and zod messages). */
  problem?: string;
  /** The dotted paths of the fields that fell back (e.g. `classification.valueHigh`), for the UI. */
  problemPaths?: string[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Issue { path: string; message: string }

/**
 * Repair `stored` against `schema` field by field: objects recurse key by key, arrays keep their
 * valid items, a leaf that fails takes `fallback`. Missing values (older versions) take the default
 * silently; present but invalid ones are reported.
 */
function repair(schema: z.ZodType, stored: unknown, fallback: unknown, path: string[], issues: Issue[]): unknown {
  if (stored === undefined) return fallback;
  if (schema instanceof z.ZodObject && isPlainObject(fallback)) {
    if (!isPlainObject(stored)) {
      issues.push({ path: path.join('.'), message: 'expected an object' });
      return fallback;
    }
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.fromEntries(Object.keys(shape).map((k) => [k, repair(shape[k]!, stored[k], fallback[k], [...path, k], issues)]));
  }
  if (schema instanceof z.ZodArray && Array.isArray(stored)) {
    const element = schema.element as z.ZodType;
    const kept = stored.filter((item, i) => {
      const r = element.safeParse(item);
      if (!r.success) issues.push({ path: [...path, String(i)].join('.'), message: r.error.issues[0]?.message ?? 'invalid' });
      return r.success;
    });
    return kept;
  }
  const r = schema.safeParse(stored);
  if (r.success) return r.data;
  issues.push({ path: path.join('.'), message: r.error.issues[0]?.message ?? 'invalid' });
  return fallback;
}

/** Validate a stored settings value, keeping every valid field; pure, so it is testable without a browser. */
export function readSettings(stored: unknown): SettingsRead {
  if (stored === null || stored === undefined) return { settings: defaultSettings };
  const issues: Issue[] = [];
  const repaired = repair(settingsSchema, stored, defaultSettings, [], issues);
  const whole = settingsSchema.safeParse(repaired);
  // Cannot happen while every rule of the schema is per field; should a cross-field rule be added, the defaults are safe.
  const settings = whole.success ? whole.data : defaultSettings;
  if (!whole.success) issues.push(...whole.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  if (issues.length === 0) return { settings };
  return {
    settings,
    problem: issues.map((i) => `${i.path || '(settings)'}: ${i.message}`).join('; '),
    problemPaths: issues.map((i) => i.path),
  };
}

/** The current settings (each unusable stored field at its default). */
export async function loadSettings(): Promise<Settings> {
  return readSettings(await settingsItem.getValue()).settings;
}

/** The current settings and what was wrong with the stored value, if anything. */
export async function loadSettingsRead(): Promise<SettingsRead> {
  return readSettings(await settingsItem.getValue());
}

/** `patch` deep-merged over `base`: objects key by key, arrays and leaves replaced. */
function mergeOnto(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = mergeOnto(base[k], v);
  return out;
}

/** A change to some settings: any subset, nested objects partial too. */
export type SettingsPatch = { [K in keyof Settings]?: Settings[K] extends unknown[] ? Settings[K] : Settings[K] extends object ? Partial<Settings[K]> | Settings[K] : Settings[K] };

/**
 * Validate and save a change, merged onto what is stored now (never onto defaults that replaced a
 * broken read). Throws a zod error and saves nothing when the result is invalid. When part of the
 * stored value was unusable, that value is kept aside in `local:settingsRejected` first.
 */
export async function saveSettings(patch: SettingsPatch): Promise<Settings> {
  const stored = await settingsItem.getValue();
  const read = readSettings(stored);
  const next = settingsSchema.parse(mergeOnto(read.settings, patch));
  if (read.problem) await settingsRejectedItem.setValue({ at: Date.now(), value: stored, problem: read.problem });
  await settingsItem.setValue(next);
  return next;
}

/** Call `cb` whenever the settings change, from any extension context. Returns the unwatch function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((v) => cb(readSettings(v).settings));
}

/** Like watchSettings, with the problem of the stored value. */
export function watchSettingsRead(cb: (r: SettingsRead) => void): () => void {
  return settingsItem.watch((v) => cb(readSettings(v)));
}
