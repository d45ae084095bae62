import type { CardImageInput } from '../../domain/card-image';
import { useBundledOcrAssets } from './browser-assets';
import { decodeImage, type Rgba } from './decode';
import { OcrError } from './errors';
import { mergeSides, readCardPixels, type ReadCardResult } from './index';

/**
 * The side panel's and workspace's scan (extension pages only; loaded on first use): images → one
 * contact (two images = two sides), and each image re-encoded small to keep on the customer.
 */
export interface ScanInput {
  name: string;
  bytes?: Uint8Array;
  /** Pixels already cut from a screenshot. */
  pixels?: Rgba;
}
export interface ScanOutput extends ReadCardResult {
  images: CardImageInput[];
}

export class ScanError extends Error {
  constructor(readonly code: OcrError['code'] | 'screenshot', readonly file: string) {
    super(code);
  }
}

let configured = false;

export async function scanImages(inputs: ScanInput[], defaultRegion?: string): Promise<ScanOutput> {
  if (!configured) { useBundledOcrAssets(); configured = true; }
  const results: ReadCardResult[] = [];
  const images: CardImageInput[] = [];
  for (const [i, input] of inputs.slice(0, 2).entries()) {
    try {
      const img = input.pixels ?? (await decodeImage(input.bytes!));
      const res = await readCardPixels(img, { defaultRegion });
      results.push(res);
      images.push({ side: i === 0 ? 'front' : 'back', ...(await toStoredJpeg(img)) });
    } catch (e) {
      throw new ScanError(e instanceof OcrError ? e.code : 'engine', input.name);
    }
  }
  const merged = mergeSides(results);
  if (!merged.contacts.length) throw new ScanError('no-text', inputs.map((i) => i.name).join(', '));
  return { ...merged, images };
}

/** JPEG at most 1,600 px across, as base64, for the customer's card image. */
async function toStoredJpeg(img: Rgba): Promise<Omit<CardImageInput, 'side'>> {
  const k = Math.min(1, 1600 / Math.max(img.width, img.height));
  const src = new OffscreenCanvas(img.width, img.height);
  src.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), 0, 0);
  const w = Math.round(img.width * k), h = Math.round(img.height * k);
  const out = new OffscreenCanvas(w, h);
  out.getContext('2d')!.drawImage(src, 0, 0, w, h);
  const blob = await out.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { mime: 'image/jpeg', data: btoa(bin), width: w, height: h };
}
