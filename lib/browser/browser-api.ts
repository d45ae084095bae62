import { browser, type Browser } from 'wxt/browser';

// The browser's quirks in one place (as Bitwarden's browser-api.ts): Chrome's sidePanel and
// Firefox's sidebarAction are missing from the shared typings, context menus and tabs differ in
// small ways. Free of zod and Dexie: the popup imports it.

interface PanelApis {
  sidePanel?: { open(o: { windowId: number }): Promise<void>; setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}
const panelApis = () => browser as unknown as PanelApis;

/**
 * Open the side panel (Chrome) or sidebar (Firefox). Call it first thing in a user gesture, before
 * any await: browsers refuse otherwise. Without `windowId` the current window is asked for (Chrome
 * still honours the gesture after that one call). Never throws: a refused open leaves the request.
 */
export function openSidePanel(windowId?: number): Promise<void> {
  const { sidePanel, sidebarAction } = panelApis();
  if (sidebarAction) return sidebarAction.open().catch(() => undefined);
  if (!sidePanel) return Promise.resolve();
  if (windowId !== undefined) return sidePanel.open({ windowId }).catch(() => undefined);
  return browser.windows
    .getCurrent()
    .then((w) => (w.id === undefined ? undefined : sidePanel.open({ windowId: w.id })))
    .catch(() => undefined);
}

/** The toolbar button opens the popup, not the panel (Chrome only; Firefox has no such switch). */
export function keepActionOpeningPopup(): void {
  panelApis().sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
}

export interface MenuItem {
  id: string;
  title: { en: string; zh: string };
  contexts: ['page' | 'selection', ...Array<'page' | 'selection'>];
}

/** Replace Cardfile's context-menu items (titles in the browser's language). */
export async function resetContextMenus(items: readonly MenuItem[]): Promise<void> {
  if (!browser.contextMenus) return;
  const zh = uiLanguageIsChinese();
  await browser.contextMenus.removeAll();
  for (const { id, title, contexts } of items) browser.contextMenus.create({ id, title: zh ? title.zh : title.en, contexts });
}

/** The browser's own interface language is Chinese (for texts shown outside our pages). */
export const uiLanguageIsChinese = () => (browser.i18n?.getUILanguage?.() ?? 'en').toLowerCase().startsWith('zh');

const ownOrigin = () => browser.runtime.getURL('/');
const lastAccessed = (t: Browser.tabs.Tab) => (t as { lastAccessed?: number }).lastAccessed ?? 0;

/**
 * The tab the user is on: the active tab of the current (or last focused) window; when that is one
 * of our own pages (popup.html opened as a tab, a tab-opened panel, tests) or, with `httpOnly`, not
 * a web page, the most recently used tab of that window that is.
 */
export async function activeWebTab(window: 'current' | 'lastFocused' = 'current', httpOnly = false): Promise<Browser.tabs.Tab | undefined> {
  const scope = window === 'current' ? { currentWindow: true } : { lastFocusedWindow: true };
  const fits = (t: Browser.tabs.Tab) => (httpOnly ? !!t.url?.startsWith('http') : !t.url?.startsWith(ownOrigin()));
  const [active] = await browser.tabs.query({ active: true, ...scope });
  if (active && fits(active)) return active;
  const others = (await browser.tabs.query(scope)).filter(fits);
  return others.sort((a, b) => lastAccessed(b) - lastAccessed(a))[0];
}

/** Call `onChange` when the user switches tabs or windows, or the tab navigates. Returns the unwatch function. */
export function watchTabs(onChange: () => void): () => void {
  const onUpdated = (_id: number, info: { status?: string; url?: string }) => {
    if (info.status === 'complete' || info.url) onChange();
  };
  browser.tabs.onActivated.addListener(onChange);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.windows?.onFocusChanged.addListener(onChange);
  return () => {
    browser.tabs.onActivated.removeListener(onChange);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.windows?.onFocusChanged.removeListener(onChange);
  };
}

/** Firefox: the sidebar opens without a window id. */
export const isFirefoxSidebar = () => panelApis().sidebarAction !== undefined;
