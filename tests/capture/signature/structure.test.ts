import { describe, expect, it } from 'vitest';
import { inferE164, regionOfDomain, regionsOfAddress } from '../../../lib/domain/phone-region';
import { normalisePhone } from '../../../lib/domain/phone';
import { parseSignature, replyLines } from '../../../lib/capture/signature/index';
import { messageFingerprint } from '../../../lib/capture/webmail/fingerprint';
import { domainCompanyCases, intlCases } from './cases-intl';

const digits = (s: string) => s.replace(/\D/g, '');

describe('parseSignature: French, German, Spanish, Portuguese, Italian, Japanese', () => {
  it.each(intlCases)('$name', (c) => {
    // The default region stays CN: the country must come from the signature itself.
    const sig = parseSignature(c.body, { senderName: c.senderName, senderEmail: c.senderEmail, defaultRegion: 'CN' });
    expect(sig.block).toBeTruthy();
    expect(sig).toMatchObject(c.expect);
    expect(sig.phones.map((p) => ({ digits: digits(p.raw), label: p.label }))).toEqual(c.phones!.map(({ digits: d, label }) => ({ digits: d, label })));
    c.phones!.forEach((p, i) => {
      if (p.e164) expect(sig.phones[i]?.e164).toBe(p.e164);
    });
  });
});

describe('company without a legal form', () => {
  it.each(domainCompanyCases)('%#: the line spelling the domain is the company', (body, senderEmail, company) => {
    expect(parseSignature(body, { senderEmail, defaultRegion: 'CN' }).company).toBe(company);
  });
  it('a free-mail domain proves nothing', () => {
    expect(parseSignature('Merci.\n\nClaire Petit\nGmail Fan Club\n06 12 34 56 78', { senderEmail: 'claire@gmail.com' }).company).toBeUndefined();
  });
});

describe('where the sender’s own part is', () => {
  it('below a bottom-posted reply', () => {
    const body = 'On Tue, Mar 4, 2025 at 9:00 AM Ann Lee <ann@example.com> wrote:\n> Can you send the price list?\n> Thanks\n\nSure, attached.\n\nRobin Tompkins\n503-464-7037';
    const sig = parseSignature(body, { defaultRegion: 'US', senderName: 'Robin Tompkins' });
    expect(sig.name).toBe('Robin Tompkins');
    expect(sig.phones[0]?.e164).toBe('+15034647037');
  });

  it('between interleaved quotes', () => {
    const body = 'Dan Moore wrote:\n> 1. Is the price firm?\nYes, until June.\n> 2. Lead time?\nSix weeks.\n\n--\nKaren Ode | Sales Engineer | Bright Pumps Inc.\n+1 312 555 0147\n> 3. Anything else?\n> Dan';
    const sig = parseSignature(body, { defaultRegion: 'US' });
    expect(sig).toMatchObject({ name: 'Karen Ode', title: 'Sales Engineer', company: 'Bright Pumps Inc.' });
    expect(sig.phones.map((p) => p.e164)).toEqual(['+13125550147']);
    expect(replyLines(body).join('\n')).not.toContain('Lead time');
  });

  it('a top-posted reply still drops the whole quoted message', () => {
    const body = 'Fine by me.\n\nAnn Lee\nAcme Ltd\n\n-----Original Message-----\nFrom: Bob <bob@example.com>\nSent: Monday\n\nBob Stone\nCEO, Stone LLC\n555-0100';
    expect(parseSignature(body).company).toBe('Acme Ltd');
  });

  it.each([
    ['Google Groups', 'Agreed.\n\nPaul Ng\nPrincipal Engineer, Orbit Labs\n+1 650 555 0111\n\n--\nYou received this message because you are subscribed to the Google Groups "dev" group.\nTo unsubscribe from this group and stop receiving emails from it, send an email to dev+unsubscribe@googlegroups.com.\nTo view this discussion on the web visit https://groups.google.com/d/msgid/dev/abc.'],
    ['Mailman', 'Agreed.\n\nPaul Ng\nPrincipal Engineer, Orbit Labs\n+1 650 555 0111\n_______________________________________________\ndev mailing list\ndev@lists.example.org\nhttps://lists.example.org/mailman/listinfo/dev'],
    ['disclaimer', 'Agreed.\n\nPaul Ng\nPrincipal Engineer, Orbit Labs\n+1 650 555 0111\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended only for the addressee.'],
    ['iPhone', 'Agreed.\n\nPaul Ng\nPrincipal Engineer, Orbit Labs\n+1 650 555 0111\n\nSent from my iPhone'],
    ['unsubscribe', 'Agreed.\n\nPaul Ng\nPrincipal Engineer, Orbit Labs\n+1 650 555 0111\n\nUnsubscribe: https://news.example.com/u/123'],
  ])('a %s footer after the signature is not part of it', (_n, body) => {
    const sig = parseSignature(body, { defaultRegion: 'US' });
    expect(sig).toMatchObject({ name: 'Paul Ng', title: 'Principal Engineer', company: 'Orbit Labs', emails: [] });
    expect(sig.phones.map((p) => p.e164)).toEqual(['+16505550111']);
  });

  it('a boxed promotion under the signature is dropped', () => {
    const body = 'Thanks\n\n*****\nFrank Lee\nCEO, SkyFare\n415-555-4942 cell\nfrank@skyfare.example\n*****\nSkyFare is the only airline ticket exchange - buy a\nticket and sell it or change the passenger name\nif your plans change.\n*****';
    expect(parseSignature(body, { defaultRegion: 'US' })).toMatchObject({ name: 'Frank Lee', title: 'CEO', company: 'SkyFare', emails: ['frank@skyfare.example'] });
  });
});

describe('phone region inference', () => {
  it.each([
    ['+33 6 04 65 83 40', [], 'CN', '+33604658340'],
    ['0033 6 04 65 83 40', [], 'CN', '+33604658340'],
    ['06 04 65 83 40', ['FR'], 'CN', '+33604658340'],
    ['06 04 65 83 40', [], 'FR', '+33604658340'],
    ['138 0013 8000', [], 'CN', '+8613800138000'],
    ['0171 2345678', ['DE'], 'CN', '+491712345678'],
    ['(11) 98765-4321', ['BR'], 'CN', '+5511987654321'],
    ['090-1234-5678', ['JP'], 'CN', '+819012345678'],
    ['+33 (0)1 42 68 53 00', [], 'CN', '+33142685300'],
  ])('%s with evidence %j, default %s → %s', (raw, regions, def, e164) => {
    expect(inferE164(raw, { regions, defaultRegion: def })).toBe(e164);
  });

  it('evidence comes from domains and addresses', () => {
    expect(regionOfDomain('sophie@martin.fr')).toBe('FR');
    expect(regionOfDomain('https://www.acme.co.uk/x')).toBe('GB');
    expect(regionOfDomain('a@acme.com')).toBeUndefined();
    expect(regionsOfAddress('12 rue de la Paix\n75002 Paris, France')).toContain('FR');
    expect(regionsOfAddress('〒100-0005 東京都千代田区')).toContain('JP');
  });

  it('the sender’s domain decides when the signature has no country', () => {
    const sig = parseSignature('Merci.\n\nClaire Petit\nPortable : 06 12 34 56 78', { defaultRegion: 'CN', senderEmail: 'claire@petit-export.fr' });
    expect(sig.phones[0]).toMatchObject({ raw: '06 12 34 56 78', e164: '+33612345678', label: 'mobile' });
  });

  it('normalisePhone keeps an E.164 chosen from evidence, drops a stale one', () => {
    expect(normalisePhone({ raw: '06 04 65 83 40', e164: '+33604658340' }, 'CN').e164).toBe('+33604658340');
    expect(normalisePhone({ raw: '138 0013 8000', e164: '+33604658340' }, 'CN').e164).toBe('+8613800138000');
  });
});

describe('dedupe fingerprint', () => {
  const base = { provider: 'outlook', senderEmail: 'Ann@Example.com', occurredAt: Date.UTC(2025, 1, 10, 9, 14, 20), subject: 'Delivery schedule' };
  it('same sender, minute and subject → same key; reply prefixes and case do not matter', () => {
    expect(messageFingerprint(base)).toBe(messageFingerprint({ ...base, senderEmail: 'ann@example.com', occurredAt: Date.UTC(2025, 1, 10, 9, 14, 50), subject: 'RE: delivery  schedule' }));
  });
  it.each([
    ['another sender', { senderEmail: 'bob@example.com' }],
    ['another minute', { occurredAt: Date.UTC(2025, 1, 10, 9, 15, 1) }],
    ['another subject', { subject: 'Invoice' }],
    ['another provider', { provider: 'gmail' }],
  ])('%s → another key', (_n, patch) => {
    expect(messageFingerprint({ ...base, ...patch })).not.toBe(messageFingerprint(base));
  });
  it('without a date, the text tells two messages apart', () => {
    const a = { provider: 'qq', senderEmail: 'a@b.cn', subject: '报价', snippet: '第一封' };
    expect(messageFingerprint(a)).not.toBe(messageFingerprint({ ...a, snippet: '第二封' }));
    expect(messageFingerprint(a)).toBe(messageFingerprint({ ...a }));
  });
});
