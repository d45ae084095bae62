import { browser } from 'wxt/browser';
import { protocol, type MessageType, type Payload, type Reply } from './protocol';

/** Send a typed message to the background and validate its reply. */
export async function send<T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>> {
  const reply: unknown = await browser.runtime.sendMessage({ type, payload });
  if (reply && typeof reply === 'object' && 'error' in reply) throw new Error(String((reply as { error: unknown }).error));
  return protocol[type].reply.parse(reply) as Reply<T>;
}
