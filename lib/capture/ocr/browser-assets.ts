import { browser } from 'wxt/browser';
import { setOcrAssets } from './engine';

/** The OCR files bundled in the extension (wxt.config.ts copies them into ocr/). Extension pages only. */
export function useBundledOcrAssets(): void {
  const url = (p: string) => browser.runtime.getURL(p as '/');
  setOcrAssets({
    workerPath: url('/ocr/worker.min.js'),
    corePath: url('/ocr/core/'),
    langPath: () => url('/ocr/lang').replace(/\/$/, ''),
  });
}
