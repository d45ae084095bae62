import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../lib/search/index';
import { linkedinPath, matchPage } from '../../lib/search/page';
import { maskEmail, maskPhone } from '../../components/sidepanel/mask';
import { card, people } from './fixtures';

const index = buildSearchIndex([
  ...people,
  card('gmailer', { name: 'Free Mailer', emails: [{ value: 'someone@gmail.com', label: '' }] }),
]);

describe('matchPage: who is on this page', () => {
  it.each([
    ['an address shown on the page', { url: 'http://127.0.0.1:5000/team', emails: ['Mary@Globex.com'], links: [] }, [['johnson', 'email']]],
    ['the site is a customer\'s website', { url: 'https://www.globex.com/contact', emails: [], links: [] }, [['johnson', 'domain']]],
    ['the site is a customer\'s email domain', { url: 'https://acme.com/', emails: [], links: [] }, [['john', 'domain']]],
    ['a LinkedIn profile page', { url: 'https://www.linkedin.com/in/jose-muller/', emails: [], links: [] }, [['jose', 'linkedin']]],
    ['a LinkedIn link on the page', { url: 'https://example.org', emails: [], links: ['https://cn.linkedin.com/in/Jose-Muller?x=1'] }, [['jose', 'linkedin']]],
    ['email first, then domain, no duplicates', { url: 'https://globex.com', emails: ['mary@globex.com', 'john.smith@acme.com'], links: [] }, [['johnson', 'email'], ['john', 'email']]],
    ['a shared mail provider\'s site matches nobody by domain', { url: 'https://mail.google.com/mail/u/0', emails: [], links: [] }, []],
    ['gmail.com itself neither', { url: 'https://gmail.com', emails: [], links: [] }, []],
    ['but an address there does', { url: 'https://mail.google.com/mail/u/0', emails: ['someone@gmail.com'], links: [] }, [['gmailer', 'email']]],
    ['no URL (the browser hides it) and nothing read', { emails: [], links: [] }, []],
  ])('%s', (_why, facts, expected) => {
    expect(matchPage(index, facts).map((m) => [m.id, m.reason])).toEqual(expected);
  });

  it.each([
    ['https://www.linkedin.com/in/zhang-wei-123/', 'linkedin.com/in/zhang-wei-123'],
    ['https://linkedin.com/company/huawei?trk=1', 'linkedin.com/company/huawei'],
    ['https://example.com/in/x', undefined],
  ])('linkedinPath(%s) → %s', (url, expected) => {
    expect(linkedinPath(url)).toBe(expected);
  });
});

describe('masking contacts in lists', () => {
  it.each([
    ['138 1234 5678', '138****5678'],
    ['+86 138-1234-5678', '138****5678'],
    ['12345', '***45'],
  ])('maskPhone(%s) → %s', (raw, expected) => expect(maskPhone(raw)).toBe(expected));
  it.each([
    ['zhang.wei@huawei.com', 'z***@huawei.com'],
    ['x', 'x'],
  ])('maskEmail(%s) → %s', (raw, expected) => expect(maskEmail(raw)).toBe(expected));
});
