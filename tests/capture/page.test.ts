import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ContactDraft } from '../../lib/domain/contact-draft';
import { captureDraftSchema } from '../../lib/domain/contact-draft';
import { NOTHING_FOUND, extractCapture, extractFromSelection } from '../../lib/capture/index';
import { corpusPath, hasCorpus } from '../corpus';
import { fixture, loadPage, toDocument } from './load';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const digits = (s: string) => s.replace(/\D/g, '');

type Mf = { type?: string[]; properties: Record<string, unknown[]>; children?: Mf[]; value?: unknown };
const isMf = (v: unknown): v is Mf => typeof v === 'object' && v !== null && 'properties' in v;
const txt = (v: unknown): string => (typeof v === 'string' ? norm(v) : isMf(v) ? txt(v.properties.name?.[0] ?? v.value) : '');

/** Every h-card in a microformats expected JSON (nested ones too), as the fields a contact must carry. */
function expectedCards(items: Mf[], out: Mf[] = []): Mf[] {
  for (const i of items) {
    if (i.type?.includes('h-card')) out.push(i);
    expectedCards([...Object.values(i.properties).flat().filter(isMf), ...(i.children ?? [])], out);
  }
  return out;
}

function matchesCard(c: ContactDraft, card: Mf): boolean {
  const p = card.properties;
  const name = txt(p.name?.[0]) || ['given-name', 'additional-name', 'family-name'].map((k) => txt(p[k]?.[0])).filter(Boolean).join(' ') || txt(p.org?.[0]);
  if (norm(c.name) !== name) return false;
  const org = txt(p.org?.[0]);
  if (org && c.company !== org && !(c.kind === 'organization' && c.name === org)) return false;
  const emails = new Set((p.email ?? []).map((e) => String(e).replace(/^mailto:/, '').split('?')[0]!.split('/').pop()!));
  if ([...emails].some((e) => !c.emails.some((x) => x.value === e))) return false;
  if ((p.tel ?? []).some((t) => !c.phones.some((x) => digits(x.raw) === digits(String(t))))) return false;
  if ((p.url ?? []).some((u) => !c.websites.includes(String(u)))) return false;
  for (const a of (p.adr ?? []).filter(isMf)) {
    const want = ['street-address', 'locality', 'region', 'postal-code', 'country-name'].map((k) => txt(a.properties[k]?.[0])).filter(Boolean);
    if (!c.addresses.some((x) => want.every((w) => (x.formatted ?? '').includes(w)))) return false;
  }
  return true;
}

describe.skipIf(!hasCorpus)('microformats corpus (../shared/corpus/pages/microformats)', () => {
  const dir = hasCorpus ? corpusPath('pages', 'microformats') : '';
  const files = hasCorpus ? readdirSync(dir).filter((f) => f.endsWith('.html')) : [];
  it.each(files)('%s: every h-card with content is a contact with its name, email, tel, org, url, address', (file) => {
    const expected = JSON.parse(readFileSync(`${dir}/${file.replace(/\.html$/, '.json')}`, 'utf8')) as { items: Mf[] };
    const cards = expectedCards(expected.items).filter((c) => Object.keys(c.properties).some((k) => ['name', 'given-name', 'family-name', 'org', 'email', 'tel'].includes(k)));
    const draft = extractCapture(loadPage(`${dir}/${file}`), 'http://example.com/');
    expect(() => captureDraftSchema.parse(draft)).not.toThrow();
    for (const card of cards) expect(draft.contacts.some((c) => matchesCard(c, card)), JSON.stringify(card.properties).slice(0, 200)).toBe(true);
    if (!cards.length) expect(draft.contacts).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)('schema.org corpus (../shared/corpus/pages/schemaorg): JSON-LD and microdata agree', () => {
  const dir = hasCorpus ? corpusPath('pages', 'schemaorg') : '';
  const ids = hasCorpus ? [...new Set(readdirSync(dir).map((f) => f.split('.')[0]!))] : [];
  const summary = (c: ContactDraft) => ({
    kind: c.kind,
    name: c.name,
    title: c.title,
    company: c.company,
    emails: c.emails.map((e) => e.value),
    phones: c.phones.map((p) => digits(p.raw)),
    city: c.addresses.map((a) => [a.city, a.region, a.postalCode].join('|')),
  });
  it.each(ids)('%s', (id) => {
    const ld = extractCapture(loadPage(`${dir}/${id}.jsonld.html`), 'https://example.org/');
    expect(ld.contacts.length).toBeGreaterThan(0);
    const md = extractCapture(loadPage(`${dir}/${id}.microdata.html`), 'https://example.org/');
    // eg-0199 is "JSON-only": its microdata page holds no markup.
    if (!md.contacts.length) return expect(readFileSync(`${dir}/${id}.microdata.html`, 'utf8')).not.toContain('itemscope');
    expect(md.contacts.map(summary)).toEqual(ld.contacts.map(summary));
  });

  it.each([
    ['eg-0001__Person-PostalAddress', { kind: 'person', name: 'Jane Doe', title: 'Professor', email: 'jane-doe@xyz.edu', phone: '4251234567', city: 'Seattle' }],
    ['eg-0007__Organization-PostalAddress', { kind: 'organization', name: 'Google.org (GOOG)', title: '', email: 'secretariat@example.com', phone: '33142685300', city: 'Paris, France' }],
    ['eg-0015__LocalBusiness-Place-PostalAddress', { kind: 'organization', name: 'Beachwalk Beachwear & Giftware', title: '', email: undefined, phone: '8506484200', city: 'Mexico Beach' }],
    ['eg-0199__ContactPoint-Organization', { kind: 'organization', name: 'your-company-site.com', title: '', email: undefined, phone: '14015551212', city: undefined }],
  ])('%s.jsonld: main contact', (id, e) => {
    const c = extractCapture(loadPage(`${dir}/${id}.jsonld.html`), 'https://example.org/').contacts[0]!;
    expect({ kind: c.kind, name: c.name, title: c.title, email: c.emails[0]?.value, phone: c.phones[0] && digits(c.phones[0].raw), city: c.addresses[0]?.city }).toEqual(e);
  });
});

describe('own page fixtures (tests/fixtures/page)', () => {
  it('Chinese "联系我们" page: the company from og:site_name, tel: links, mailto people with their company, written emails, .vcf link', () => {
    const d = extractCapture(loadPage(fixture('page', 'contact-zh.html')), 'https://www.hzlongsheng.example.cn/contact');
    expect(d.provider).toBe('page');
    const org = d.contacts.find((c) => c.kind === 'organization')!;
    expect(org.name).toBe('杭州龙盛贸易有限公司');
    expect(org.provenance.name).toBe('og:site_name');
    // tel: links always; the fax line (传真) too once the signature parser reads the contact block.
    expect(org.phones.map((p) => p.e164)).toEqual(expect.arrayContaining(['+8657188886666', '+864008201234']));
    expect(org.websites).toEqual(['https://www.hzlongsheng.example.cn/']);
    const people = d.contacts.filter((c) => c.kind === 'person');
    // Named people stay people; the company's role mailboxes (sales@, hr@) either stay loose or, once the
    // signature parser reads the contact block, join the organisation. Both are acceptable; none is lost.
    expect(people.filter((p) => p.name || p.emails[0]?.value.startsWith('li.na')).map((p) => [p.name, p.emails[0]?.value, p.company])).toEqual([
      ['张敏', 'zhang.min@hzlongsheng.example.cn', '杭州龙盛贸易有限公司'],
      ['', 'li.na@hzlongsheng.example.cn', '杭州龙盛贸易有限公司'],
    ]);
    const all = d.contacts.flatMap((c) => c.emails.map((e) => e.value));
    expect(all).toEqual(expect.arrayContaining(['sales@hzlongsheng.example.cn', 'hr@hzlongsheng.example.cn']));
    expect(d.vcardLinks).toEqual(['https://www.hzlongsheng.example.cn/files/zhangmin.vcf']);
  });

  it('LinkedIn profile: name, headline → title, company, location, profile URL as linkedin', () => {
    const d = extractCapture(loadPage(fixture('page', 'linkedin-profile.html')), 'https://www.linkedin.com/in/priya-raman-42/?originalSubdomain=in');
    expect(d.provider).toBe('linkedin');
    const c = d.contacts[0]!;
    expect([c.kind, c.name, c.title, c.company, c.addresses[0]?.formatted]).toEqual(['person', 'Priya Raman', 'Head of Procurement', 'Northwind Traders', 'Bengaluru, Karnataka, India']);
    expect(c.social).toEqual([{ network: 'linkedin', handle: 'https://www.linkedin.com/in/priya-raman-42/' }]);
  });

  it('LinkedIn profile when logged out: og:title gives name, title and company', () => {
    const doc = toDocument('<html><head><meta property="og:title" content="Priya Raman - Head of Procurement - Northwind Traders | LinkedIn"></head><body></body></html>');
    const c = extractCapture(doc, 'https://in.linkedin.com/in/priya-raman-42').contacts[0]!;
    expect([c.name, c.title, c.company]).toEqual(['Priya Raman', 'Head of Procurement', 'Northwind Traders']);
  });

  it('LinkedIn company page: an organisation with website, location and the company URL', () => {
    const c = extractCapture(loadPage(fixture('page', 'linkedin-company.html')), 'https://www.linkedin.com/company/northwind-traders/about/').contacts[0]!;
    expect([c.kind, c.name, c.websites[0], c.addresses[0]?.formatted, c.social[0]?.handle]).toEqual(['organization', 'Northwind Traders', 'https://www.northwind.example/', 'Seattle, Washington', 'https://www.linkedin.com/company/northwind-traders/']);
  });

  it('broken JSON-LD is skipped with a warning; the valid @graph (with @id references) still reads', () => {
    const d = extractCapture(loadPage(fixture('page', 'broken-jsonld.html')), 'https://consulting.example/team');
    expect(d.warnings.some((w) => w.includes('JSON-LD'))).toBe(true);
    const org = d.contacts.find((c) => c.kind === 'organization')!;
    expect([org.name, org.emails[0]?.value, org.phones[0]?.e164, org.addresses[0]?.city]).toEqual(['Example Consulting', 'hello@consulting.example', '+442079460958', 'London']);
    const p = d.contacts.find((c) => c.name === 'Oliver Brown')!;
    expect([p.title, p.company, p.emails[0]?.value, p.social[0]?.network]).toEqual(['Partner', 'Example Consulting', 'oliver@consulting.example', 'linkedin']);
    expect(d.contacts.filter((c) => c.name === 'Example Consulting')).toHaveLength(1);
  });

  it('a page with 50 mailto links yields 50 contacts, fast; duplicates and mailto queries are merged', () => {
    const links = Array.from({ length: 50 }, (_, i) => `<li><a href="mailto:person${i}@other.example?subject=Hi">Person ${i}</a> <a href="mailto:PERSON${i}@other.example">Email</a></li>`).join('');
    const doc = toDocument(`<html><body><ul>${links}</ul></body></html>`);
    const t = performance.now();
    const d = extractCapture(doc, 'https://directory.example/people');
    expect(performance.now() - t).toBeLessThan(2000); // a blow-up guard, not a timing target
    const people = d.contacts.filter((c) => c.kind === 'person');
    expect(people).toHaveLength(50);
    expect(people[7]).toMatchObject({ name: 'Person 7', emails: [{ value: 'person7@other.example', label: '' }], company: '' });
  });

  it('a page with nothing recognisable says so', () => {
    const d = extractCapture(toDocument('<html><head><title>Just a blog post</title></head><body><p>Hello world.</p></body></html>'), 'https://blog.example/post');
    expect(d.contacts).toEqual([]);
    expect(d.warnings).toContain(NOTHING_FOUND);
  });

  it('JSON-LD that is not an object, deeply nested or cyclic by @id does not throw', () => {
    const nested = '{"@type":"Person","name":"A","knows":'.repeat(300) + '{}' + '}'.repeat(300);
    const html = `<script type="application/ld+json">${nested}</script><script type="application/ld+json">"x"</script>
      <script type="application/ld+json">{"@graph":[{"@id":"#a","@type":"Person","name":"Ann","knows":{"@id":"#b"}},{"@id":"#b","@type":"Person","name":"Bob","knows":{"@id":"#a"}}]}</script>`;
    const d = extractCapture(toDocument(`<html><head>${html}</head><body></body></html>`), 'https://x.example/');
    expect(d.contacts.map((c) => c.name)).toEqual(expect.arrayContaining(['A', 'Ann', 'Bob']));
  });
});

describe('extractFromSelection', () => {
  it('returns a selection draft; an address written in the text is kept when the parser finds no signature', () => {
    const d = extractFromSelection('Write to jane@example.com any time.', 'https://example.com/');
    expect(d.provider).toBe('selection');
    expect(d.contacts[0]?.emails[0]?.value).toBe('jane@example.com');
    expect(() => captureDraftSchema.parse(d)).not.toThrow();
  });

  it('nothing in the selection → no contacts and the warning', () => {
    const d = extractFromSelection('   ', 'https://example.com/');
    expect(d.contacts).toEqual([]);
    expect(d.warnings).toContain(NOTHING_FOUND);
  });
});
