import { envelopeSchema, protocol, type MessageType, type Payload, type Reply } from './protocol';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; windowId?: number };
}

export type Handlers = { [T in MessageType]: (payload: Payload<T>, sender: SenderInfo) => Promise<Reply<T>> };

export interface RouterOptions {
  extensionId: string;
  /** The extension's own origin, e.g. chrome-extension://<id>/ */
  extensionOrigin: string;
  /** Hosts whose content scripts may send 'content' messages. */
  isContentHost(url: string): boolean;
}

/** Why a message was refused, for logs and tests. */
export class RefusedMessage extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RefusedMessage';
  }
}

/** Is this sender allowed to send a message declared as coming `from` there? */
export function senderAllowed(from: 'content' | 'extension', sender: SenderInfo, opts: RouterOptions): boolean {
  if (sender.id !== opts.extensionId) return false;
  if (from === 'extension') return !!sender.url?.startsWith(opts.extensionOrigin) && !sender.tab?.url?.startsWith('http');
  const url = sender.tab?.url ?? sender.url;
  return !!url && opts.isContentHost(url);
}

/**
 * Validate and dispatch one incoming message. Never trusts the envelope: unknown types,
 * wrong senders and bad payloads are refused before any handler runs.
 */
export async function route(message: unknown, sender: SenderInfo, handlers: Handlers, opts: RouterOptions): Promise<unknown> {
  const env = envelopeSchema.safeParse(message);
  if (!env.success) throw new RefusedMessage('malformed message');
  const type = env.data.type as MessageType;
  const spec = Object.hasOwn(protocol, type) ? protocol[type] : undefined;
  if (!spec) throw new RefusedMessage(`unknown message type ${env.data.type}`);
  if (!senderAllowed(spec.from, sender, opts)) throw new RefusedMessage(`sender not allowed for ${type}`);
  const payload = spec.payload.safeParse(env.data.payload);
  if (!payload.success) throw new RefusedMessage(`invalid payload for ${type}: ${payload.error.issues[0]?.message ?? ''}`);
  const handler = handlers[type] as (p: unknown, s: SenderInfo) => Promise<unknown>;
  return spec.reply.parse(await handler(payload.data, sender));
}
