import { signal } from '@preact/signals';
import type { MessageKey } from '../../lib/i18n';

/** The Settings page's sections, each with its one Save (saving one never stores another's edits). */
export type SettingsSection = 'general' | 'rules';
export const SECTION_TITLE: Record<SettingsSection, MessageKey> = { general: 'settings.general', rules: 'rules.title' };

/** Sections with edits not yet saved, so a Save can say that another section still waits. */
export const unsavedSections = signal<ReadonlySet<SettingsSection>>(new Set());

export function markUnsaved(section: SettingsSection, unsaved: boolean): void {
  const now = unsavedSections.value;
  if (now.has(section) === unsaved) return;
  const next = new Set(now);
  if (unsaved) next.add(section);
  else next.delete(section);
  unsavedSections.value = next;
}
