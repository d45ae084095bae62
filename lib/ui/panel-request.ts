import { storage } from 'wxt/utils/storage';
import { captureDraftSchema, type CaptureDraft } from '../domain/contact-draft';
import { z } from 'zod';

/** What the side panel should show next; written by the popup, background or workspace. */
export const panelRequestSchema = z.object({
  view: z.enum(['search', 'card', 'review']),
  customerId: z.string().optional(),
  query: z.string().optional(),
  /** So the panel can tell a new request from one it already handled. */
  at: z.number(),
});
export type PanelRequest = z.infer<typeof panelRequestSchema>;

// Session storage: gone when the browser closes, never synced, reachable only by extension pages.
export const panelRequestItem = storage.defineItem<PanelRequest | null>('session:panelRequest', { fallback: null });

/** A clip waiting for review in the side panel (validated again when read). */
export interface PendingCapture {
  draft: CaptureDraft;
  tabUrl: string;
  at: number;
  /** The page's title, for notes and the empty form. */
  tabTitle?: string;
  /** Set when the page could not be read: the form opens empty with the URL filled. */
  readError?: string;
  /** "Add selection as note to …": the text to append to a customer's timeline. */
  note?: string;
  /** For a note: addresses and profile links the page shows, to suggest the customer it concerns. */
  pageFacts?: { emails: string[]; links: string[] };
}
export const pendingCaptureItem = storage.defineItem<PendingCapture | null>('session:pendingCapture', { fallback: null });

export async function readPendingCapture(): Promise<PendingCapture | null> {
  const v = await pendingCaptureItem.getValue();
  if (!v) return null;
  const draft = captureDraftSchema.safeParse(v.draft);
  return draft.success ? { ...v, draft: draft.data } : null;
}
