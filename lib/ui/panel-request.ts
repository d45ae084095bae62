import { captureDraftSchema } from '../domain/contact-draft';
import { panelRequestItem, pendingCaptureItem, type PanelRequest, type PendingCapture } from '../storage/items';
import { z } from 'zod';

/** What the side panel should show next; written by the popup, background or workspace. */
export const panelRequestSchema: z.ZodType<PanelRequest> = z.object({
  view: z.enum(['search', 'card', 'review']),
  customerId: z.string().optional(),
  query: z.string().optional(),
  /** So the panel can tell a new request from one it already handled. */
  at: z.number(),
});

export { panelRequestItem, pendingCaptureItem, type PanelRequest, type PendingCapture };

export async function readPendingCapture(): Promise<PendingCapture | null> {
  const v = await pendingCaptureItem.getValue();
  if (!v) return null;
  const draft = captureDraftSchema.safeParse(v.draft);
  return draft.success ? { ...v, draft: draft.data } : null;
}
