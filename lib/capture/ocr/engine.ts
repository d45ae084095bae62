import Tesseract from 'tesseract.js';
import { OcrError } from './errors';

/** Which trained data: `best_int` (LSTM from tessdata_best, integer: 4.7 MB) or `full` (tessdata, 31 MB). */
export type DataVariant = 'best_int' | 'full';
export const DATA_VARIANT: DataVariant = 'full';
export const LANGS = ['chi_sim', 'eng'] as const;

/** Where the engine's files are: the extension bundles them (see wxt.config.ts); Node reads node_modules. */
export interface OcrAssets {
  /** tesseract.js's worker script (extension: a bundled URL; Node: undefined, the package's own). */
  workerPath?: string;
  /** Directory of tesseract.js-core builds (the engine picks SIMD or not). */
  corePath?: string;
  /** Directory (URL in the extension, path in Node) holding `<code>.traineddata.gz` of every language. */
  langPath(variant: DataVariant): string;
}

let assets: OcrAssets | undefined;
/** The extension's OCR worker sets its bundled files here before the first read. */
export function setOcrAssets(a: OcrAssets): void {
  assets = a;
}

/**
 * Node (vitest, scripts): the data files from node_modules, no fetch. tesseract.js reads every
 * language from one directory and the two packages have one each, so a temporary directory links both
 * (tesseract.js 7's in-memory `{ code, data }` languages pass the bytes where Init wants the code).
 * Built-ins come through process.getBuiltinModule so the extension's bundle never sees a node: import.
 */
function nodeAssets(): OcrAssets {
  const proc = (globalThis as { process?: { getBuiltinModule?: (m: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.('module') as { createRequire(u: string): NodeJS.Require } | undefined;
  const fs = proc?.getBuiltinModule?.('fs') as typeof import('fs') | undefined;
  const os = proc?.getBuiltinModule?.('os') as typeof import('os') | undefined;
  if (!mod || !fs || !os) throw new OcrError('engine', 'no OCR assets configured');
  const req = mod.createRequire(import.meta.url);
  return {
    langPath(variant) {
      const pkgDir = (code: string) => req.resolve(`@tesseract.js-data/${code}/package.json`).replace(/package\.json$/, '');
      const srcOf = (code: string) => `${pkgDir(code)}${variant === 'full' ? '4.0.0' : '4.0.0_best_int'}/${code}.traineddata.gz`;
      // One directory per checkout: another checkout's links (or links left dangling when it moved)
      // must not be followed. Named by a short hash of the source paths.
      let h = 0;
      for (const ch of LANGS.map(srcOf).join('|')) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
      const dir = `${os.tmpdir()}/cardfile-ocr-${variant}-${h.toString(36)}`;
      fs.mkdirSync(dir, { recursive: true });
      for (const code of LANGS) {
        const src = srcOf(code);
        const link = `${dir}/${code}.traineddata.gz`;
        const linked = () => { try { return fs.readlinkSync(link) === src; } catch { return false; } };
        if (linked()) continue;
        fs.rmSync(link, { force: true });
        try {
          fs.symlinkSync(src, link);
        } catch {
          // A parallel test worker made it first (fine), or links are not allowed here (copy).
          if (!linked()) fs.copyFileSync(src, link);
        }
      }
      return dir;
    },
  };
}

export interface EngineOptions {
  variant?: DataVariant;
  psm?: Tesseract.PSM;
}

interface Engine {
  worker: Tesseract.Worker;
  key: string;
}
let engine: Promise<Engine> | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** The worker holds ~100 MB: let it go after a minute unused (the next read starts it again). */
const IDLE_MS = 60_000;

async function start(variant: DataVariant): Promise<Engine> {
  const a = assets ?? nodeAssets();
  try {
    const worker = await Tesseract.createWorker([...LANGS], Tesseract.OEM.LSTM_ONLY, {
      langPath: a.langPath(variant),
      ...(a.workerPath ? { workerPath: a.workerPath } : {}),
      ...(a.corePath ? { corePath: a.corePath } : {}),
      // MV3 pages may not start workers from blob: URLs; nothing is cached or fetched elsewhere.
      workerBlobURL: false,
      cacheMethod: 'none',
      gzip: true,
    });
    return { worker, key: variant };
  } catch (e) {
    throw new OcrError('engine', String(e));
  }
}

async function getEngine(variant: DataVariant): Promise<Engine> {
  if (engine) {
    const e = await engine.catch(() => undefined);
    if (e && e.key === variant) return e;
    if (e) await e.worker.terminate().catch(() => {});
  }
  engine = start(variant);
  engine.catch(() => { engine = undefined; });
  return engine;
}

function armIdle(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void closeOcr(), IDLE_MS);
  (idleTimer as { unref?: () => void }).unref?.();
}

/** Start the engine (worker, WASM core, both languages' data) ahead of the first read: first-use time in the bench. */
export async function warmOcr(variant: DataVariant = DATA_VARIANT): Promise<void> {
  await getEngine(variant);
  armIdle();
}

/** Stop the engine now (tests; the page going away). */
export async function closeOcr(): Promise<void> {
  const e = engine;
  engine = undefined;
  if (idleTimer) clearTimeout(idleTimer);
  if (e) await (await e.catch(() => undefined))?.worker.terminate().catch(() => {});
}

/** One Tesseract pass over an encoded image (we hand it PGM), returning the page with its blocks. */
export async function recognize(image: Uint8Array, o: EngineOptions = {}): Promise<Tesseract.Page> {
  const { worker } = await getEngine(o.variant ?? DATA_VARIANT);
  try {
    await worker.setParameters({
      tessedit_pageseg_mode: o.psm ?? Tesseract.PSM.SPARSE_TEXT,
      preserve_interword_spaces: '1',
      user_defined_dpi: '300',
    });
    const { data } = await worker.recognize(image as unknown as Tesseract.ImageLike, {}, { text: true, blocks: true });
    return data;
  } catch (e) {
    throw new OcrError('engine', String(e));
  } finally {
    armIdle();
  }
}
