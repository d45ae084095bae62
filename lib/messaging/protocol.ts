import { z } from 'zod';
import { captureDraftSchema } from '../domain';

/**
 * The one message protocol between content scripts, extension pages and the background.
 * Each message names who may send it, its payload schema and its reply schema; the background
 * re-validates every payload and checks the sender (an unmarked message is no evidence of trust).
 */
export const protocol = {
  /** A webmail content script read the open message: show the review form. */
  'capture/draft': {
    from: 'content',
    payload: z.object({ draft: captureDraftSchema }),
    reply: z.object({ ok: z.boolean() }),
  },
  /** An extension page asks for the side panel to show something. */
  'sidepanel/show': {
    from: 'extension',
    payload: z.object({
      view: z.enum(['search', 'card', 'review']),
      customerId: z.string().optional(),
      query: z.string().max(200).optional(),
    }),
    reply: z.object({ ok: z.boolean() }),
  },
  /** Data changed in a way that may change what is due: replan and refresh the badge. */
  'followups/refresh': {
    from: 'extension',
    payload: z.object({ customerId: z.string().optional() }),
    reply: z.object({ ok: z.boolean() }),
  },
} as const;

export type MessageType = keyof typeof protocol;
export type Payload<T extends MessageType> = z.infer<(typeof protocol)[T]['payload']>;
export type Reply<T extends MessageType> = z.infer<(typeof protocol)[T]['reply']>;

/** The envelope every message travels in. */
export const envelopeSchema = z.object({ type: z.string().max(60), payload: z.unknown() });
