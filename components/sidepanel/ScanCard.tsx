import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ContactDraft } from '../../lib/domain/contact-draft';
import { t, type MessageKey } from '../../lib/i18n';
import { settings } from '../../lib/state/settings';
import { panelRequestItem, pendingCaptureItem } from '../../lib/ui/panel-request';
import { setScannedImages } from '../../lib/ui/scan-state';

/** Files the scanner takes: by type, or by name when the browser gives no type (HEIC often). */
export const isImageFile = (f: File) => f.type.startsWith('image/') || /\.(png|jpe?g|webp|heic|heif|avif|gif|bmp)$/i.test(f.name);

type Input = { name: string; bytes?: Uint8Array; pixels?: { width: number; height: number; data: Uint8ClampedArray } };

/** Read the images (the OCR code loads only now), then open the review form with the contact. */
export async function scanAndReview(inputs: Input[]): Promise<void> {
  const { scanImages } = await import('../../lib/capture/ocr/scan');
  const out = await scanImages(inputs, settings.value.defaultRegion);
  const at = Date.now();
  setScannedImages(at, out.images);
  const contacts: ContactDraft[] = out.contacts.map((c) => ({ ...c, notes: c.notes || out.text.slice(0, 2000) }));
  await pendingCaptureItem.setValue({ draft: { provider: 'image', contacts, warnings: [] }, tabUrl: '', tabTitle: inputs.map((i) => i.name).join(' + '), at });
  await panelRequestItem.setValue({ view: 'review', at });
}

/** The message for a failed scan, in the user's language. */
export function scanErrorText(e: unknown, file: string): string {
  const code = (e as { code?: string })?.code ?? 'engine';
  const key = `scanError.${code}` as MessageKey;
  const text = t(key, { file: (e as { file?: string })?.file || file });
  return text === key ? t('scanError.engine') : text;
}

/** Over this a file is refused before it is read (lib/capture/ocr/decode.ts says the same of bytes). */
const MAX_FILE_BYTES = 25 * 1024 * 1024;

export async function filesToInputs(files: File[]): Promise<Input[]> {
  const big = files.find((f) => f.size > MAX_FILE_BYTES);
  if (big) throw Object.assign(new Error('too-large'), { code: 'too-large', file: big.name });
  return Promise.all(files.slice(0, 2).map(async (f) => ({ name: f.name || 'image', bytes: new Uint8Array(await f.arrayBuffer()) })));
}

interface Box { x0: number; y0: number; x1: number; y1: number }

/**
 * Scan a card: drop, paste or choose one or two images, or screenshot the current tab and draw a
 * box around the contact block. Shown in the side panel (and the workspace's new-card form).
 */
export function ScanCard(props: { onCancel?(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [shot, setShot] = useState<string | null>(null);
  const [box, setBox] = useState<Box | null>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);
  const imgRef = useRef<HTMLImageElement>(null);

  const run = async (inputs: Input[] | Promise<Input[]>, label: string) => {
    setBusy(true);
    setError('');
    try {
      await scanAndReview(await inputs);
    } catch (e) {
      setError(scanErrorText(e, label));
    } finally {
      setBusy(false);
    }
  };
  const takeFiles = (list: FileList | File[] | null | undefined) => {
    const files = [...(list ?? [])];
    if (!files.length) return;
    void run(filesToInputs(files), files.map((f) => f.name).join(', '));
  };

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])].filter(isImageFile);
      if (files.length) { e.preventDefault(); takeFiles(files); }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  // Capturing needs activeTab (we ask for no <all_urls>): Chrome grants it when the user clicks the toolbar
  // button, a menu item or a command shortcut on the tab, and keeps it until the tab navigates; a click in
  // this panel does not grant it. The message says how to get the grant.
  async function screenshot() {
    setError('');
    try {
      const win = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
      setShot(await browser.tabs.captureVisibleTab(win.id!, { format: 'png' }));
      setBox(null);
    } catch {
      setError(t('scanError.screenshot'));
    }
  }

  /** The screenshot's pixels inside the box (natural image coordinates), or all of it. */
  function shotPixels(whole: boolean): Input {
    const img = imgRef.current!;
    const sx = img.naturalWidth / img.clientWidth, sy = img.naturalHeight / img.clientHeight;
    const b = !whole && box ? box : { x0: 0, y0: 0, x1: img.clientWidth, y1: img.clientHeight };
    const x = Math.round(Math.min(b.x0, b.x1) * sx), y = Math.round(Math.min(b.y0, b.y1) * sy);
    const w = Math.max(16, Math.round(Math.abs(b.x1 - b.x0) * sx)), h = Math.max(16, Math.round(Math.abs(b.y1 - b.y0) * sy));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, x, y, w, h, 0, 0, w, h);
    const data = ctx.getImageData(0, 0, w, h);
    return { name: t('scanScreenshot'), pixels: { width: w, height: h, data: data.data } };
  }

  const point = (e: PointerEvent) => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: Math.max(0, Math.min(r.width, e.clientX - r.left)), y: Math.max(0, Math.min(r.height, e.clientY - r.top)) };
  };

  return (
    <section class="scan" data-testid="scan">
      <h2>{t('scanTitle')}</h2>
      <p class="muted small">{t('scanHelp')}</p>
      {!shot && (
        <div
          class="scan__drop"
          data-testid="scan-drop"
          onDragOver={(e) => { if (e.dataTransfer?.types.includes('Files')) { e.preventDefault(); e.stopPropagation(); } }}
          onDrop={(e) => { e.preventDefault(); e.stopPropagation(); takeFiles(e.dataTransfer?.files); }}
        >
          {t('scanDrop')}
          <div class="row">
            <label class="button">
              {t('scanChoose')}
              <input type="file" accept="image/*,.heic,.heif" multiple hidden data-testid="scan-input" disabled={busy} onChange={(e) => takeFiles(e.currentTarget.files)} />
            </label>
            <button type="button" onClick={() => void screenshot()} disabled={busy} data-testid="scan-screenshot">{t('scanScreenshot')}</button>
          </div>
        </div>
      )}
      {shot && (
        <div class="scan__shot">
          <p class="small">{t('scanDrawBox')}</p>
          <div
            class="scan__frame"
            style={{ position: 'relative', touchAction: 'none', cursor: 'crosshair' }}
            onPointerDown={(e) => { const p = point(e); drag.current = p; setBox({ x0: p.x, y0: p.y, x1: p.x, y1: p.y }); (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId); }}
            onPointerMove={(e) => { if (drag.current) { const p = point(e); setBox({ x0: drag.current.x, y0: drag.current.y, x1: p.x, y1: p.y }); } }}
            onPointerUp={() => { drag.current = null; }}
          >
            <img ref={imgRef} src={shot} alt={t('scanImageAlt')} style={{ width: '100%', display: 'block' }} draggable={false} />
            {box && (
              <div style={{ position: 'absolute', left: `${Math.min(box.x0, box.x1)}px`, top: `${Math.min(box.y0, box.y1)}px`, width: `${Math.abs(box.x1 - box.x0)}px`, height: `${Math.abs(box.y1 - box.y0)}px`, outline: '2px solid #1f5fa8', background: 'rgba(31,95,168,.12)' }} />
            )}
          </div>
          <div class="row">
            <button type="button" class="primary" disabled={busy || !box || Math.abs(box.x1 - box.x0) < 8} onClick={() => void run([shotPixels(false)], t('scanScreenshot'))}>{t('scanReadBox')}</button>
            <button type="button" disabled={busy} onClick={() => void run([shotPixels(true)], t('scanScreenshot'))}>{t('scanWholeShot')}</button>
            <button type="button" class="link" onClick={() => setShot(null)}>{t('scanCancel')}</button>
          </div>
        </div>
      )}
      {busy && <p class="notice" role="status" data-testid="scan-busy">{t('scanReading')}</p>}
      {error && <p class="error" role="alert" data-testid="scan-error">{error}</p>}
      {props.onCancel && <button type="button" class="link" onClick={props.onCancel}>{t('scanCancel')}</button>}
    </section>
  );
}
