import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureDraftSchema } from '../../lib/domain/contact-draft';
import { EmlParseError, htmlToPlainText, parseEml } from '../../lib/capture/eml';
import { corpusDir, corpusPath, hasCorpus } from '../corpus';

const eml = (name: string) => readFileSync(corpusPath('eml', name));

describe.skipIf(!hasCorpus)('parseEml over the shared .eml corpus', () => {
  if (!hasCorpus) console.warn('[cardfile] shared corpus missing: .eml corpus tests SKIPPED');
  const files = corpusDir ? readdirSync(corpusPath('eml')).filter((f) => f.endsWith('.eml')) : [];

  it.each(files)('%s: parses into a valid draft without throwing', async (file) => {
    const draft = await parseEml(eml(file));
    expect(captureDraftSchema.safeParse(draft).success).toBe(true);
    expect(draft.provider).toBe('eml');
  });

  it.each([
    ['spamscope__mail_test_12.eml', '张先生', 'baoguan@hotmail.com'],
    ['rubymail__header_fields_with_empty_values.eml', 'Jørn Støylen', 'jorn@prikkprikkprikk.no'],
    ['phpmimemailparser__m0019.eml', 'sendeär', 'sender@test.com'],
    ['phpmimemailparser__m0023.eml', 'Keith Moore', 'moore@cs.utk.edu'],
    ['phpmimemailparser__issue230.eml', 'Science and Education Foundation, Bulgaria', 'science@news-s.info'],
    ['rubymail__raw_email_bad_time.eml', 'Атиковa', 'yusuf75thu@auracom.net'],
    ['zbateson__m0010.eml', 'Doug Sauder', 'doug@example.com'],
    ['enmime__qp-utf8-header.eml', 'James Hillyerd', 'jamehi03@jamehi03lx.noa.com'],
  ])('%s: sender decodes to %s <%s>', async (file, name, address) => {
    const draft = await parseEml(eml(file));
    expect(draft.contacts[0]?.name).toBe(name);
    expect(draft.contacts[0]?.emails[0]?.value).toBe(address);
  });

  it('a duplicate From header: the first one is the sender', async () => {
    const draft = await parseEml(eml('zbateson__m0010.eml'));
    expect(draft.contacts.flatMap((c) => c.emails.map((e) => e.value))).not.toContain('test@test.com');
  });

  it.each(['flanker__mailformed-headers.eml', 'flanker__from-encoding.eml', 'rubymail__japanese_shift_jis.eml'])('%s: broken headers do not throw', async (file) => {
    const draft = await parseEml(eml(file));
    expect(draft.contacts.length).toBeGreaterThan(0);
  });

  it('direction is out when From is one of my addresses, in otherwise; messageId and date are set', async () => {
    const incoming = await parseEml(eml('talon__standard_replies__gmail.eml'));
    expect(incoming.interaction).toMatchObject({ type: 'email', direction: 'in', messageId: 'CAKsfaBW4hj0Gek6TwbR3erng4P1y0CZzJ0d=pXtCNnYnbe7PLg@mail.gmail.com', occurredAt: Date.UTC(2012, 3, 2, 16, 21, 52), subject: 'Re: Test', url: '' });
    const outgoing = await parseEml(eml('talon__standard_replies__gmail.eml'), { ownEmails: ['XXX@gmail.com'], url: 'https://mail.google.com/x' });
    expect(outgoing.interaction?.direction).toBe('out');
    expect(outgoing.interaction?.url).toBe('https://mail.google.com/x');
  });

  it('the snippet is the reply without the quoted message', async () => {
    const draft = await parseEml(eml('talon__standard_replies__gmail.eml'));
    expect(draft.interaction?.snippet).toBe('Hello');
  });

  it('recipients become extra contacts, my own address is left out', async () => {
    const draft = await parseEml(eml('zbateson__m0010.eml'), { ownEmails: [] });
    expect(draft.contacts[1]).toMatchObject({ name: 'Heinz Müller', emails: [{ value: 'mueller@example.com' }] });
    const mine = await parseEml(eml('zbateson__m0010.eml'), { ownEmails: ['mueller@example.com'] });
    expect(mine.contacts).toHaveLength(1);
  });

  it('Sender stands in when From is missing', async () => {
    const raw = 'Sender: Ops Desk <ops@example.com>\r\nTo: a@example.com\r\nSubject: x\r\n\r\nhello';
    expect((await parseEml(raw)).contacts[0]?.emails[0]?.value).toBe('ops@example.com');
  });
});

describe('parseEml on hand-written messages', () => {
  it('fills the sender from a Chinese signature', async () => {
    const raw = [
      'From: =?UTF-8?B?546L5pmT5piO?= <wangxm@huateng-tech.com>',
      'To: me@example.com',
      'Subject: =?UTF-8?B?5oql5Lu35Y2V?=',
      'Date: Tue, 05 Mar 2024 10:12:00 +0800',
      'Message-ID: <abc123@huateng-tech.com>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      '报价单已附上，请查收。',
      '',
      '此致',
      '敬礼！',
      '王晓明',
      '销售经理',
      '深圳市华腾电子科技有限公司',
      '手机：138 0013 8000',
      '微信：wxm_sales88',
    ].join('\r\n');
    const draft = await parseEml(raw, { ownEmails: ['me@example.com'] });
    expect(draft.contacts).toHaveLength(1);
    expect(draft.contacts[0]).toMatchObject({
      name: '王晓明',
      title: '销售经理',
      company: '深圳市华腾电子科技有限公司',
      phones: [{ raw: '138 0013 8000', e164: '+8613800138000', label: 'mobile' }],
      social: [{ network: 'wechat', handle: 'wxm_sales88' }],
      provenance: { name: 'header', phones: 'signature' },
    });
    expect(draft.interaction).toMatchObject({ direction: 'in', subject: '报价单', messageId: 'abc123@huateng-tech.com', occurredAt: Date.UTC(2024, 2, 5, 2, 12) });
  });

  it('reads an HTML-only message as text, never as markup', async () => {
    const raw = 'From: A <a@example.com>\r\nContent-Type: text/html\r\n\r\n<p>Hi<script>alert(1)</script></p><p>Regards,<br>Ann Lee<br>Tel: +1 415 555 0100<img src=x onerror=alert(1)></p>';
    const draft = await parseEml(raw);
    expect(draft.interaction?.snippet).not.toMatch(/<|alert/);
    expect(draft.contacts[0]?.phones[0]?.e164).toBe('+14155550100');
  });

  it.each([
    ['garbage text', 'garbage \u0000\u0001 not an email'],
    ['empty', ''],
    ['a broken From', 'From: <<<>>>\r\n\r\nhi'],
    ['bytes of nothing', new Uint8Array([0, 255, 1, 2, 3])],
  ])('%s: no contacts and a warning', async (_n, data) => {
    const draft = await parseEml(data);
    expect(draft.contacts).toEqual([]);
    expect(draft.warnings.length).toBeGreaterThan(0);
  });

  it('input of the wrong type throws EmlParseError', async () => {
    await expect(parseEml(42 as unknown as string)).rejects.toBeInstanceOf(EmlParseError);
  });

  it('htmlToPlainText strips tags and scripts and decodes entities', () => {
    expect(htmlToPlainText('<div>A &amp; B<script>x()</script></div><br>C&#20320;')).toBe('A & B \n\nC你');
  });
});
