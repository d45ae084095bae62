import { browser } from 'wxt/browser';
import { panelRequestItem, type PanelRequest } from './panel-request';

/**
 * Open the side panel (Chrome) or sidebar (Firefox) and tell it what to show. Must be called
 * from a user gesture (a click handler): browsers refuse to open panels otherwise.
 */
export async function openSidePanel(request: Omit<PanelRequest, 'at'>): Promise<void> {
  const opening = openPanelNow();
  await panelRequestItem.setValue({ ...request, at: Date.now() });
  await opening;
}

async function openPanelNow(): Promise<void> {
  // Call open() before any await so the user gesture still counts.
  const b = browser as unknown as {
    sidePanel?: { open(o: { windowId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
    windows: typeof browser.windows;
  };
  if (b.sidebarAction) return b.sidebarAction.open();
  if (!b.sidePanel) return;
  const win = await b.windows.getCurrent();
  if (win.id !== undefined) await b.sidePanel.open({ windowId: win.id }).catch(() => undefined);
}
