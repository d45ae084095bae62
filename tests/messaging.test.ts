import { describe, expect, it } from 'vitest';
import { handlers } from '../lib/background/handlers';
import { protocol } from '../lib/messaging/protocol';
import { RefusedMessage, route, type SenderInfo } from '../lib/messaging/router';

const opts = {
  extensionId: 'ext',
  extensionOrigin: 'chrome-extension://ext/',
  isContentHost: (url: string) => new URL(url).hostname === 'mail.google.com',
};
const page: SenderInfo = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const gmail: SenderInfo = { id: 'ext', url: 'https://mail.google.com/mail/u/0/', tab: { id: 1, url: 'https://mail.google.com/mail/u/0/', windowId: 1 } };
const draft = { provider: 'gmail', contacts: [], warnings: [] };

describe('message router', () => {
  it('has a handler for every message of the protocol', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(protocol).sort());
  });

  it.each([
    ['not an object', 'hello', page],
    ['unknown type', { type: 'db/drop', payload: {} }, page],
    ['prototype key', { type: 'toString', payload: {} }, page],
    ['bad payload', { type: 'sidepanel/show', payload: { view: 'admin' } }, page],
    ['another extension', { type: 'sidepanel/show', payload: { view: 'search' } }, { ...page, id: 'evil' }],
    ['a web page sending an extension-only message', { type: 'sidepanel/show', payload: { view: 'search' } }, gmail],
    ['a draft from a non-webmail site', { type: 'capture/draft', payload: { draft } }, { id: 'ext', tab: { url: 'https://evil.example/' } }],
    ['a draft with a forged shape', { type: 'capture/draft', payload: { draft: { ...draft, contacts: 'x' } } }, gmail],
  ])('refuses %s', async (_what, message, sender) => {
    await expect(route(message, sender, handlers, opts)).rejects.toBeInstanceOf(RefusedMessage);
  });

  it('accepts a valid message from an allowed sender', async () => {
    await expect(route({ type: 'sidepanel/show', payload: { view: 'search', query: 'zw' } }, page, handlers, opts)).resolves.toEqual({ ok: true });
  });
});
