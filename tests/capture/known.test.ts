import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storeCapture } from '../../lib/capture/background';
import { createChips, emailOfAnchor } from '../../lib/capture/chip';
import { knownSenders, logEmail } from '../../lib/capture/known';
import { extractCapture } from '../../lib/capture/index';
import { createCustomer } from '../../lib/db';
import type { CaptureDraft } from '../../lib/domain/contact-draft';
import { finishPending, pendingCaptureItem, waitingCaptureItem } from '../../lib/ui/panel-request';
import { freshContext } from '../db/helpers';
import { fixture, loadPage, toDocument } from './load';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzYw';
const gmailDraft = () => extractCapture(loadPage(fixture('gmail', 'conversation-2025.html')), GMAIL);

async function withCustomer(settings = {}) {
  const repo = freshContext({ settings });
  const c = await createCustomer(repo, { name: 'Vinod Kumar', emails: [{ value: 'vinod.kumar@jiit.example.in', label: '' }], source: 'manual' } as never);
  return { repo, c };
}

describe('known senders and "Log this email"', () => {
  it('finds the customer behind a sender address, with badges in the user’s language', async () => {
    const { repo, c } = await withCustomer();
    const found = await knownSenders(repo, ['Vinod.Kumar@jiit.example.in', 'nobody@example.com'], 'zh-CN');
    expect(found).toEqual([{ email: 'vinod.kumar@jiit.example.in', customerId: c.id, name: 'Vinod Kumar', badges: ['潜在'] }]);
  });

  it('logs the open email once: a second click says it is already logged', async () => {
    const { repo, c } = await withCustomer();
    expect(await logEmail(repo, gmailDraft(), { auto: false })).toEqual({ outcome: 'logged', customerId: c.id });
    expect(await logEmail(repo, gmailDraft(), { auto: false })).toEqual({ outcome: 'duplicate', customerId: c.id });
    const logged = await repo.db.interactions.where('customerId').equals(c.id).toArray();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ type: 'email', direction: 'in', subject: 'Campus placement drive', source: { provider: 'gmail', messageId: 'gmail:19260a1b2c3d4e5f' } });
  });

  it('a message without an id is deduplicated by its sender + date + subject fingerprint', async () => {
    const { repo, c } = await withCustomer();
    const draft = gmailDraft();
    delete draft.interaction!.messageId;
    const html = '<html><head><title>x - Gmail</title></head><body><h2 data-thread-perm-id="t">Campus placement drive</h2><div data-message-id=""><span email="vinod.kumar@jiit.example.in" name="Vinod Kumar"></span><span title="Tue, Mar 4, 2025, 10:31 AM"></span><div><p>Hello there, the drive is on.</p></div></div></body></html>';
    const noId = () => extractCapture(toDocument(html.replace('data-message-id=""', 'data-x=""').replace('<div data-x="">', '<div data-legacy-message-id="">')), GMAIL);
    expect(noId().interaction?.messageId).toMatch(/^gmail:fp:/);
    await logEmail(repo, noId(), { auto: false });
    expect((await logEmail(repo, noId(), { auto: false })).outcome).toBe('duplicate');
    expect(await repo.db.interactions.where('customerId').equals(c.id).count()).toBe(1);
  });

  it('auto-logging happens only when the setting is on', async () => {
    const off = await withCustomer();
    expect((await logEmail(off.repo, gmailDraft(), { auto: true })).outcome).toBe('off');
    expect(await off.repo.db.interactions.count()).toBe(0);
    const on = await withCustomer({ autoLogKnown: true });
    expect((await logEmail(on.repo, gmailDraft(), { auto: true })).outcome).toBe('logged');
  });

  it('an unknown sender is not logged', async () => {
    const repo = freshContext();
    expect((await logEmail(repo, gmailDraft(), { auto: false })).outcome).toBe('unknown');
    const empty: CaptureDraft = { provider: 'gmail', contacts: [], warnings: [] };
    expect((await logEmail(repo, empty, { auto: false })).outcome).toBe('unreadable');
  });
});

describe('the chip in the page', () => {
  it('reads the address an anchor shows', () => {
    const doc = toDocument('<span email="A@B.example" name="A"></span><span e="q@qq.com"></span><span aria-label="From: Anna <anna@x.example>"></span>');
    expect(Array.from(doc.querySelectorAll('span')).map(emailOfAnchor)).toEqual(['a@b.example', 'q@qq.com', 'anna@x.example']);
  });

  it('shows name and badges as text beside a known sender; a synthetic click logs nothing', async () => {
    const doc = loadPage(fixture('gmail', 'conversation-2025.html'));
    const anchor = doc.querySelector('[email="vinod.kumar@jiit.example.in"]')!;
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) => {
      sent.push(m);
      if (m.type === 'capture/known') return { senders: [{ email: 'vinod.kumar@jiit.example.in', customerId: 'c1', name: '<b>Vinod</b>', badges: ['Signed'] }], texts: { log: 'Log this email', logged: 'Logged', already: 'Already logged', failed: 'x', open: 'Open' }, autoLog: false };
      return { outcome: 'logged' };
    }) as never);
    const chips = createChips({ draftFor: () => ({ draft: gmailDraft() }) });
    await chips.update(doc, [anchor]);
    const chip = doc.querySelector('[data-cardfile-chip]')!;
    expect(chip.textContent).toContain('<b>Vinod</b>');
    expect(chip.querySelector('b')).toBeNull();
    (chip.querySelector('[data-cardfile-log]') as HTMLButtonElement).click(); // not trusted
    await new Promise((r) => setTimeout(r, 10));
    expect(sent.map((m) => (m as { type: string }).type)).toEqual(['capture/known']);
    await chips.update(doc, [anchor]);
    expect(doc.querySelectorAll('[data-cardfile-chip]')).toHaveLength(1);
  });

  it('with auto-log on, the open message is sent once', async () => {
    const doc = loadPage(fixture('gmail', 'conversation-2025.html'));
    const anchor = doc.querySelector('[email="vinod.kumar@jiit.example.in"]')!;
    const types: string[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: { type: string; payload: { auto?: boolean } }) => {
      types.push(`${m.type}${m.payload.auto ? ':auto' : ''}`);
      if (m.type === 'capture/known') return { senders: [{ email: 'vinod.kumar@jiit.example.in', customerId: 'c1', name: 'V', badges: [] }], texts: { log: 'L', logged: 'x', already: 'y', failed: 'z', open: 'o' }, autoLog: true };
      return { outcome: 'logged' };
    }) as never);
    const chips = createChips({ draftFor: () => ({ draft: gmailDraft() }) });
    await chips.update(doc, [anchor]);
    doc.querySelector('[data-cardfile-chip]')!.remove();
    await chips.update(doc, [anchor]);
    expect(types).toEqual(['capture/known', 'capture/log:auto']);
  });
});

describe('a pending review is never replaced without consent', () => {
  const draft = (id: string): CaptureDraft => ({ provider: 'gmail', contacts: [], warnings: [], interaction: { type: 'email', direction: 'in', url: 'https://mail.google.com/', messageId: id } });
  it('a second clip waits; the same clip again changes nothing; finishing shows the waiting one', async () => {
    await storeCapture({ draft: draft('a'), tabUrl: 'u1' });
    await storeCapture({ draft: draft('a'), tabUrl: 'u1' });
    expect(await waitingCaptureItem.getValue()).toBeNull();
    await storeCapture({ draft: draft('b'), tabUrl: 'u2' });
    expect((await pendingCaptureItem.getValue())?.draft.interaction?.messageId).toBe('a');
    expect((await waitingCaptureItem.getValue())?.draft.interaction?.messageId).toBe('b');
    expect(await finishPending()).toBe(true);
    expect((await pendingCaptureItem.getValue())?.draft.interaction?.messageId).toBe('b');
    expect(await finishPending()).toBe(false);
    expect(await pendingCaptureItem.getValue()).toBeNull();
  });
});
