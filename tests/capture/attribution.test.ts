import { describe, expect, it } from 'vitest';
import { extractCapture } from '../../lib/capture/index';
import { ORGANIZATION_TYPES, PERSON_TYPES, PLACE_TYPES } from '../../lib/capture/generic/schema-types.generated';
import { fixture, loadPage, toDocument } from './load';

const digits = (s: string) => s.replace(/\D/g, '');
const phonesOf = (contacts: ReturnType<typeof extractCapture>['contacts'], name: string) =>
  contacts.find((c) => c.name === name)?.phones.map((p) => digits(p.raw)) ?? [];

describe('schema.org type hierarchy (generated from the vocabulary)', () => {
  it.each(['Pharmacy', 'Library', 'SportsTeam', 'MusicGroup', 'DryCleaningOrLaundry', 'GovernmentOrganization', 'Dentist', 'Hotel', 'CollegeOrUniversity', 'LocalBusiness', 'NGO'])('%s is an organisation', (t) => {
    expect(ORGANIZATION_TYPES.has(t)).toBe(true);
  });
  it('Person and Patient are persons; Place subtypes that are not businesses are places', () => {
    expect([...PERSON_TYPES].sort()).toEqual(['Patient', 'Person']);
    expect(PLACE_TYPES.has('Museum')).toBe(true);
    expect(PLACE_TYPES.has('Hotel')).toBe(false);
    expect(ORGANIZATION_TYPES.has('PostalAddress')).toBe(false);
  });
});

describe('attribution by containment (tests/fixtures/page/venue-directory.html)', () => {
  const draft = extractCapture(loadPage(fixture('page', 'venue-directory.html')), 'https://cityguide.example/venues');
  it('each venue has its own number and no other venue\'s', () => {
    expect(phonesOf(draft.contacts, 'Jubilee Library')).toEqual(['441273290800']);
    expect(phonesOf(draft.contacts, 'North Laine Pharmacy')).toEqual(['441273600600']);
    expect(phonesOf(draft.contacts, 'Kemptown Dry Cleaners')).toEqual(['01273555123']);
    expect(phonesOf(draft.contacts, 'Brighton Dome')).toEqual(['441273709709']);
    expect(phonesOf(draft.contacts, 'Brighton Seagulls')).toEqual(['441273878288']);
  });
  it('a mailto inside a venue is that venue\'s email, not a person of its own', () => {
    expect(draft.contacts.find((c) => c.name === 'Jubilee Library')?.emails.map((e) => e.value)).toEqual(['library@brighton-hove.gov.uk']);
    expect(draft.contacts.filter((c) => c.emails.some((e) => e.value === 'library@brighton-hove.gov.uk'))).toHaveLength(1);
  });
  it('a PostalAddress written as text inside the item is kept', () => {
    expect(draft.contacts.find((c) => c.name === 'Jubilee Library')?.addresses[0]?.formatted).toBe('Jubilee Street, Brighton BN1 1GE');
  });
  it('the footer number outside every venue goes to the site itself, offered separately', () => {
    const site = draft.contacts.find((c) => c.name === 'CityGuide');
    expect(site?.phones.map((p) => digits(p.raw))).toEqual(['441273000111']);
    for (const c of draft.contacts.filter((x) => x !== site)) expect(c.phones.map((p) => digits(p.raw))).not.toContain('441273000111');
  });
  it('a company page with one organisation in JSON-LD still gets the page\'s tel: links', () => {
    const doc = toDocument(`<script type="application/ld+json">{"@type":"Corporation","name":"Acme"}</script><footer><a href="tel:+8610 6552 9988">call</a></footer>`);
    const d = extractCapture(doc, 'https://acme.example/');
    expect(d.contacts.map((c) => [c.name, c.phones.map((p) => digits(p.raw))])).toEqual([['Acme', ['861065529988']]]);
  });
});

describe('RDFa Lite (tests/fixtures/page/rdfa-lite.html)', () => {
  const draft = extractCapture(loadPage(fixture('page', 'rdfa-lite.html')), 'https://harbour.example/');
  it('reads the organisation with structured address, phone, email', () => {
    const org = draft.contacts.find((c) => c.name === 'Harbour Office');
    expect(org?.kind).toBe('organization');
    expect(org?.phones.map((p) => digits(p.raw))).toEqual(['442392000000']);
    expect(org?.emails.map((e) => e.value)).toEqual(['office@harbour.example']);
    expect(org?.addresses[0]).toMatchObject({ street: '1 Quay Road', city: 'Portsmouth', postalCode: 'PO1 2AB' });
  });
  it('the employee works there and keeps her own direct line (containment)', () => {
    const ann = draft.contacts.find((c) => c.name === 'Ann Lee');
    expect(ann).toMatchObject({ kind: 'person', company: 'Harbour Office', title: 'Harbour Master' });
    expect(ann?.phones.map((p) => digits(p.raw))).toEqual(['442392000001']);
    expect(phonesOf(draft.contacts, 'Harbour Office')).not.toContain('442392000001');
  });
  it('prefixed terms and rel chaining (RDFa 1.0 habits) read too', () => {
    const band = draft.contacts.find((c) => c.name === 'The Quay Singers');
    expect(band?.kind).toBe('organization');
    expect(band?.addresses[0]?.city).toBe('Southsea');
    expect(phonesOf(draft.contacts, 'The Quay Singers')).toEqual(['442392000002']);
  });
});

describe('schema.org forms in JSON-LD', () => {
  it('OrganizationRole: the member is a person of the organisation with the role as title', () => {
    const doc = toDocument(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"SportsTeam","name":"Sea Lions","member":{"@type":"OrganizationRole","roleName":"Coach","member":{"@type":"Person","name":"Pat Kim"}}}</script>`);
    const d = extractCapture(doc, 'https://x.example/');
    expect(d.contacts.find((c) => c.name === 'Pat Kim')).toMatchObject({ company: 'Sea Lions', title: 'Coach' });
  });
  it('ContactPoint phones and emails are the organisation\'s; a text PostalAddress is kept', () => {
    const doc = toDocument(`<script type="application/ld+json">{"@type":"Organization","name":"Acme","address":{"@type":"PostalAddress","name":"5 Main St, Springfield"},"contactPoint":[{"@type":"ContactPoint","telephone":"+1-401-555-1212","email":"help@acme.example","contactType":"customer service"}]}</script>`);
    const d = extractCapture(doc, 'https://acme.example/');
    expect(d.contacts).toHaveLength(1);
    expect(d.contacts[0]).toMatchObject({ name: 'Acme', emails: [{ value: 'help@acme.example' }] });
    expect(d.contacts[0]!.phones[0]!.raw).toBe('+1-401-555-1212');
    expect(d.contacts[0]!.addresses[0]!.formatted).toBe('5 Main St, Springfield');
  });
  it('a museum (Place) with a phone is a contact; a place without contact data is not', () => {
    const doc = toDocument(`<script type="application/ld+json">[{"@type":"Museum","name":"Sea Museum","telephone":"+44 1 2345 6789"},{"@type":"Mountain","name":"Ben Nevis"}]</script>`);
    expect(extractCapture(doc, 'https://x.example/').contacts.map((c) => c.name)).toEqual(['Sea Museum']);
  });
});

describe('the generated type module', () => {
  it('matches what scripts/gen-schema-types.mjs makes from the installed schema-dts', async () => {
    const { readFileSync } = await import('node:fs');
    // @ts-expect-error a plain .mjs build script without types
    const gen = (await import('../../scripts/gen-schema-types.mjs')) as { generate: () => string; target: string };
    expect(readFileSync(gen.target, 'utf8')).toBe(gen.generate());
  });
});
