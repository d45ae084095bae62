import { render } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { CardDetails } from '../../components/customer/CardDetails';
import { parseEml } from '../../lib/capture/eml';
import { parseSignature } from '../../lib/capture/signature/index';
import { createCustomer } from '../../lib/db';
import { captureDraftSchema, customerSchema } from '../../lib/domain';
import { maskEmail, maskPhone } from '../../lib/domain/mask';
import { handlers } from '../../lib/background/handlers';
import { RefusedMessage, route, type SenderInfo } from '../../lib/messaging/router';
import { freshContext } from '../db/helpers';

/** Names, signatures and messages a hostile sender or page could put in front of Cardfile. */
const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
  '\u202eevil\u202c \u0000 \uFFFF \uD800 𝕬 👨‍👩‍👧 ﷽',
];
const opts = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/', isContentHost: (u: string) => new URL(u).hostname === 'mail.google.com' };
const webPage: SenderInfo = { id: 'ext', url: 'https://evil.example/', tab: { id: 9, url: 'https://evil.example/', windowId: 1 } };
const gmail: SenderInfo = { id: 'ext', url: 'https://mail.google.com/mail/u/0/', tab: { id: 1, url: 'https://mail.google.com/mail/u/0/', windowId: 1 } };
const contact = (name: string) => ({ kind: 'person', name, company: '', title: '', department: '', emails: [], phones: [], addresses: [], websites: [], social: [], notes: '', tags: [], provenance: {} });

describe('hostile input', () => {
  it.each([
    ['a forged draft from an ordinary web page', { type: 'capture/draft', payload: { draft: { provider: 'gmail', contacts: [contact('x')], warnings: [] } } }, webPage],
    ['a forged extension-only message from a webmail page', { type: 'capture/page', payload: { tabId: 1 } }, gmail],
    ['a draft with a 1 MB name', { type: 'capture/draft', payload: { draft: { provider: 'gmail', contacts: [contact('x'.repeat(1_000_000))], warnings: [] } } }, gmail],
    ['a draft with 10,000 contacts', { type: 'capture/draft', payload: { draft: { provider: 'gmail', contacts: Array.from({ length: 10_000 }, () => contact('a')), warnings: [] } } }, gmail],
    ['a message from another extension', { type: 'capture/draft', payload: { draft: { provider: 'gmail', contacts: [], warnings: [] } } }, { ...gmail, id: 'other-extension' }],
    ['__proto__ as a type', JSON.parse('{"type":"__proto__","payload":{"polluted":true}}'), gmail],
  ])('refuses %s before any handler runs', async (_n, message, sender) => {
    const spies = Object.keys(handlers).map((k) => vi.spyOn(handlers, k as keyof typeof handlers));
    await expect(route(message, sender, handlers, opts)).rejects.toBeInstanceOf(RefusedMessage);
    for (const s of spies) expect(s).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    vi.restoreAllMocks();
  });

  it.each(HOSTILE)('a card named %j is rendered as text, nothing runs', async (evil) => {
    const ctx = freshContext();
    const c = await createCustomer(ctx, {
      name: evil.replace(/\u0000/g, '') || 'x', company: evil, title: evil, notes: evil,
      websites: ['javascript:window.__pwned=1', evil.slice(0, 400)], social: [{ network: 'other', handle: evil.slice(0, 200) || 'x' }],
    });
    const { container } = render(<CardDetails customer={customerSchema.parse(c)} save={async () => undefined} />);
    expect(container.querySelector('script, img, svg, iframe, object, embed')).toBeNull();
    for (const a of container.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
    expect(container.textContent).toContain(c.company.slice(0, 8));
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it.each(HOSTILE)('the signature parser and the .eml reader keep %j as inert text', async (evil) => {
    const body = `Hi\n\nRegards,\n${evil}\nWeb: javascript:alert(1)\nTel: +1 415 555 0100\n${'x'.repeat(1_000_000)}`;
    expect(() => parseSignature(body)).not.toThrow();
    const draft = await parseEml(`From: "${evil}" <a@example.com>\r\nSubject: ${evil}\r\nContent-Type: text/html\r\n\r\n<p>${evil}</p><a href="javascript:alert(1)">x</a>`);
    expect(captureDraftSchema.safeParse(draft).success).toBe(true);
    expect((draft.contacts[0]?.websites ?? []).some((w) => /javascript:/i.test(w))).toBe(false);
    expect(draft.interaction?.snippet ?? '').not.toMatch(/<script|<img|onerror=/i);
  });

  it('nothing is saved by reading hostile input: only an explicit save writes', async () => {
    const ctx = freshContext();
    await parseEml(`From: "<img src=x onerror=alert(1)>" <a@example.com>\r\n\r\nhello`);
    parseSignature('Regards,\n<script>alert(1)</script>\n+1 415 555 0100');
    expect(await ctx.db.customers.count()).toBe(0);
  });
});

describe('masking in lists', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '+861******5678'],
    ['0755-8888 6666', '075*****6666'],
    ['555-0100', '55*0100'],
    ['1234', '****'],
  ])('maskPhone(%s) = %s', (raw, masked) => expect(maskPhone(raw)).toBe(masked));

  it.each([
    ['zhang@example.com', 'z***@example.com'],
    ['a@b.cn', 'a***@b.cn'],
    ['not-an-email', '***'],
  ])('maskEmail(%s) = %s', (email, masked) => expect(maskEmail(email)).toBe(masked));
});
