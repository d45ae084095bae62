import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging/router';
import { panelRequestItem, pendingCaptureItem } from '../ui/panel-request';

/** The background's side of the protocol. Payloads arrive validated, senders checked (lib/messaging/router). */
export const handlers: Handlers = {
  async 'capture/draft'({ draft }, sender) {
    await pendingCaptureItem.setValue({ draft, tabUrl: sender.tab?.url ?? '', at: Date.now() });
    await panelRequestItem.setValue({ view: 'review', at: Date.now() });
    const windowId = sender.tab?.windowId;
    const sidePanel = (browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } }).sidePanel;
    // The click on the clip control is a user gesture that Chrome carries into this handler.
    if (sidePanel && windowId !== undefined) await sidePanel.open({ windowId }).catch(() => undefined);
    return { ok: true };
  },
  async 'sidepanel/show'(payload) {
    await panelRequestItem.setValue({ ...payload, at: Date.now() });
    return { ok: true };
  },
  async 'followups/refresh'() {
    return { ok: true };
  },
};
