/**
 * Thrown by a webmail adapter when it cannot find what it needs on the page (no open message,
 * a layout it does not understand). The UI says "couldn't read this message" and offers the
 * form by hand; a half-read draft is never returned silently (STYLE.md: fail loud).
 */
export class CaptureReadError extends Error {
  override readonly name = 'CaptureReadError';
  constructor(
    readonly provider: string,
    readonly reason: string,
  ) {
    super(`couldn't read this message (${provider}: ${reason})`);
  }
}

/** True for a CaptureReadError, also one that crossed a structured-clone boundary as a plain object. */
export function isCaptureReadError(e: unknown): e is CaptureReadError {
  return e instanceof CaptureReadError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'CaptureReadError');
}
