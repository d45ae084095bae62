import { describe, expect, it } from 'vitest';
import { gmailSenders } from '../../lib/capture/adapters/gmail';
import { neteaseSenders } from '../../lib/capture/adapters/netease';
import { qqSenders } from '../../lib/capture/adapters/qq';
import { emailOfAnchor } from '../../lib/capture/chip';
import { extractCapture } from '../../lib/capture/index';
import { corpusPath, hasCorpus } from '../corpus';
import { fixture, loadPage } from './load';
import { scrambleClasses, scrambleHtml } from './scramble';

/**
 * Every adapter's saved page, read as shipped and again with every class name replaced: the
 * draft must be the same (webmail sites rename classes several times a year).
 */
const pages: Array<[string, () => string, string]> = [
  ['gmail 2025 conversation', () => fixture('gmail', 'conversation-2025.html'), 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzYw'],
  ['outlook persona', () => fixture('outlook', 'persona.html'), 'https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2TG93AAA%3D'],
  ['yahoo message', () => fixture('yahoo', 'message.html'), 'https://mail.yahoo.com/d/folders/1/messages/AKdW2b8AAABcZ4'],
  ['netease message', () => fixture('netease', 'message.html'), 'https://mail.163.com/js6/main.jsp?sid=x#module=read.ReadModule'],
  ['qq new client (wx.mail.qq.com)', () => fixture('qq', 'wx-readmail.html'), 'https://wx.mail.qq.com/home/index?sid=x#/read/1'],
];
const corpusPages: Array<[string, string, string]> = [
  ['gmail-dom-template__messageWithPGP__mailvelope.html', 'gmail', 'https://mail.google.com/mail/u/0/#inbox/x'],
  ['gmail-dom-template__messageWithEncryptedAttachment__mailvelope.html', 'gmail', 'https://mail.google.com/mail/u/0/#inbox/x'],
  ['gmail-dom-template__messageWithClippedContent__mailvelope.html', 'gmail', 'https://mail.google.com/mail/u/0/#inbox/x'],
  ['gmail-dom-template__inboxWithMultipleMessages__mailvelope.html', 'gmail', 'https://mail.google.com/mail/u/0/#inbox/x'],
  ['outlook-owa-dom-template__readingPaneWithActions__mailvelope.html', 'outlook', 'https://outlook.office.com/mail/inbox/id/x'],
  ['outlook-owa-dom-template__readingPaneWithPGP__mailvelope.html', 'outlook', 'https://outlook.office.com/mail/inbox/id/x'],
  ['qqmail-readmail-2018__saved-page.html', 'qq', 'https://mail.qq.com/cgi-bin/readmail?folderid=1&t=readmail&mailid=390000000191630792202648542861'],
];

const essentials = (d: ReturnType<typeof extractCapture>) => ({
  provider: d.provider,
  contacts: d.contacts.map((c) => ({ name: c.name, emails: c.emails.map((e) => e.value), phones: c.phones.map((p) => p.e164 ?? p.raw), title: c.title, company: c.company })),
  interaction: d.interaction,
});

describe('adapters read pages whose class names all changed', () => {
  it.each(pages)('%s', (_name, file, url) => {
    const plain = essentials(extractCapture(loadPage(file()), url));
    for (const seed of ['a', 'b']) expect(essentials(extractCapture(scrambleClasses(loadPage(file()), seed), url))).toEqual(plain);
  });

  it.each([
    ['gmail', () => fixture('gmail', 'conversation-2025.html'), gmailSenders, 'vinod.kumar@jiit.example.in'],
    ['netease', () => fixture('netease', 'message.html'), neteaseSenders, 'zhang.min@hzlongsheng.example.cn'],
    ['qq new client', () => fixture('qq', 'wx-readmail.html'), qqSenders, 'chen.zq@hx-trading.example.cn'],
  ] as const)('%s: the clip control’s place (the sender) is found with every class changed', (_n, file, senders, email) => {
    const anchors = senders(scrambleClasses(loadPage(file())));
    expect(anchors.length).toBeGreaterThan(0);
    expect(emailOfAnchor(anchors[0]!)).toBe(email);
  });

  it('the scrambler really changes every class (string form too)', () => {
    const doc = scrambleClasses(loadPage(fixture('gmail', 'conversation-2025.html')));
    expect(doc.querySelector('.gD, .a3s, .g2, .g3, .hP')).toBeNull();
    expect(scrambleHtml('<span class="gD x" email="a@b.c">')).not.toMatch(/gD/);
  });
});

describe.skipIf(!hasCorpus)('corpus webmail pages with scrambled classes', () => {
  it.each(corpusPages)('%s', (file, provider, url) => {
    const plain = essentials(extractCapture(loadPage(corpusPath('webmail', file)), url));
    expect(plain.provider).toBe(provider);
    expect(essentials(extractCapture(scrambleClasses(loadPage(corpusPath('webmail', file))), url))).toEqual(plain);
  });
});
