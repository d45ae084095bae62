import { describe, expect, it } from 'vitest';
import { CLIP_OPTIONS_KEY, setClipOptions, takeClipOptions } from '../../lib/capture/clip-options';
import { readPage } from '../../lib/capture/page-reader';

const PAGE = `<html><head><title>Contact - Acme</title></head><body>
<h1>Contact us</h1><p>Acme Widgets</p><p>Tel: (415) 555-0134</p><p>Fax: 415-555-0199</p>
<p>Email: sales@acme.test</p><a href="tel:+86 138 0013 8000">China office</a>
<a href="tel:415.555.0100">Call our US desk</a></body></html>`;

function doc(html: string): Document {
  const d = document.implementation.createHTMLDocument('');
  d.documentElement.innerHTML = html.replace(/^<html>|<\/html>$/g, '');
  return d;
}

describe('"Clip this page" reader receives the settings', () => {
  it.each([
    ['US', ['+14155550100', '+14155550134', '+14155550199', '+8613800138000']],
    // Without the settings the region is CN: the tel: link without a country code is read as a Chinese number
    // (the signature parser's own US-shape rule still catches the labelled lines).
    [undefined, ['+14155550134', '+14155550199', '+8613800138000', '+864155550100']],
  ])('defaultRegion %s', (region, expected) => {
    setClipOptions(region ? { defaultRegion: region, ownEmails: [] } : {});
    const r = readPage(doc(PAGE), 'https://acme.test/contact', takeClipOptions());
    const phones = r.draft?.contacts.flatMap((c) => c.phones.map((p) => p.e164)).filter(Boolean);
    expect(phones?.sort()).toEqual([...expected].sort());
  });

  it.each<[unknown, object]>([
    [{ defaultRegion: 'US', ownEmails: ['me@x.test', 3] }, { defaultRegion: 'US', ownEmails: ['me@x.test'] }],
    [{ defaultRegion: 'usa<script>' }, {}],
    ['junk', {}],
    [undefined, {}],
  ])('takeClipOptions(%o) checks what it reads and removes it', (raw, expected) => {
    const scope: Record<string, unknown> = { [CLIP_OPTIONS_KEY]: raw };
    expect(takeClipOptions(scope)).toEqual(expected);
    expect(CLIP_OPTIONS_KEY in scope).toBe(false);
  });
});
