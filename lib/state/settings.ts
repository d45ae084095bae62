import { signal } from '@preact/signals';
import { defaultSettings, type Settings } from '../domain/settings';
import { applyLocaleSetting } from '../i18n';
import { loadSettings, watchSettings } from '../settings';

/** The settings as a signal, kept current from any context, and driving the interface language. */
export const settings = signal<Settings>(defaultSettings);

let started = false;
/** Load the settings once per page and follow changes. Resolves when the first read is done. */
export async function startSettings(): Promise<void> {
  if (started) return;
  started = true;
  const apply = (s: Settings) => {
    settings.value = s;
    applyLocaleSetting(s.locale);
  };
  watchSettings(apply);
  apply(await loadSettings());
}
