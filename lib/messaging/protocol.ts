import { z } from 'zod';
import { captureDraftSchema, interactionTypes } from '../domain';

const serverUrl = z.string().max(500).regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/);
const memberName = z.string().trim().min(1).max(100).regex(/^[^:\s][^:]*$/);
/** Every sync reply: ok, or an error code the page says in the user's language; and the status line's state. */
const syncState = z.object({
  state: z.enum(['none', 'synced', 'waiting', 'syncing', 'offline', 'error', 'signin', 'locked', 'passphrase']),
  waiting: z.number().int(), refused: z.number().int(), lastSyncAt: z.number().optional(),
  name: z.string().optional(), member: z.string().optional(), role: z.enum(['viewer', 'editor', 'admin']).optional(),
  encrypted: z.boolean().optional(), url: z.string().optional(), db: z.string().optional(), invite: z.string().optional(),
  progress: z.object({ phase: z.enum(['pull', 'push']), done: z.number(), total: z.number() }).optional(),
  error: z.string().optional(),
});
export type SyncStatus = z.infer<typeof syncState>;
const syncReply = z.object({ ok: z.boolean(), error: z.string().optional(), status: syncState.optional() });

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
  /** Team sync (lib/background/sync): the status line's state. */
  'sync/status': { from: 'extension', payload: z.object({}), reply: syncReply },
  /** A page wrote to a synced table: push in a couple of seconds. */
  'sync/poke': { from: 'extension', payload: z.object({}), reply: syncReply },
  /** Sync now (the status line's button). */
  'sync/now': { from: 'extension', payload: z.object({}), reply: syncReply },
  /** Create a team workspace on the team's CouchDB (the server admin account is used once, never stored). */
  'sync/create': {
    from: 'extension',
    payload: z.object({
      url: serverUrl, adminUser: z.string().min(1).max(100), adminPassword: z.string().min(1).max(500),
      name: z.string().trim().min(1).max(100), member: memberName, password: z.string().min(8).max(500),
      passphrase: z.string().min(8).max(500).optional(),
    }),
    reply: syncReply,
  },
  /** Join a workspace: URL + workspace (or an invite code carrying both), user name and password. */
  'sync/join': {
    from: 'extension',
    payload: z.object({ url: serverUrl, db: z.string().min(1).max(200), member: memberName, password: z.string().min(1).max(500), passphrase: z.string().max(500).optional() }),
    reply: syncReply,
  },
  /** Sign in again after the server session expired (the password is traded for a session, not kept). */
  'sync/signin': { from: 'extension', payload: z.object({ password: z.string().min(1).max(500) }), reply: syncReply },
  /** Unlock an end-to-end encrypted workspace on this device. */
  'sync/unlock': { from: 'extension', payload: z.object({ passphrase: z.string().min(1).max(500) }), reply: syncReply },
  /** Leave the workspace on this device (the cards stay). */
  'sync/leave': { from: 'extension', payload: z.object({}), reply: syncReply },
  /** Throw away this device's changes the server refused. */
  'sync/discard-refused': { from: 'extension', payload: z.object({}), reply: syncReply },
  /** Members and roles; with `members`, set them (workspace admins). New accounts need the server admin account once. */
  'sync/members': {
    from: 'extension',
    payload: z.object({
      members: z.array(z.object({ name: memberName, role: z.enum(['viewer', 'editor', 'admin']), password: z.string().min(8).max(500).optional() })).max(500).optional(),
      adminUser: z.string().max(100).optional(), adminPassword: z.string().max(500).optional(),
    }),
    reply: syncReply.extend({ members: z.array(z.object({ name: z.string(), role: z.enum(['viewer', 'editor', 'admin']) })).optional() }),
  },
} as const;

export type MessageType = keyof typeof protocol;
export type Payload<T extends MessageType> = z.infer<(typeof protocol)[T]['payload']>;
export type Reply<T extends MessageType> = z.infer<(typeof protocol)[T]['reply']>;

/** The envelope every message travels in. */
export const envelopeSchema = z.object({ type: z.string().max(60), payload: z.unknown() });
