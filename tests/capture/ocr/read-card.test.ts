// @vitest-environment node
// readCardImage on rendered cards (scripts/ocr-cards.mjs, committed in ./cards with their true fields):
// Chinese, English, bilingual; clean renders and photo-like ones (wood, scan, desk, fabric; rotated,
// perspective, blurred, dim). Tesseract runs in a worker thread, so this file runs in Node.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'fast-png';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../../lib/capture/ocr/decode';
import { closeOcr, OcrError, readCardImage, readCardPixels, readCardSides } from '../../../lib/capture/ocr/index';
import { quarterTurn } from '../../../lib/capture/ocr/preprocess';
import { scoreCard, type CardTruth } from './score';

const dir = path.join(import.meta.dirname, 'cards');
const cards = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { file: string; layout: string; truth: CardTruth });
const bytes = (file: string) => new Uint8Array(readFileSync(path.join(dir, file)));

afterAll(() => closeOcr());

describe('readCardImage', () => {
  for (const card of cards.filter((c) => c.layout !== 'vertical')) {
    it(`reads ${card.file}`, async () => {
      const res = await readCardImage(bytes(card.file));
      expect(res.contacts).toHaveLength(1);
      const c = res.contacts[0]!;
      const score = scoreCard(card.truth, c);
      expect(c.name).toBe(card.truth.name);
      expect(Object.entries(score).filter(([, ok]) => !ok).map(([f]) => f)).toEqual([]);
      expect(c.provenance.name).toBe('image');
      expect(res.text).toContain(card.truth.phones[0]!.slice(-4));
    }, 60_000);
  }

  it('a vertical (竖排) card: its sideways phone numbers and website are read from a quarter turn; its Chinese columns are not (no vertical data)', async () => {
    const card = cards.find((c) => c.layout === 'vertical')!;
    const res = await readCardImage(bytes(card.file));
    const c = res.contacts[0]!;
    const score = scoreCard(card.truth, c);
    expect([score.phone1, score.phone2, score.website]).toEqual([true, true, true]);
    expect(c.name).not.toBe(card.truth.name);
    // Without the quarter turns nothing of it is read.
    const upright = await readCardPixels(await decodeImage(bytes(card.file)), { rotate: false });
    expect(upright.contacts[0]?.phones ?? []).toEqual([]);
  }, 60_000);

  it.each([1, 3] as const)('a card photographed sideways (%i quarter turns) is read whole', async (q) => {
    const card = cards.find((c) => c.file.startsWith('card-030'))!;
    const res = await readCardPixels(quarterTurn(await decodeImage(bytes(card.file)), q));
    const score = scoreCard(card.truth, res.contacts[0]);
    expect(Object.entries(score).filter(([, ok]) => !ok).map(([f]) => f)).toEqual([]);
  }, 60_000);

  it('two sides of one card become one contact', async () => {
    const zh = cards.find((c) => c.file.startsWith('card-012'))!;
    const en = cards.find((c) => c.file.startsWith('card-030'))!;
    const res = await readCardSides([bytes(zh.file), bytes(en.file)]);
    expect(res.contacts).toHaveLength(1);
    const c = res.contacts[0]!;
    expect(c.name).toBe(zh.truth.name);
    expect(c.emails.map((e) => e.value)).toEqual([zh.truth.email, en.truth.email]);
    expect(c.notes).toContain(en.truth.name);
  }, 60_000);

  it('an image with no text gives no contact', async () => {
    const w = 600, h = 360;
    const png = encode({ width: w, height: h, data: new Uint8Array(w * h).fill(240), channels: 1 });
    const res = await readCardImage(png);
    expect(res.contacts).toEqual([]);
  }, 60_000);

  it('refuses what is no image, and what is too large, before any work', async () => {
    await expect(readCardImage(new TextEncoder().encode('BEGIN:VCARD\nFN:Not an image\nEND:VCARD'))).rejects.toMatchObject({ code: 'not-image' });
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await expect(readCardImage(big)).rejects.toBeInstanceOf(OcrError);
    await expect(readCardImage(big)).rejects.toMatchObject({ code: 'too-large' });
    // A PNG header with broken data.
    await expect(readCardImage(big.slice(0, 100))).rejects.toMatchObject({ code: 'unreadable' });
  });
});
