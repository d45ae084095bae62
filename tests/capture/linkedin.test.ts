import { describe, expect, it } from 'vitest';
import { extractCapture } from '../../lib/capture/index';
import { fixture, loadPage, toDocument } from './load';

const read = (file: string, url: string) => extractCapture(loadPage(fixture('page', file)), url);
const brief = (c: { name: string; title: string; company: string; addresses: Array<{ formatted?: string }> }) => [c.name, c.title, c.company, c.addresses[0]?.formatted];

describe('LinkedIn profiles: one contact, the current position, never past jobs or groups', () => {
  it('older public profile (hResume): current position, not the headline; no contact per past job or group; no title "LinkedIn"', () => {
    const d = read('linkedin-hresume-old.html', 'https://it.linkedin.com/pub/marco-bianchi/1/2/3');
    expect(d.contacts).toHaveLength(1);
    expect(brief(d.contacts[0]!)).toEqual(['Marco Bianchi', 'Export Manager', 'Pasta Sole S.p.A.', 'Milan Area, Italy']);
    expect(d.contacts[0]!.phones).toEqual([]);
  });
  it('logged-out public profile: experience list and JSON-LD agree on the current role; the headline is not a title', () => {
    const d = read('linkedin-public.html', 'https://cn.linkedin.com/in/lina-logistics');
    expect(d.contacts).toHaveLength(1);
    expect(brief(d.contacts[0]!)).toEqual(['Li Na', 'Regional Sales Director', 'Greenfield Logistics', 'Shanghai, China']);
    expect(d.contacts[0]!.social).toEqual([{ network: 'linkedin', handle: 'https://www.linkedin.com/in/lina-logistics/' }]);
  });
  it('logged-in profile: the current role inside a company group, the location, nothing from the headline', () => {
    const d = read('linkedin-loggedin.html', 'https://www.linkedin.com/in/samcarter/');
    expect(d.contacts).toHaveLength(1);
    expect(brief(d.contacts[0]!)).toEqual(['Sam Carter', 'VP, Data Science', 'Acme Analytics', 'Austin, Texas, United States']);
  });
  it('only JSON-LD: the employer whose role has not ended', () => {
    const doc = toDocument(`<html><head><title>Li Na | LinkedIn</title><script type="application/ld+json">{"@type":"Person","name":"Li Na","worksFor":[{"@type":"Organization","name":"Old Co","member":{"@type":"OrganizationRole","endDate":"2020"}},{"@type":"Organization","name":"New Co","member":{"@type":"OrganizationRole","startDate":"2020"}}]}</script></head><body></body></html>`);
    const c = extractCapture(doc, 'https://www.linkedin.com/in/lina').contacts;
    expect(c.map((x) => [x.name, x.company])).toEqual([['Li Na', 'New Co']]);
  });
  it('"Name - LinkedIn" titles never give the title "LinkedIn"', () => {
    const doc = toDocument('<html><head><title>Jane Roe - LinkedIn</title></head><body></body></html>');
    const c = extractCapture(doc, 'https://www.linkedin.com/in/janeroe').contacts[0]!;
    expect([c.name, c.title, c.company]).toEqual(['Jane Roe', '', '']);
  });
});
