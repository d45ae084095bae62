// The popup's link to the rest of the extension, kept free of zod and Dexie so the popup's
// JavaScript stays small (SPEC §9: ≤ 60 KB gzip) and its first paint fast.
import { browser } from 'wxt/browser';
import { settingsItem } from '../../lib/storage/items';
import type { Lang } from '../../lib/i18n';
import type { MessageType, Payload } from '../../lib/messaging/protocol';
import { applyLocaleSetting } from '../../lib/i18n';

/**
 * Send a message to the background. The background validates every payload (lib/messaging/router);
 * the popup does not load the schemas to check the reply, it only needs to know it did not fail.
 */
export async function sendLite<T extends MessageType>(type: T, payload: Payload<T>): Promise<void> {
  const reply: unknown = await browser.runtime.sendMessage({ type, payload });
  if (reply && typeof reply === 'object' && 'error' in reply) throw new Error(String((reply as { error: unknown }).error));
}

/** Apply the saved interface language and follow changes, reading only `locale` from the settings item. */
export async function startLocale(): Promise<void> {
  const pick = (v: unknown) => {
    const locale = (v as { locale?: unknown } | null)?.locale;
    applyLocaleSetting(locale === 'zh-CN' || locale === 'en' ? (locale as Lang) : 'auto');
  };
  settingsItem.watch(pick);
  pick(await settingsItem.getValue());
}

/** Open the side panel on a card or a search (the one opener, lib/ui/open-panel; no zod). */
export { openSidePanel as openPanel } from '../../lib/ui/open-panel';
