import { decode as decodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import { OcrError } from './errors';

/** An image as 8-bit RGBA pixels (the shape of ImageData). */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** Bigger files are refused before decoding: a card photo is a few MB; 50 MB is no card. */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
/** Bigger pictures are refused: 40 megapixels decode to 160 MB of RGBA. */
export const MAX_PIXELS = 40_000_000;

export type ImageKind = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp' | 'heic' | 'avif';

/** The format, from the file's first bytes (never from its name or a claimed type). */
export function sniffImage(b: Uint8Array): ImageKind | undefined {
  const at = (i: number, ...v: number[]) => v.every((x, k) => b[i + k] === x);
  const ascii = (i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return 'webp';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 2) === 'BM') return 'bmp';
  if (ascii(4, 4) === 'ftyp') {
    const brand = ascii(8, 4);
    if (/^(avif|avis)$/.test(brand)) return 'avif';
    if (/^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(brand)) return 'heic';
  }
  return undefined;
}

/**
 * Decode PNG and JPEG in plain JavaScript (the same in Node and in the extension's worker); other
 * formats (WebP, GIF, BMP, HEIC, AVIF) through the browser's own decoder when there is one.
 */
export async function decodeImage(bytes: Uint8Array): Promise<Rgba> {
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new OcrError('too-large');
  const kind = sniffImage(bytes);
  if (!kind) throw new OcrError('not-image');
  // In the extension the browser decodes off the main thread (and knows WebP/HEIC); Node has no such API.
  if (typeof createImageBitmap === 'function' && typeof OffscreenCanvas === 'function') {
    try {
      return await decodeWithBrowser(bytes, kind);
    } catch (e) {
      if (!(kind === 'png' || kind === 'jpeg') || (e instanceof OcrError && e.code === 'too-large')) throw e;
    }
  }
  try {
    if (kind === 'png') {
      const png = decodePng(bytes);
      checkPixels(png.width, png.height);
      return pngToRgba(png);
    }
    if (kind === 'jpeg') {
      const j = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 400 });
      return { width: j.width, height: j.height, data: j.data };
    }
  } catch (e) {
    if (e instanceof OcrError) throw e;
    throw new OcrError(/maxResolution|memory/i.test(String(e)) ? 'too-large' : 'unreadable');
  }
  return decodeWithBrowser(bytes, kind);
}

function checkPixels(w: number, h: number): void {
  if (w * h > MAX_PIXELS) throw new OcrError('too-large');
  if (w < 16 || h < 16) throw new OcrError('no-text');
}

type Png = ReturnType<typeof decodePng>;
function pngToRgba(png: Png): Rgba {
  const { width, height, channels, depth } = png;
  const n = width * height;
  const out = new Uint8Array(n * 4);
  const src = png.data;
  const shift = depth === 16 ? 8 : 0;
  const palette = png.palette;
  for (let i = 0; i < n; i++) {
    let r: number, g: number, b: number, a = 255;
    if (palette) {
      const idx = src[i]!;
      const p = palette[idx] ?? [0, 0, 0];
      [r, g, b] = p as [number, number, number];
      a = (p as number[])[3] ?? 255;
    } else if (channels >= 3) {
      r = src[i * channels]! >> shift; g = src[i * channels + 1]! >> shift; b = src[i * channels + 2]! >> shift;
      if (channels === 4) a = src[i * channels + 3]! >> shift;
    } else {
      r = g = b = src[i * channels]! >> shift;
      if (channels === 2) a = src[i * channels + 1]! >> shift;
    }
    if (depth < 8 && !palette) r = g = b = Math.round((r * 255) / ((1 << depth) - 1));
    // Transparent pixels read as white paper.
    if (a < 255) { const k = a / 255; r = r * k + 255 * (1 - k); g = g * k + 255 * (1 - k); b = b * k + 255 * (1 - k); }
    out[i * 4] = r; out[i * 4 + 1] = g; out[i * 4 + 2] = b; out[i * 4 + 3] = 255;
  }
  return { width, height, data: out };
}

async function decodeWithBrowser(bytes: Uint8Array, kind: ImageKind): Promise<Rgba> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') throw new OcrError('unsupported-format');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: `image/${kind}` }));
  } catch {
    throw new OcrError(kind === 'heic' || kind === 'avif' ? 'unsupported-format' : 'unreadable');
  }
  checkPixels(bitmap.width, bitmap.height);
  // A phone photo (12 MP) is read at most 2,400 px across: the card then still has ~30 px text.
  const k = Math.min(1, 2400 / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * k)), h = Math.max(1, Math.round(bitmap.height * k));
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new OcrError('unreadable');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { width: img.width, height: img.height, data: img.data };
}
