import { captureDraftSchema } from '../domain/contact-draft';
import { panelRequestItem, pendingCaptureItem, waitingCaptureItem, type PanelRequest, type PendingCapture } from '../storage/items';
import { z } from 'zod';

/** What the side panel should show next; written by the popup, background or workspace. */
export const panelRequestSchema: z.ZodType<PanelRequest> = z.object({
  view: z.enum(['search', 'card', 'review']),
  customerId: z.string().optional(),
  query: z.string().optional(),
  /** So the panel can tell a new request from one it already handled. */
  at: z.number(),
});

export { panelRequestItem, pendingCaptureItem, waitingCaptureItem, type PanelRequest, type PendingCapture };

export async function readPendingCapture(): Promise<PendingCapture | null> {
  const v = await pendingCaptureItem.getValue();
  if (!v) return null;
  const draft = captureDraftSchema.safeParse(v.draft);
  return draft.success ? { ...v, draft: draft.data } : null;
}

// A clip that arrives while another is being reviewed waits in waitingCaptureItem, and the review
// form asks the user whether to switch to it: a pending review is never replaced without consent.

/** Same message or page clipped again: nothing new to ask about. */
export function sameClip(a: Pick<PendingCapture, 'draft' | 'tabUrl' | 'note'>, b: Pick<PendingCapture, 'draft' | 'tabUrl' | 'note'>): boolean {
  const ida = a.draft.interaction?.messageId;
  const idb = b.draft.interaction?.messageId;
  if (ida || idb) return ida === idb;
  return a.tabUrl === b.tabUrl && a.note === b.note && JSON.stringify(a.draft.contacts) === JSON.stringify(b.draft.contacts);
}

/** The review is done (saved or discarded): the waiting clip, if any, is next. True when there is one. */
export async function finishPending(): Promise<boolean> {
  const next = await waitingCaptureItem.getValue();
  await waitingCaptureItem.setValue(null);
  await pendingCaptureItem.setValue(next ? { ...next, at: Date.now() } : null);
  return !!next;
}

/** The user chose the waiting clip over the one on screen. */
export async function takeWaiting(): Promise<void> {
  await finishPending();
}


/** The user kept the clip on screen: the waiting one is dropped. */
export async function dropWaiting(): Promise<void> {
  await waitingCaptureItem.setValue(null);
}
