import type { Rgba } from './decode';

/** An 8-bit grayscale image. */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface PreprocessOptions {
  /** Find the card on a table/fabric background and warp its four corners to a rectangle. */
  crop?: boolean;
  /** Divide by the estimated paper brightness (shadows, dim light, vignetting). */
  flatten?: boolean;
  /** Straighten by the angle whose row profile is sharpest (when no card edge was found). */
  deskew?: boolean;
  /** The card's width after scaling: body text ends ~30 px high, where Tesseract reads best. */
  targetWidth?: number;
}

export interface Preprocessed {
  image: Gray;
  /** What was done, for the measurements and the notes. */
  steps: string[];
}

/** The picture turned by quarter turns clockwise (1 = 90°, 3 = 270°): a card photographed sideways, a vertical card's Latin runs. */
export function quarterTurn(img: Rgba, quarters: 1 | 3): Rgba {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const nx = quarters === 1 ? h - 1 - y : y;
      const ny = quarters === 1 ? x : w - 1 - x;
      const s = (y * w + x) * 4;
      const d = (ny * h + nx) * 4;
      out[d] = data[s]!;
      out[d + 1] = data[s + 1]!;
      out[d + 2] = data[s + 2]!;
      out[d + 3] = data[s + 3]!;
    }
  }
  return { width: h, height: w, data: out };
}

export function toGray(img: Rgba): Gray {
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  const d = img.data;
  for (let i = 0; i < n; i++) out[i] = (d[i * 4]! * 77 + d[i * 4 + 1]! * 150 + d[i * 4 + 2]! * 29) >> 8;
  return { width: img.width, height: img.height, data: out };
}

/** Area-average downscale by an integer factor (fast, no aliasing). */
export function shrink(g: Gray, f: number): Gray {
  if (f <= 1) return g;
  const w = Math.floor(g.width / f);
  const h = Math.floor(g.height / f);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * g.width + x * f;
        for (let dx = 0; dx < f; dx++) s += g.data[row + dx]!;
      }
      out[y * w + x] = s / (f * f);
    }
  }
  return { width: w, height: h, data: out };
}

/** Bilinear resample to the given size. */
export function resize(g: Gray, w: number, h: number): Gray {
  const out = new Uint8Array(w * h);
  const sx = g.width / w;
  const sy = g.height / h;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(g.height - 1.001, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(g.width - 1.001, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const tx = fx - x0;
      const i = y0 * g.width + x0;
      const a = g.data[i]! + (g.data[i + 1]! - g.data[i]!) * tx;
      const b = g.data[i + g.width]! + (g.data[i + g.width + 1]! - g.data[i + g.width]!) * tx;
      out[y * w + x] = a + (b - a) * ty;
    }
  }
  return { width: w, height: h, data: out };
}

export function otsu(data: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  const total = data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0, wB = 0, best = 0, t = 127;
  for (let i = 0; i < 256; i++) {
    wB += hist[i]!;
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += i * hist[i]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) { best = between; t = i; }
  }
  return t;
}

type Pt = [number, number];

/**
 * The card's four corners (in the given image's pixels), or undefined when no card stands out:
 * the largest bright connected region, filled, covering 15–92% of the picture and not the whole frame.
 */
export function findCard(small: Gray): [Pt, Pt, Pt, Pt] | undefined {
  const { width: w, height: h, data } = small;
  const t = otsu(data);
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++) mask[i] = data[i]! > t ? 1 : 0;
  // Close small gaps (text on the card) with a 5×5 max filter of the mask rows, then label components.
  const label = new Int32Array(w * h).fill(-1);
  let bestId = -1, bestArea = 0;
  const stack: number[] = [];
  const areas: number[] = [];
  let id = 0;
  for (let s = 0; s < mask.length; s++) {
    if (!mask[s] || label[s] !== -1) continue;
    let area = 0;
    stack.push(s);
    label[s] = id;
    while (stack.length) {
      const p = stack.pop()!;
      area++;
      const x = p % w, y = (p - x) / w;
      if (x > 0 && mask[p - 1] && label[p - 1] === -1) { label[p - 1] = id; stack.push(p - 1); }
      if (x < w - 1 && mask[p + 1] && label[p + 1] === -1) { label[p + 1] = id; stack.push(p + 1); }
      if (y > 0 && mask[p - w] && label[p - w] === -1) { label[p - w] = id; stack.push(p - w); }
      if (y < h - 1 && mask[p + w] && label[p + w] === -1) { label[p + w] = id; stack.push(p + w); }
    }
    areas.push(area);
    if (area > bestArea) { bestArea = area; bestId = id; }
    id++;
  }
  if (bestId < 0) return undefined;
  // The region's extent: fill each row between its first and last pixel (text holes do not matter).
  let filled = 0, touches = 0;
  let minX = w, maxX = 0, minY = h, maxY = 0;
  const rowL = new Int32Array(h).fill(-1), rowR = new Int32Array(h).fill(-1);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) if (label[y * w + x] === bestId) { if (rowL[y] === -1) rowL[y] = x; rowR[y] = x; }
    if (rowL[y]! >= 0) {
      filled += rowR[y]! - rowL[y]! + 1;
      minX = Math.min(minX, rowL[y]!); maxX = Math.max(maxX, rowR[y]!); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      if (rowL[y] === 0 || rowR[y] === w - 1) touches++;
    }
  }
  const frac = filled / (w * h);
  // A card cut by the frame on most rows is the whole picture (a scan, a screenshot): nothing to crop.
  if (frac < 0.15 || frac > 0.92 || touches > h * 0.5 || (minY === 0 && maxY === h - 1)) return undefined;
  // Corners: the region's points extreme along the two diagonals.
  let tl: Pt = [0, 0], tr: Pt = [0, 0], br: Pt = [0, 0], bl: Pt = [0, 0];
  let sMin = Infinity, sMax = -Infinity, dMin = Infinity, dMax = -Infinity;
  for (let y = 0; y < h; y++) {
    if (rowL[y]! < 0) continue;
    for (const x of [rowL[y]!, rowR[y]!]) {
      const s = x + y, d = x - y;
      if (s < sMin) { sMin = s; tl = [x, y]; }
      if (s > sMax) { sMax = s; br = [x, y]; }
      if (d > dMax) { dMax = d; tr = [x, y]; }
      if (d < dMin) { dMin = d; bl = [x, y]; }
    }
  }
  const quadArea = Math.abs(shoelace([tl, tr, br, bl]));
  // The four points must span most of the region (a quadrilateral), else it is no card shape.
  if (quadArea < filled * 0.8) return undefined;
  return cardShaped([tl, tr, br, bl]) ? [tl, tr, br, bl] : undefined;
}

/** Corners near right angles and a card's proportions (1.2–2.2 either way): else the region is no card. */
function cardShaped(q: Pt[]): boolean {
  for (let i = 0; i < 4; i++) {
    const a = q[(i + 3) % 4]!, b = q[i]!, c = q[(i + 1) % 4]!;
    const v1 = [a[0] - b[0], a[1] - b[1]], v2 = [c[0] - b[0], c[1] - b[1]];
    const cos = (v1[0]! * v2[0]! + v1[1]! * v2[1]!) / (Math.hypot(v1[0]!, v1[1]!) * Math.hypot(v2[0]!, v2[1]!) || 1);
    if (Math.abs(cos) > 0.34) return false; // further than ~20° from square
  }
  const w = (dist(q[0]!, q[1]!) + dist(q[3]!, q[2]!)) / 2, h = (dist(q[0]!, q[3]!) + dist(q[1]!, q[2]!)) / 2;
  const r = Math.max(w, h) / Math.max(1, Math.min(w, h));
  return r >= 1.2 && r <= 2.2;
}

function shoelace(p: Pt[]): number {
  let a = 0;
  for (let i = 0; i < p.length; i++) {
    const [x1, y1] = p[i]!, [x2, y2] = p[(i + 1) % p.length]!;
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

/** The homography mapping the unit rectangle (0..w, 0..h) onto the quad (tl, tr, br, bl). */
function homography(q: [Pt, Pt, Pt, Pt], w: number, h: number): number[] {
  // Solve for H with src rectangle corners → quad corners (8 unknowns, Gaussian elimination).
  const src: Pt[] = [[0, 0], [w, 0], [w, h], [0, h]];
  const A: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i]!, [u, v] = q[i]!;
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let piv = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
    [A[c], A[piv]] = [A[piv]!, A[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k < 9; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  return [...A.map((row, i) => row[8]! / row[i]!), 1];
}

/** Warp the quad to an upright w×h rectangle (bilinear). */
export function warp(g: Gray, q: [Pt, Pt, Pt, Pt], w: number, h: number): Gray {
  const H = homography(q, w, h);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const z = H[6]! * x + H[7]! * y + 1;
      const u = (H[0]! * x + H[1]! * y + H[2]!) / z;
      const v = (H[3]! * x + H[4]! * y + H[5]!) / z;
      const x0 = Math.floor(u), y0 = Math.floor(v);
      if (x0 < 0 || y0 < 0 || x0 >= g.width - 1 || y0 >= g.height - 1) { out[y * w + x] = 255; continue; }
      const tx = u - x0, ty = v - y0, i = y0 * g.width + x0;
      const a = g.data[i]! + (g.data[i + 1]! - g.data[i]!) * tx;
      const b = g.data[i + g.width]! + (g.data[i + g.width + 1]! - g.data[i + g.width]!) * tx;
      out[y * w + x] = a + (b - a) * ty;
    }
  }
  return { width: w, height: h, data: out };
}

/** Box blur of radius r (separable, running sums). */
function boxBlur(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    let s = 0;
    const row = y * w;
    for (let x = -r; x <= r; x++) s += src[row + Math.min(w - 1, Math.max(0, x))]!;
    for (let x = 0; x < w; x++) {
      tmp[row + x] = s / (2 * r + 1);
      s += src[row + Math.min(w - 1, x + r + 1)]! - src[row + Math.max(0, x - r)]!;
    }
  }
  for (let x = 0; x < w; x++) {
    let s = 0;
    for (let y = -r; y <= r; y++) s += tmp[Math.min(h - 1, Math.max(0, y)) * w + x]!;
    for (let y = 0; y < h; y++) {
      out[y * w + x] = s / (2 * r + 1);
      s += tmp[Math.min(h - 1, y + r + 1) * w + x]! - tmp[Math.max(0, y - r) * w + x]!;
    }
  }
  return out;
}

/**
 * Even out the light: estimate the paper's brightness on a coarse grid (a local max removes the ink),
 * smooth it, divide by it, then stretch so the ink is black and the paper white.
 */
export function flatten(g: Gray): Gray {
  const cell = Math.max(8, Math.round(Math.max(g.width, g.height) / 60));
  const cw = Math.ceil(g.width / cell), ch = Math.ceil(g.height / cell);
  const grid = new Float32Array(cw * ch);
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      // The 90th percentile of the cell: paper, even where a letter covers part of it.
      const hist = new Uint32Array(32);
      let n = 0;
      for (let y = cy * cell; y < Math.min(g.height, (cy + 1) * cell); y += 2) {
        for (let x = cx * cell; x < Math.min(g.width, (cx + 1) * cell); x += 2) { hist[g.data[y * g.width + x]! >> 3]!++; n++; }
      }
      let acc = 0, v = 31;
      for (; v > 0; v--) { acc += hist[v]!; if (acc >= n * 0.1) break; }
      grid[cy * cw + cx] = v * 8 + 4;
    }
  }
  // Spread the paper value over cells filled by large dark print (a local max), then smooth.
  const dil = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) {
    let m = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const yy = y + dy, xx = x + dx;
      if (yy >= 0 && yy < ch && xx >= 0 && xx < cw) m = Math.max(m, grid[yy * cw + xx]!);
    }
    dil[y * cw + x] = m;
  }
  const smooth = boxBlur(dil, cw, ch, 2);
  const out = new Uint8Array(g.width * g.height);
  const hist = new Uint32Array(256);
  for (let y = 0; y < g.height; y++) {
    const fy = Math.min(ch - 1.001, Math.max(0, y / cell - 0.5));
    const y0 = Math.floor(fy), ty = fy - y0;
    for (let x = 0; x < g.width; x++) {
      const fx = Math.min(cw - 1.001, Math.max(0, x / cell - 0.5));
      const x0 = Math.floor(fx), tx = fx - x0;
      const i = y0 * cw + x0;
      const a = smooth[i]! + (smooth[i + 1]! - smooth[i]!) * tx;
      const b = smooth[i + cw]! + (smooth[i + cw + 1]! - smooth[i + cw]!) * tx;
      const bg = Math.max(24, a + (b - a) * ty);
      const v = Math.min(255, (g.data[y * g.width + x]! / bg) * 255);
      out[y * g.width + x] = v;
      hist[v | 0]!++;
    }
  }
  // Stretch: the darkest 0.5% to black, the paper (255 after division) stays white.
  let acc = 0, lo = 0;
  const n = g.width * g.height;
  for (; lo < 255; lo++) { acc += hist[lo]!; if (acc > n * 0.005) break; }
  const span = Math.max(40, 250 - lo);
  for (let i = 0; i < n; i++) out[i] = Math.max(0, Math.min(255, ((out[i]! - lo) / span) * 255));
  return { width: g.width, height: g.height, data: out };
}

/** Rotate about the centre by `deg` degrees (white fill). */
export function rotate(g: Gray, deg: number): Gray {
  const a = (deg * Math.PI) / 180, c = Math.cos(a), s = Math.sin(a);
  const w = g.width, h = g.height, cx = w / 2, cy = h / 2;
  const out = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const u = c * (x - cx) + s * (y - cy) + cx, v = -s * (x - cx) + c * (y - cy) + cy;
    const x0 = Math.floor(u), y0 = Math.floor(v);
    if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) continue;
    const tx = u - x0, ty = v - y0, i = y0 * w + x0;
    const p = g.data[i]! + (g.data[i + 1]! - g.data[i]!) * tx;
    const q = g.data[i + w]! + (g.data[i + w + 1]! - g.data[i + w]!) * tx;
    out[y * w + x] = p + (q - p) * ty;
  }
  return { width: w, height: h, data: out };
}

/** The skew angle (degrees, −12…12) whose horizontal ink profile is sharpest: text lines line up. */
export function skewAngle(g: Gray): number {
  const f = Math.max(1, Math.floor(g.width / 500));
  const small = shrink(g, f);
  const t = Math.min(otsu(small.data), 200);
  const ink: number[] = [];
  for (let y = 0; y < small.height; y++) for (let x = 0; x < small.width; x++) if (small.data[y * small.width + x]! < t) ink.push(x, y);
  if (ink.length < 40) return 0;
  const score = (deg: number) => {
    const a = (deg * Math.PI) / 180, s = Math.sin(a), c = Math.cos(a);
    const rows = new Float64Array(small.height * 2 + small.width);
    const off = small.width;
    for (let i = 0; i < ink.length; i += 2) rows[Math.round(ink[i + 1]! * c - ink[i]! * s) + off]!++;
    let v = 0;
    for (let i = 0; i < rows.length; i++) v += rows[i]! * rows[i]!;
    return v;
  };
  let best = 0, bestScore = score(0);
  for (let d = -12; d <= 12; d += 1) { const sc = score(d); if (sc > bestScore) { bestScore = sc; best = d; } }
  for (let d = best - 0.8; d <= best + 0.8; d += 0.2) { const sc = score(d); if (sc > bestScore) { bestScore = sc; best = d; } }
  return Math.round(best * 10) / 10;
}

const dist = (a: Pt, b: Pt) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Grayscale → card crop and perspective → light evened → straightened → scaled for Tesseract. */
export function preprocess(img: Rgba, o: PreprocessOptions = {}): Preprocessed {
  const { crop = true, flatten: doFlatten = true, deskew = true, targetWidth = 1800 } = o;
  const steps: string[] = [];
  let g = toGray(img);
  let cropped = false;
  if (crop) {
    const f = Math.max(1, Math.round(Math.max(g.width, g.height) / 400));
    const quad = findCard(shrink(g, f));
    if (quad) {
      const q = quad.map(([x, y]) => [x * f + f / 2, y * f + f / 2] as Pt) as [Pt, Pt, Pt, Pt];
      // Pull the corners in a little: the card's edge and its shadow are no text.
      const cxm = (q[0][0] + q[1][0] + q[2][0] + q[3][0]) / 4, cym = (q[0][1] + q[1][1] + q[2][1] + q[3][1]) / 4;
      const inset = q.map(([x, y]) => [x + (cxm - x) * 0.01, y + (cym - y) * 0.01] as Pt) as [Pt, Pt, Pt, Pt];
      const wTop = dist(inset[0], inset[1]), wBot = dist(inset[3], inset[2]);
      const hL = dist(inset[0], inset[3]), hR = dist(inset[1], inset[2]);
      const cardW = (wTop + wBot) / 2, cardH = (hL + hR) / 2;
      const scale = targetWidth / cardW;
      g = warp(g, inset, Math.round(targetWidth), Math.max(16, Math.round(cardH * scale)));
      cropped = true;
      steps.push('crop');
    }
  }
  if (!cropped) {
    const longest = Math.max(g.width, g.height);
    const want = g.width >= g.height ? targetWidth : targetWidth * 0.75;
    const scale = Math.min(3, want / longest);
    if (Math.abs(scale - 1) > 0.1) {
      g = scale < 0.5 ? shrink(g, Math.floor(1 / scale)) : resize(g, Math.round(g.width * scale), Math.round(g.height * scale));
      steps.push(`scale ${scale.toFixed(2)}`);
    }
  }
  if (doFlatten) { g = flatten(g); steps.push('flatten'); }
  if (deskew) {
    const a = skewAngle(g);
    if (Math.abs(a) >= 0.4) { g = rotate(g, -a); steps.push(`deskew ${a}`); }
  }
  return { image: g, steps };
}

/** PGM (P5): the simplest format Leptonica reads, so Tesseract gets exactly these pixels. */
export function encodePgm(g: Gray): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${g.width} ${g.height}\n255\n`);
  const out = new Uint8Array(head.length + g.data.length);
  out.set(head);
  out.set(g.data, head.length);
  return out;
}
