import { signal } from '@preact/signals';
import { t } from '../../lib/i18n';

interface ToastState { text: string; undo?: () => void }

/** One transient message at a time, optionally with Undo. */
export const toast = signal<ToastState | null>(null);
let timer: ReturnType<typeof setTimeout> | undefined;

export function showToast(text: string, undo?: () => void, ms = 8000): void {
  toast.value = { text, undo };
  clearTimeout(timer);
  timer = setTimeout(() => { toast.value = null; }, ms);
}

export function Toast() {
  const s = toast.value;
  if (!s) return null;
  return (
    <div class="toast" role="status">
      {s.text}
      {s.undo && (
        <button onClick={() => { s.undo?.(); toast.value = null; }}>{t('undo')}</button>
      )}
    </div>
  );
}
