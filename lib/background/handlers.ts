import { openSidePanel } from '../browser/browser-api';
import type { Handlers } from '../messaging/router';
import { clipTab, receiveDraft } from '../capture/background';
import { followUpActions } from './followups';
import { panelRequestItem } from '../storage/items';

/** The background's side of the protocol. Payloads arrive validated, senders checked (lib/messaging/router). */
export const handlers: Handlers = {
  async 'capture/draft'({ draft, body, readError }, sender) {
    const windowId = sender.tab?.windowId;
    // The click on the clip control is a user gesture that Chrome carries into this handler: open first.
    const opening = windowId !== undefined ? openSidePanel(windowId) : undefined;
    await receiveDraft(draft, sender.tab?.url ?? '', body, readError, (sender.tab as { title?: string } | undefined)?.title);
    await opening;
    return { ok: true };
  },
  async 'capture/page'({ tabId }) {
    const contacts = await clipTab(tabId);
    return { ok: true, contacts };
  },
  async 'sidepanel/show'(payload) {
    await panelRequestItem.setValue({ ...payload, at: Date.now() });
    return { ok: true };
  },
  'followups/refresh': (p) => followUpActions.refresh(p),
  'followups/done': (p) => followUpActions.done(p),
  'followups/snooze': (p) => followUpActions.snooze(p),
  'followups/dismiss': (p) => followUpActions.dismiss(p),
};
