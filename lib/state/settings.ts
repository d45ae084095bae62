import { signal } from '@preact/signals';
import { defaultSettings, type Settings } from '../domain/settings';
import { applyLocaleSetting } from '../i18n';
import { loadSettingsRead, watchSettingsRead, type SettingsRead } from '../settings';

/** The settings as a signal, kept current from any context, and driving the interface language. */
export const settings = signal<Settings>(defaultSettings);
/** The dotted paths of stored settings that could not be read (they show their defaults); empty when all is well. */
export const settingsProblemPaths = signal<string[]>([]);

let started = false;
/** Load the settings once per page and follow changes. Resolves when the first read is done. */
export async function startSettings(): Promise<void> {
  if (started) return;
  started = true;
  const apply = (r: SettingsRead) => {
    settings.value = r.settings;
    settingsProblemPaths.value = r.problemPaths ?? [];
    applyLocaleSetting(r.settings.locale);
  };
  watchSettingsRead(apply);
  apply(await loadSettingsRead());
}
