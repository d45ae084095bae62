import { z } from 'zod';
import { captureDraftSchema, interactionTypes } from '../domain';

/**
 * The one message protocol between content scripts, extension pages and the background.
 * Each message names who may send it, its payload schema and its reply schema; the background
 * re-validates every payload and checks the sender (an unmarked message is no evidence of trust).
 */
export const protocol = {
  /** A webmail content script read the open message: show the review form. */
  'capture/draft': {
    from: 'content',
    payload: z.object({
      draft: captureDraftSchema,
      /** The message body as plain text: the background runs the signature parser on it. */
      body: z.string().max(100_000).optional(),
      /** Set when the adapter could not read the page ("couldn't read this message"). */
      readError: z.string().max(200).optional(),
    }),
    reply: z.object({ ok: z.boolean() }),
  },
  /** A webmail content script asks which of the senders it shows are customers (for the chip). */
  'capture/known': {
    from: 'content',
    payload: z.object({ emails: z.array(z.string().max(320)).max(50) }),
    reply: z.object({
      senders: z.array(z.object({ email: z.string(), customerId: z.string(), name: z.string(), badges: z.array(z.string()) })),
      texts: z.object({ log: z.string(), logged: z.string(), already: z.string(), failed: z.string(), open: z.string() }),
      autoLog: z.boolean(),
    }),
  },
  /** "Log this email" on the chip (auto: the auto-log setting, checked again by the background): no review form. */
  'capture/log': {
    from: 'content',
    payload: z.object({ draft: captureDraftSchema, auto: z.boolean(), body: z.string().max(100_000).optional() }),
    reply: z.object({ outcome: z.enum(['logged', 'duplicate', 'unknown', 'off', 'unreadable']), customerId: z.string().optional() }),
  },
  /** The chip's name: open that customer's card in the side panel (a click, so the panel may open). */
  'capture/show-card': {
    from: 'content',
    payload: z.object({ customerId: z.string().min(1).max(100) }),
    reply: z.object({ ok: z.boolean() }),
  },
  /** The popup's "Clip this page": read the active tab (activeTab + scripting) and open the review. */
  'capture/page': {
    from: 'extension',
    payload: z.object({ tabId: z.number().int().nonnegative() }),
    reply: z.object({ ok: z.boolean(), contacts: z.number().int() }),
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
    /** customerId: replan that customer; all: run the daily pass now; neither: rebuild the due list and badge. */
    payload: z.object({ customerId: z.string().optional(), all: z.boolean().optional() }),
    reply: z.object({ ok: z.boolean() }),
  },
  /** Popup: a follow-up was done; log the contact (the cadence moves on). */
  'followups/done': {
    from: 'extension',
    payload: z.object({ id: z.string().min(1), type: z.enum(interactionTypes).optional(), subject: z.string().max(500).optional() }),
    reply: z.object({ ok: z.boolean() }),
  },
  /** Popup: snooze a follow-up until a moment (epoch ms). */
  'followups/snooze': {
    from: 'extension',
    payload: z.object({ id: z.string().min(1), until: z.number().int().nonnegative() }),
    reply: z.object({ ok: z.boolean() }),
  },
  /** Popup: dismiss a follow-up. */
  'followups/dismiss': {
    from: 'extension',
    payload: z.object({ id: z.string().min(1) }),
    reply: z.object({ ok: z.boolean() }),
  },
} as const;

export type MessageType = keyof typeof protocol;
export type Payload<T extends MessageType> = z.infer<(typeof protocol)[T]['payload']>;
export type Reply<T extends MessageType> = z.infer<(typeof protocol)[T]['reply']>;

/** The envelope every message travels in. */
export const envelopeSchema = z.object({ type: z.string().max(60), payload: z.unknown() });
