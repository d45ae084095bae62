import { useEffect } from 'preact/hooks';

/**
 * Move keyboard focus to the first element matching `selector` once it is drawn (a card's heading
 * after it loads): a few animation frames at most, then give up quietly.
 */
export function focusWhenShown(selector: string, frames = 30): void {
  let n = 0;
  const go = () => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      if (!el.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) el.tabIndex = -1;
      el.focus();
    } else if (n++ < frames) requestAnimationFrame(go);
  };
  requestAnimationFrame(go);
}

/**
 * Escape closes the view while `active`, unless the key belongs to something that handles it
 * itself: a field being edited, a form (cancel), an open menu.
 */
export function useEscape(active: boolean, onEscape: () => void): void {
  useEffect(() => {
    if (!active) return;
    const on = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const el = e.target instanceof Element ? e.target : null;
      if (el?.closest('input, textarea, select, form, [contenteditable], [aria-expanded="true"], dialog')) return;
      onEscape();
    };
    document.addEventListener('keydown', on);
    return () => document.removeEventListener('keydown', on);
  }, [active, onEscape]);
}
