import { describe, expect, it } from 'vitest';
import { captureDraftSchema } from '../../lib/domain/contact-draft';
import { CaptureReadError, extractCapture } from '../../lib/capture/index';
import { corpusPath, hasCorpus } from '../corpus';
import { fixture, loadPage, toDocument } from './load';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzYw';
const OUTLOOK = 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D';
const QQ = 'https://mail.qq.com/cgi-bin/readmail?folderid=1&t=readmail&mailid=390000000191630792202648542861';
const YAHOO = 'https://mail.yahoo.com/d/folders/1/messages/AKdW2b8AAABcZ4';
const NETEASE = 'https://mail.163.com/js6/main.jsp?sid=x#module=read.ReadModule';

interface Expected {
  sender: { name: string; email: string };
  others?: string[];
  subject?: string;
  occurredAt?: number;
  messageId?: string;
  snippetHas?: string;
  direction?: 'in' | 'out';
}

/** Compare the parts of a draft every adapter must get right. */
function check(draft: ReturnType<typeof extractCapture>, provider: string, url: string, e: Expected) {
  expect(() => captureDraftSchema.parse(draft)).not.toThrow();
  expect(draft.provider).toBe(provider);
  const main = draft.contacts[0]!;
  expect({ name: main.name, email: main.emails[0]?.value }).toEqual(e.sender);
  expect(draft.contacts.slice(1).map((c) => c.emails[0]?.value)).toEqual(e.others ?? []);
  expect(draft.interaction?.type).toBe('email');
  expect(draft.interaction?.direction).toBe(e.direction ?? 'in');
  expect(draft.interaction?.url).toBe(url);
  expect(draft.interaction?.subject).toBe(e.subject);
  expect(draft.interaction?.occurredAt).toBe(e.occurredAt);
  if (e.messageId) expect(draft.interaction?.messageId).toBe(e.messageId);
  if (e.snippetHas) expect(draft.interaction?.snippet).toContain(e.snippetHas);
}

describe.skipIf(!hasCorpus)('webmail adapters on the shared corpus (../shared/corpus/webmail)', () => {
  const read: Array<[string, string, string, Expected]> = [
    ['gmail-dom-template__messageWithPGP__mailvelope.html', 'gmail', GMAIL, { sender: { name: 'Sender Name', email: 'sender@example.com' }, messageId: 'gmail:msg-18c9a123abc', snippetHas: 'BEGIN PGP MESSAGE' }],
    ['gmail-dom-template__messageWithEncryptedAttachment__mailvelope.html', 'gmail', GMAIL, { sender: { name: 'Alice Smith', email: 'alice@example.com' }, messageId: 'gmail:msg-456def789', snippetHas: 'attached encrypted file' }],
    ['gmail-dom-template__messageWithClippedContent__mailvelope.html', 'gmail', GMAIL, { sender: { name: 'Bob Jones', email: 'bob@example.com' }, messageId: 'gmail:msg-789abc012' }],
    ['gmail-dom-template__messageWithClippedPGP__mailvelope.html', 'gmail', GMAIL, { sender: { name: 'Charlie Brown', email: 'charlie@example.com' } }],
    // Three messages in a thread: the last expanded one is the open message.
    ['gmail-dom-template__inboxWithMultipleMessages__mailvelope.html', 'gmail', GMAIL, { sender: { name: 'User 3', email: 'user3@example.com' }, messageId: 'gmail:msg-003', snippetHas: 'Plain message 2' }],
    ['outlook-owa-dom-template__readingPaneWithActions__mailvelope.html', 'outlook', OUTLOOK, { sender: { name: '', email: 'sender@example.com' }, others: ['recipient@example.com'], snippetHas: 'regular message body' }],
    ['outlook-owa-dom-template__readingPaneWithPGP__mailvelope.html', 'outlook', OUTLOOK, { sender: { name: '', email: 'sender@example.com' }, snippetHas: 'BEGIN PGP' }],
    ['qqmail-readmail-2018__saved-page.html', 'qq', QQ, {
      sender: { name: 'QQ邮箱管理员', email: '10000@qq.com' },
      others: ['3261486093@qq.com'],
      subject: '开始使用你的邮箱',
      occurredAt: Date.UTC(2017, 9, 28, 3, 57), // 2017年10月28日 中午11:57, Beijing time
      messageId: 'qq:390000000191630792202648542861',
      snippetHas: '你的邮箱已经成功开通了',
    }],
  ];
  it.each(read)('%s → the expected draft', (file, provider, url, e) => {
    check(extractCapture(loadPage(corpusPath('webmail', file)), url), provider, url, e);
  });

  it('QQ: the recipient keeps its Chinese display name', () => {
    const d = extractCapture(loadPage(corpusPath('webmail', 'qqmail-readmail-2018__saved-page.html')), QQ);
    expect(d.contacts[1]?.name).toBe('简·易~减');
  });

  const unreadable: Array<[string, string]> = [
    ['gmail-inbox-threadlist-2014__inboxsdk.html', GMAIL],
    ['gmail-dom-template__composeArea__mailvelope.html', GMAIL],
    ['gmail-dom-template__pageTitle__mailvelope.html', GMAIL],
    ['outlook-owa-dom-template__messageWithAttachment__mailvelope.html', OUTLOOK],
    ['outlook-owa-dom-template__readingPaneMinimal__mailvelope.html', OUTLOOK],
    ['outlook-owa-dom-template__composeToolbar__mailvelope.html', OUTLOOK],
    ['qqmail-addressbook-2018__saved-page.html', QQ],
  ];
  it.each(unreadable)('%s (no open message / no sender) → CaptureReadError, not a half draft', (file, url) => {
    expect(() => extractCapture(loadPage(corpusPath('webmail', file)), url)).toThrow(CaptureReadError);
  });

  it('extractCapture stays under 10 ms per corpus webmail page (median of 15)', () => {
    const pages: Array<[string, string]> = [...read.map(([f, , u]) => [f, u] as [string, string]), ['gmail-inbox-threadlist-2014__inboxsdk.html', GMAIL]];
    const figures: string[] = [];
    for (const [file, url] of pages) {
      const doc = loadPage(corpusPath('webmail', file));
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t = performance.now();
        try {
          extractCapture(doc, url);
        } catch {
          /* the inbox page throws by design; time it anyway */
        }
        times.push(performance.now() - t);
      }
      const median = times.sort((a, b) => a - b)[7]!;
      figures.push(`${file}: ${median.toFixed(2)} ms`);
      // A blow-up guard, not the target: the ≤ 10 ms target is measured by npm run bench (timed tests flake on a busy machine).
      expect(median).toBeLessThan(500);
    }
    console.info(`[capture timing, happy-dom]\n${figures.join('\n')}`);
  });
});

describe('webmail adapters on written fixtures (tests/fixtures)', () => {
  it('Gmail 2025 conversation: sender, recipients, date, subject, legacy id; the quoted reply is not the snippet', () => {
    const d = extractCapture(loadPage(fixture('gmail', 'conversation-2025.html')), GMAIL);
    check(d, 'gmail', GMAIL, {
      sender: { name: 'Vinod Kumar', email: 'vinod.kumar@jiit.example.in' },
      others: ['placements@example.org'], // "me" (hr.team@, from the tab title) is not proposed
      subject: 'Campus placement drive',
      occurredAt: new Date(2025, 2, 4, 10, 31).getTime(),
      messageId: 'gmail:19260a1b2c3d4e5f',
      snippetHas: 'campus placement drive on 20 March',
    });
    expect(d.interaction?.snippet).not.toContain('Please share the dates');
  });

  it('Gmail: the message the user clicked (data-cardfile-active) wins over the last one', () => {
    const doc = loadPage(corpusPath('webmail', 'gmail-dom-template__inboxWithMultipleMessages__mailvelope.html'));
    doc.querySelector('[data-message-id="msg-001"]')!.setAttribute('data-cardfile-active', '');
    expect(extractCapture(doc, GMAIL).contacts[0]?.emails[0]?.value).toBe('user1@example.com');
  });

  it('Gmail: a message the user sent proposes the recipients, direction out', () => {
    const d = extractCapture(loadPage(fixture('gmail', 'conversation-2025.html')), GMAIL, { ownEmails: ['Vinod.Kumar@jiit.example.in'] });
    expect(d.interaction?.direction).toBe('out');
    expect(d.contacts.map((c) => c.emails[0]?.value)).toEqual(['placements@example.org']);
  });

  it('Outlook persona: display name, To and Cc, subject, own mailbox excluded', () => {
    const d = extractCapture(loadPage(fixture('outlook', 'persona.html')), OUTLOOK);
    check(d, 'outlook', OUTLOOK, {
      sender: { name: 'Anna Schmidt', email: 'anna.schmidt@fabrikam.example' },
      others: ['lena.fischer@fabrikam.example', 'logistics@fabrikam.example'],
      subject: 'Delivery schedule',
      occurredAt: Date.parse('Mon 2/10/2025 9:14 AM'),
      snippetHas: 'trucks leave on Friday',
    });
    expect(d.interaction?.messageId).toMatch(/^outlook:AAQkAGI2TG93AAA=:anna.schmidt@fabrikam.example/);
  });

  it('Yahoo: the expanded message, pills with data-email, To and Cc, own address excluded', () => {
    const d = extractCapture(loadPage(fixture('yahoo', 'message.html')), YAHOO);
    check(d, 'yahoo', YAHOO, {
      sender: { name: 'Maria Garcia', email: 'maria.garcia@acme-supplies.example' },
      others: ['tom.lee@acme-supplies.example', 'sales@acme-supplies.example'],
      subject: 'Quote for 200 units',
      occurredAt: Date.parse('Thu, Jan 16, 2025 3:12 PM'),
      snippetHas: 'Please find our quote attached',
    });
    expect(d.contacts[1]?.name).toBe('Tom Lee');
    expect(d.interaction?.snippet).not.toContain('Can you quote');
  });

  it('NetEase: 发件人 / 收件人 / 抄送 rows, Chinese names, Beijing time', () => {
    const d = extractCapture(loadPage(fixture('netease', 'message.html')), NETEASE);
    check(d, 'netease', NETEASE, {
      sender: { name: '张敏', email: 'zhang.min@hzlongsheng.example.cn' },
      others: ['li.na@hzlongsheng.example.cn', 'finance@hzlongsheng.example.cn'],
      subject: '关于 2025 年度采购合同的报价',
      occurredAt: Date.UTC(2025, 2, 18, 6, 5),
      messageId: 'netease:171:1tbiAQ8xZ2V1xyz',
      snippetHas: '报价单',
    });
    expect(d.contacts[1]?.name).toBe('李娜');
  });

  it('QQ new client (wx.mail.qq.com): labelled rows, the signature, Beijing time, no page title as subject', () => {
    const url = 'https://wx.mail.qq.com/home/index?sid=x#/read/1';
    const d = extractCapture(loadPage(fixture('qq', 'wx-readmail.html')), url, { ownEmails: ['me@qq.com'] });
    check(d, 'qq', url, {
      sender: { name: '陈志强', email: 'chen.zq@hx-trading.example.cn' },
      others: ['li.na@hx-trading.example.cn'],
      subject: '关于 2025 年春季订单的确认',
      occurredAt: Date.UTC(2025, 3, 8, 2, 20),
      snippetHas: '春季订单已确认',
    });
    const main = d.contacts[0]!;
    expect(main).toMatchObject({ title: '经理', company: '宁波华信进出口有限公司' });
    expect(main.phones.map((p) => p.e164)).toEqual(['+8613957421188', '+8657487654321']);
    expect(d.interaction?.messageId).toMatch(/^qq:fp:/);
  });

  it('Outlook on outlook.cloud.microsoft reads like outlook.office.com', () => {
    const url = 'https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2TG93AAA%3D';
    expect(extractCapture(loadPage(fixture('outlook', 'persona.html')), url).contacts[0]?.emails[0]?.value).toBe('anna.schmidt@fabrikam.example');
  });

  it.each([
    ['yahoo', YAHOO],
    ['netease', NETEASE],
    ['outlook', OUTLOOK],
    ['qq', QQ],
    ['gmail', GMAIL],
  ])('%s: an empty page throws CaptureReadError', (_p, url) => {
    expect(() => extractCapture(toDocument('<html><body><p>Loading…</p></body></html>'), url)).toThrow(CaptureReadError);
  });

  it('a hostile sender name stays literal text and nothing in the page runs', () => {
    const doc = loadPage(fixture('gmail', 'hostile.html'));
    const d = extractCapture(doc, GMAIL);
    expect(d.contacts[0]?.name).toBe('<img src=x onerror=alert(1)><script>alert(2)</script>');
    expect(d.interaction?.snippet).toBe('Hello <b>there</b>');
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('a QQ message with 200 recipients gives 201 contacts quickly', () => {
    const spans = Array.from({ length: 200 }, (_, i) => `<span class="left" e="user${i}@example.cn" n="用户${i}">用户${i}</span>`).join('');
    const html = `<div id="mainmail"><table><tr><td><span class="addrtitle">发件人：</span><span e="boss@example.cn" n="老板">老板</span></td></tr>
      <tr><td><div class="addrtitle">收件人：</div><div>${spans}</div></td></tr></table><span id="subject">全体通知</span><div id="contentDiv">大家好</div></div>`;
    const doc = toDocument(html);
    const t = performance.now();
    const d = extractCapture(doc, QQ);
    const ms = performance.now() - t;
    expect(d.contacts).toHaveLength(201);
    expect(d.contacts[200]?.name).toBe('用户199');
    expect(ms).toBeLessThan(2000); // no freeze on 200 recipients (a guard, not a timing target)
  });
});
