import { openSidePanel } from '../browser/browser-api';
import type { Handlers } from '../messaging/router';
import { clipTab, receiveDraft } from '../capture/background';
import { chipTexts, knownSenders, logEmail } from '../capture/known';
import { snippetOf } from '../capture/dom';
import { replyText } from '../capture/signature/quotes';
import { getRepo } from '../db';
import { browserLang } from '../i18n';
import { loadSettings } from '../settings';
import { followUpActions } from './followups';
import { syncActions } from './sync';
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
  async 'capture/known'({ emails }) {
    const settings = await loadSettings();
    const lang = settings.locale === 'auto' ? browserLang() : settings.locale;
    // A locked vault cannot look addresses up: no chip, nothing shown.
    const senders = await knownSenders(getRepo(), emails, lang).catch(() => []);
    return { senders, texts: chipTexts(lang), autoLog: settings.autoLogKnown };
  },
  async 'capture/log'({ draft, auto, body }) {
    try {
      // The snippet becomes the sender's own words, as for a reviewed clip.
      const own = body ? snippetOf(replyText(body)) : '';
      if (own && draft.interaction) draft.interaction.snippet = own;
      return await logEmail(getRepo(), draft, { auto });
    } catch {
      return { outcome: 'unreadable' as const };
    }
  },
  async 'capture/show-card'({ customerId }, sender) {
    const windowId = sender.tab?.windowId;
    const opening = windowId !== undefined ? openSidePanel(windowId) : undefined;
    await panelRequestItem.setValue({ view: 'card', customerId, at: Date.now() });
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
  'sync/status': () => syncActions.status(),
  'sync/poke': () => syncActions.poke(),
  'sync/now': () => syncActions.now(),
  'sync/create': (p) => syncActions.create(p),
  'sync/join': (p) => syncActions.join(p),
  'sync/signin': (p) => syncActions.signin(p),
  'sync/unlock': (p) => syncActions.unlock(p),
  'sync/leave': () => syncActions.leave(),
  'sync/discard-refused': () => syncActions.discardRefused(),
  'sync/members': (p) => syncActions.members(p),
};
