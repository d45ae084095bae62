import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { keepActionOpeningPopup, openSidePanel } from '../../lib/browser/browser-api';
import { startFollowUps } from '../../lib/background/followups';
import { startSync } from '../../lib/background/sync';
import { handlers } from '../../lib/background/handlers';
import { createCaptureMenus, onCaptureMenu } from '../../lib/capture/background';
import { webmailProviderOf } from '../../lib/capture/hosts';
import { RefusedMessage, route } from '../../lib/messaging/router';
import { lockIfIdle, startVault } from '../../lib/security/vault';

export default defineBackground(() => {
  // Listeners are registered synchronously at start-up, as MV3 service workers require.
  const routerOptions = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    isContentHost: (url: string) => webmailProviderOf(url) !== undefined,
  };
  browser.runtime.onMessage.addListener((message, sender) =>
    route(message, sender, handlers, routerOptions).catch((e: unknown) => {
      if (!(e instanceof RefusedMessage)) console.error(e);
      return { error: e instanceof Error ? e.message : String(e) };
    }),
  );
  browser.contextMenus?.onClicked.addListener((info, tab) => void onCaptureMenu(info, tab).catch((e: unknown) => console.error(e)));
  browser.runtime.onInstalled.addListener(() => {
    createCaptureMenus();
    // The toolbar button opens the popup; the side panel opens from there or by shortcut.
    keepActionOpeningPopup();
  });
  // Only in the e2e build (tree-shaken away otherwise): lets a test fire a context-menu click.
  if (__CARDFILE_E2E__) Object.assign(globalThis, { cardfileTest: { onCaptureMenu } });
  startFollowUps();
  // Team sync (lib/sync): alarm, push after a write, long-poll while a page is open. Idle without a team.
  startSync();
  // The passphrase lock: learn its state, and lock after the idle time even when no page is open.
  void startVault();
  browser.alarms?.create('cardfile-autolock', { periodInMinutes: 1 });
  browser.alarms?.onAlarm.addListener((alarm) => { if (alarm.name === 'cardfile-autolock') void lockIfIdle(); });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel' && tab?.windowId !== undefined) void openSidePanel(tab.windowId);
  });
});
