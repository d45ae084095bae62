import { browser } from 'wxt/browser';
import type { Payload } from '../messaging/protocol';
import type { CaptureAdapter } from './adapter';
import { createChips } from './chip';
import { isCaptureReadError } from './errors';
import { buildEmailDraft } from './webmail/message';

/**
 * The webmail content scripts' shared part: a small "Clip" button beside each sender, kept in
 * place across the app's own navigation by one debounced MutationObserver. On click it reads the
 * open message with the family's adapter and sends the draft (and the body, for the signature
 * parser the background runs) through the typed protocol. Text only; nothing from the page is
 * ever inserted as HTML.
 */
export interface ClipSite {
  adapter: CaptureAdapter;
  /** Where the button goes (after the first match in each message), ordered fallbacks. */
  anchors: readonly string[];
  /** Or: the sender elements themselves, one per message (Gmail: found by attributes, no class names). */
  senders?: (doc: Document) => Element[];
  /** The message an anchor belongs to, marked data-cardfile-active so the adapter reads that one. */
  message?: string;
}

const ATTR = 'data-cardfile-clip';
const label = () => (navigator.language.toLowerCase().startsWith('zh') ? '存为客户' : 'Clip');

function makeButton(doc: Document, onClick: () => void): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.setAttribute(ATTR, '');
  b.title = 'Cardfile';
  b.textContent = label();
  b.style.cssText = 'margin:0 6px;padding:1px 8px;font:12px/18px system-ui,sans-serif;border:1px solid #8a8f98;border-radius:9px;background:#fff;color:#1f2328;cursor:pointer;vertical-align:middle';
  b.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    // Only a real click: the page's own scripts can dispatch synthetic clicks (isTrusted false).
    if (!e.isTrusted) return;
    onClick();
  });
  return b;
}

type DraftPayload = Payload<'capture/draft'>;

/** Mark the message an anchor belongs to, so the adapter reads that one. */
function markActive(site: ClipSite, doc: Document, anchor: Element | undefined): void {
  doc.querySelectorAll('[data-cardfile-active]').forEach((el) => el.removeAttribute('data-cardfile-active'));
  if (anchor && site.message) anchor.closest(site.message)?.setAttribute('data-cardfile-active', '');
}

/** The anchor's message as a draft (and its body), or undefined when the page cannot be read. */
export function draftOf(site: ClipSite, doc: Document, anchor: Element | undefined, url: string): { draft: DraftPayload['draft']; body?: string } | undefined {
  markActive(site, doc, anchor);
  try {
    const view = site.adapter.read!(doc, url);
    return { draft: buildEmailDraft(site.adapter.id, view, url), body: view.body?.slice(0, 100_000) };
  } catch (e) {
    if (!isCaptureReadError(e)) throw e;
    return undefined;
  }
}

/** Read the message an anchor belongs to and hand it to the background. */
export async function clip(site: ClipSite, doc: Document, anchor: Element | undefined, url: string): Promise<void> {
  markActive(site, doc, anchor);
  let payload: DraftPayload;
  try {
    const view = site.adapter.read!(doc, url);
    payload = { draft: buildEmailDraft(site.adapter.id, view, url), body: view.body?.slice(0, 100_000) };
  } catch (e) {
    if (!isCaptureReadError(e)) throw e;
    payload = { draft: { provider: site.adapter.id, contacts: [], warnings: [e.message.slice(0, 500)] }, readError: e.reason.slice(0, 200) };
  }
  await browser.runtime.sendMessage({ type: 'capture/draft', payload });
}

/** The sender elements the clip controls go beside (at most 50). */
export function senderAnchors(site: ClipSite, doc: Document): Element[] {
  const found = site.senders?.(doc);
  if (found) return found.slice(0, 50);
  for (const sel of site.anchors) {
    const anchors = Array.from(doc.querySelectorAll(sel));
    if (anchors.length) return anchors.slice(0, 50);
  }
  return [];
}

/** Put a clip button after each anchor that has none yet. */
export function injectButtons(site: ClipSite, doc: Document, url: () => string): number {
  let added = 0;
  for (const a of senderAnchors(site, doc)) {
    if (a.nextElementSibling?.hasAttribute(ATTR) || a.closest(`[${ATTR}]`)) continue;
    a.after(makeButton(doc, () => void clip(site, doc, a, url())));
    added++;
  }
  return added;
}

/** Start: inject now and again whenever the app re-renders (debounced, cheap). */
export function startClipControls(site: ClipSite, doc: Document = document): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const chips = createChips({ draftFor: (a) => draftOf(site, doc, a, location.href) });
  const run = () => {
    timer = undefined;
    injectButtons(site, doc, () => location.href);
    void chips.update(doc, senderAnchors(site, doc)).catch(() => undefined);
  };
  run();
  const observer = new MutationObserver(() => {
    timer ??= setTimeout(run, 400);
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  return () => observer.disconnect();
}
