import { browser } from 'wxt/browser';
import type { Payload, Reply } from '../messaging/protocol';
import { EMAIL_RE } from './dom';

/**
 * The known-customer chip beside a webmail sender: the card's name and badges and a one-click
 * "Log this email" (no review form). What it shows comes from the background (names, badges,
 * words in the user's language) and is written as text only.
 */
type Known = Reply<'capture/known'>;
type Sender = Known['senders'][number];
type LogPayload = Payload<'capture/log'>;

const CHIP = 'data-cardfile-chip';

/** The address an anchor shows: its email/e/data-email attribute, else one in its title, aria-label or text. */
export function emailOfAnchor(el: Element): string | undefined {
  for (const a of ['email', 'e', 'data-email', 'fromaddr']) {
    const v = el.getAttribute(a);
    if (v && v.includes('@')) return v.trim().toLowerCase();
  }
  const text = `${el.getAttribute('title') ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`;
  return text.match(EMAIL_RE)?.[0]?.toLowerCase();
}

const style = 'margin:0 4px;padding:1px 8px;font:12px/18px system-ui,sans-serif;border-radius:9px;vertical-align:middle;';

export interface ChipHooks {
  /** Read the anchor's message as a draft (the content script's adapter), or undefined when unreadable. */
  draftFor(anchor: Element): { draft: LogPayload['draft']; body?: string } | undefined;
}

/** Build the chip for a known sender; `onLog` runs on a real click only. */
function makeChip(doc: Document, sender: Sender, texts: Known['texts'], onLog: (button: HTMLButtonElement) => void): HTMLElement {
  const chip = doc.createElement('span');
  chip.setAttribute(CHIP, '');
  chip.style.cssText = `${style}display:inline-flex;gap:6px;align-items:center;background:#eef6ee;border:1px solid #8fbf8f;color:#1f2328`;
  const name = doc.createElement('button');
  name.type = 'button';
  name.textContent = `● ${sender.name}`;
  name.title = texts.open;
  name.style.cssText = 'all:unset;cursor:pointer;font-weight:600';
  name.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    if (!e.isTrusted) return;
    void browser.runtime.sendMessage({ type: 'capture/show-card', payload: { customerId: sender.customerId } }).catch(() => undefined);
  });
  chip.append(name);
  for (const b of sender.badges.slice(0, 3)) {
    const badge = doc.createElement('span');
    badge.textContent = b;
    badge.style.cssText = 'font-size:11px;color:#3d5a3d';
    chip.append(badge);
  }
  const log = doc.createElement('button');
  log.type = 'button';
  log.setAttribute('data-cardfile-log', '');
  log.textContent = texts.log;
  log.style.cssText = `${style}border:1px solid #8a8f98;background:#fff;color:#1f2328;cursor:pointer`;
  log.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    if (!e.isTrusted || log.disabled) return;
    onLog(log);
  });
  chip.append(log);
  return chip;
}

/**
 * Chips for the senders on the page that are customers: one lookup per new address, a chip after
 * the anchor's clip control, and (when the setting is on) the open message logged once.
 */
export function createChips(hooks: ChipHooks) {
  const asked = new Map<string, Sender | null>();
  let texts: Known['texts'] | undefined;
  let autoLog = false;
  const autoLogged = new Set<string>();

  async function send(read: { draft: LogPayload['draft']; body?: string }, auto: boolean): Promise<Reply<'capture/log'>['outcome']> {
    try {
      const payload: LogPayload = { draft: read.draft, auto, body: read.body };
      const r = (await browser.runtime.sendMessage({ type: 'capture/log', payload })) as Reply<'capture/log'> | undefined;
      return r?.outcome ?? 'unreadable';
    } catch {
      return 'unreadable';
    }
  }

  async function log(anchor: Element, button: HTMLButtonElement) {
    const read = hooks.draftFor(anchor);
    button.disabled = true;
    const outcome = read ? await send(read, false) : 'unreadable';
    button.textContent = outcome === 'logged' ? texts!.logged : outcome === 'duplicate' ? texts!.already : texts!.failed;
    button.disabled = outcome === 'logged' || outcome === 'duplicate';
  }

  /** Look up new addresses, then put chips after the anchors of known senders. */
  async function update(doc: Document, anchors: Element[]): Promise<void> {
    const emails = anchors.map(emailOfAnchor).filter((e): e is string => !!e);
    const fresh = [...new Set(emails)].filter((e) => !asked.has(e)).slice(0, 50);
    if (fresh.length) {
      for (const e of fresh) asked.set(e, null);
      try {
        const r = (await browser.runtime.sendMessage({ type: 'capture/known', payload: { emails: fresh } })) as Known | undefined;
        if (r && Array.isArray(r.senders)) {
          texts = r.texts;
          autoLog = r.autoLog;
          for (const s of r.senders) asked.set(s.email, s);
        }
      } catch {
        for (const e of fresh) asked.delete(e);
        return;
      }
    }
    if (!texts) return;
    for (const a of anchors) {
      const email = emailOfAnchor(a);
      const sender = email ? asked.get(email) : undefined;
      if (!sender) continue;
      const clipButton = a.nextElementSibling;
      const after = clipButton?.hasAttribute('data-cardfile-clip') ? clipButton : a;
      if (after.nextElementSibling?.hasAttribute(CHIP)) continue;
      after.after(makeChip(doc, sender, texts, (b) => void log(a, b)));
      if (autoLog) {
        const read = hooks.draftFor(a);
        const key = read?.draft.interaction?.messageId;
        if (read && key && !autoLogged.has(key)) {
          autoLogged.add(key);
          void send(read, true);
        }
      }
    }
  }
  return { update };
}
