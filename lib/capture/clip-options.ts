import type { CaptureOptions } from './adapter';

/** Where the background leaves the reader's options: a global of the extension's isolated world, which the page cannot see. */
export const CLIP_OPTIONS_KEY = '__cardfileClipOptions';

/**
 * Runs INSIDE the tab, injected just before the reader (scripting.executeScript serialises this
 * function, so it uses nothing but its argument): a file injection cannot take arguments.
 */
export function setClipOptions(options: { defaultRegion?: string; ownEmails?: string[] }): void {
  (globalThis as Record<string, unknown>)['__cardfileClipOptions'] = options;
}

/** The options left by setClipOptions (checked, then removed so a later clip cannot reuse them). */
export function takeClipOptions(scope: Record<string, unknown> = globalThis as Record<string, unknown>): CaptureOptions {
  const raw = scope[CLIP_OPTIONS_KEY] as { defaultRegion?: unknown; ownEmails?: unknown } | undefined;
  delete scope[CLIP_OPTIONS_KEY];
  const out: CaptureOptions = {};
  if (typeof raw?.defaultRegion === 'string' && /^[A-Z]{2}$/.test(raw.defaultRegion)) out.defaultRegion = raw.defaultRegion;
  if (Array.isArray(raw?.ownEmails)) out.ownEmails = raw.ownEmails.filter((e): e is string => typeof e === 'string').slice(0, 50);
  return out;
}
