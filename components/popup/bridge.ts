// The popup's link to the rest of the extension, kept free of zod and Dexie so the popup's
// JavaScript stays small (SPEC §9: ≤ 60 KB gzip) and its first paint fast.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
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
  storage.watch('local:settings', pick);
  pick(await storage.getItem('local:settings'));
}

/**
 * Open the side panel on a card or a search. Same request item as lib/ui/open-panel (which
 * loads zod): the panel validates it when it reads it. open() is called first, inside the click.
 */
export async function openPanel(request: { view: 'search' | 'card' | 'review'; customerId?: string; query?: string }): Promise<void> {
  const b = browser as unknown as {
    sidePanel?: { open(o: { windowId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  const opening = b.sidebarAction
    ? b.sidebarAction.open()
    : b.sidePanel
      ? browser.windows.getCurrent().then((w) => (w.id === undefined ? undefined : b.sidePanel!.open({ windowId: w.id })))
      : Promise.resolve();
  await storage.setItem('session:panelRequest', { ...request, at: Date.now() });
  await opening.catch(() => undefined);
}
