import { browser } from 'wxt/browser';
import { isFirefoxSidebar, openSidePanel, resetContextMenus } from '../browser/browser-api';
import { captureDraftSchema, type CaptureDraft } from '../domain/contact-draft';
import { loadSettings } from '../settings';
import { panelRequestItem, pendingCaptureItem, readPendingCapture, sameClip, waitingCaptureItem, type PendingCapture } from '../ui/panel-request';
import { readPageFacts } from '../search/page';
import { setClipOptions } from './clip-options';
import { extractFromSelection } from './selection';
import { enrichDraft } from './webmail/enrich';

/**
 * The background's capture work: store what was read for the review form and show it. A review
 * still open is never replaced: the new clip waits and the form asks (the same clip again changes
 * nothing, so the user's edits stay).
 */
export async function storeCapture(p: Omit<PendingCapture, 'at'>): Promise<void> {
  const current = await readPendingCapture();
  if (!current) await pendingCaptureItem.setValue({ ...p, at: Date.now() });
  else if (!sameClip(current, p)) await waitingCaptureItem.setValue({ ...p, at: Date.now() });
  await panelRequestItem.setValue({ view: 'review', at: Date.now() });
}

/** A content script's draft: enrich contacts[0] from the body's signature, then store it. */
export async function receiveDraft(draft: CaptureDraft, tabUrl: string, body?: string, readError?: string, tabTitle?: string): Promise<void> {
  if (body && !readError) {
    const settings = await loadSettings();
    enrichDraft(draft, body, settings.defaultRegion);
  }
  await storeCapture({ draft, tabUrl, readError, tabTitle });
}

/** Open the side panel synchronously (the user gesture must still be live). */
export function openPanel(windowId: number | undefined): void {
  if (windowId !== undefined || isFirefoxSidebar()) void openSidePanel(windowId);
}

const empty = (provider: string, warning: string): CaptureDraft => ({ provider, contacts: [], warnings: [warning] });

/**
 * "Clip this page": inject the page reader into the tab (activeTab + scripting; only on request)
 * and store its result. The result is re-validated here: the page could have tampered with it.
 */
export async function clipTab(tabId: number): Promise<number> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  const settings = await loadSettings();
  let result: unknown;
  try {
    // A file cannot take arguments: first leave the settings the reader needs, then run it.
    await browser.scripting.executeScript({
      target: { tabId },
      func: setClipOptions,
      args: [{ defaultRegion: settings.defaultRegion, ownEmails: settings.ownEmails }],
    });
    const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['/clip-page.js'] });
    result = first?.result;
  } catch (e) {
    await storeCapture({ draft: empty('page', 'This page cannot be read by extensions.'), tabUrl: url, tabTitle: tab.title, readError: String(e).slice(0, 200) });
    return 0;
  }
  const r = (result ?? {}) as { draft?: unknown; readError?: unknown; title?: unknown };
  const parsed = captureDraftSchema.safeParse(r.draft);
  const title = typeof r.title === 'string' ? r.title.slice(0, 500) : tab.title;
  if (!parsed.success) {
    const reason = typeof r.readError === 'string' ? r.readError.slice(0, 200) : 'unreadable page';
    await storeCapture({ draft: empty('page', reason), tabUrl: url, tabTitle: title, readError: reason });
    return 0;
  }
  await storeCapture({ draft: parsed.data, tabUrl: url, tabTitle: title });
  return parsed.data.contacts.length;
}

export const MENU = { page: 'cardfile-clip-page', selection: 'cardfile-clip-selection', note: 'cardfile-note-selection' } as const;

/** Create the context-menu items (on install; titles in the browser's language). */
export function createCaptureMenus(): void {
  void resetContextMenus([
    { id: MENU.page, title: { en: 'Clip this page', zh: '剪存此页面' }, contexts: ['page'] },
    { id: MENU.selection, title: { en: 'Clip selection as contact', zh: '将所选内容存为联系人' }, contexts: ['selection'] },
    { id: MENU.note, title: { en: 'Add selection as note to …', zh: '将所选内容添加为备注到…' }, contexts: ['selection'] },
  ]);
}

/** The addresses and LinkedIn links a tab shows (the menu click granted activeTab), re-checked: the page could have tampered. */
async function readFacts(tabId: number): Promise<{ emails: string[]; links: string[] } | undefined> {
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, func: readPageFacts });
    const r = (first?.result ?? {}) as { emails?: unknown; links?: unknown };
    const strings = (v: unknown, n: number) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length <= 500).slice(0, n) : []);
    return { emails: strings(r.emails, 200), links: strings(r.links, 100) };
  } catch {
    return undefined; // a page extensions may not read (the store, a PDF viewer): the selection still works
  }
}

/** A context-menu click: open the panel first (gesture), then read what was asked for. */
export async function onCaptureMenu(info: { menuItemId: string | number; selectionText?: string; pageUrl?: string }, tab?: { id?: number; windowId?: number; url?: string; title?: string }): Promise<void> {
  if (!Object.values(MENU).includes(info.menuItemId as never)) return;
  openPanel(tab?.windowId);
  const url = tab?.url ?? info.pageUrl ?? '';
  if (info.menuItemId === MENU.page && tab?.id !== undefined) await clipTab(tab.id);
  else if (info.menuItemId === MENU.selection) {
    const settings = await loadSettings();
    await storeCapture({ draft: extractFromSelection(info.selectionText ?? '', url, { defaultRegion: settings.defaultRegion }), tabUrl: url, tabTitle: tab?.title });
  } else if (info.menuItemId === MENU.note) {
    const pageFacts = tab?.id !== undefined ? await readFacts(tab.id) : undefined;
    await storeCapture({ draft: empty('note', ''), tabUrl: url, tabTitle: tab?.title, note: (info.selectionText ?? '').slice(0, 20_000), pageFacts });
  }
}
