import { browser } from 'wxt/browser';
import type { Payload } from '../messaging/protocol';
import type { CaptureAdapter } from './adapter';
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

/** Read the message an anchor belongs to and hand it to the background. */
export async function clip(site: ClipSite, doc: Document, anchor: Element | undefined, url: string): Promise<void> {
  doc.querySelectorAll('[data-cardfile-active]').forEach((el) => el.removeAttribute('data-cardfile-active'));
  if (anchor && site.message) anchor.closest(site.message)?.setAttribute('data-cardfile-active', '');
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

/** Put a clip button after each anchor that has none yet. */
export function injectButtons(site: ClipSite, doc: Document, url: () => string): number {
  let added = 0;
  const found = site.senders?.(doc);
  for (const sel of found ? [''] : site.anchors) {
    const anchors = found ?? Array.from(doc.querySelectorAll(sel));
    if (!anchors.length) continue;
    for (const a of anchors.slice(0, 50)) {
      if (a.nextElementSibling?.hasAttribute(ATTR) || a.closest(`[${ATTR}]`)) continue;
      a.after(makeButton(doc, () => void clip(site, doc, a, url())));
      added++;
    }
    break;
  }
  return added;
}

/** Start: inject now and again whenever the app re-renders (debounced, cheap). */
export function startClipControls(site: ClipSite, doc: Document = document): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    injectButtons(site, doc, () => location.href);
  };
  run();
  const observer = new MutationObserver(() => {
    timer ??= setTimeout(run, 400);
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  return () => observer.disconnect();
}
