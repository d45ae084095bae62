import { openSidePanel as openPanelNow } from '../browser/browser-api';
import { panelRequestItem, type PanelRequest } from '../storage/items';

/**
 * Open the side panel (Chrome) or sidebar (Firefox) and tell it what to show. Must be called
 * from a user gesture (a click handler): browsers refuse to open panels otherwise. Free of zod:
 * the popup uses it too (the panel validates the request when it reads it).
 */
export async function openSidePanel(request: Omit<PanelRequest, 'at'>): Promise<void> {
  const opening = openPanelNow();
  await panelRequestItem.setValue({ ...request, at: Date.now() });
  await opening;
}
