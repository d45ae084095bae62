/**
 * The dedupe key of a message the page shows no id for: sender + date + subject, so clipping (or
 * auto-logging) the same message twice logs it once. Webmail pages print the time to the minute,
 * so the date is rounded to the minute; the subject drops reply prefixes and spacing. Without a
 * date the start of the text stands in, so two messages with one subject do not merge.
 */
export interface FingerprintInput {
  provider: string;
  senderEmail: string;
  occurredAt?: number;
  subject?: string;
  snippet?: string;
}

const REPLY_PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|vs|tr|rif|r|回复|答复|转发)\s*(\[\d+\])?\s*[:：]\s*)+/i;

export function normaliseSubject(subject: string | undefined): string {
  return (subject ?? '').replace(REPLY_PREFIX, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** FNV-1a, 2×32 bits: short, stable, no crypto needed (the key is not secret, only unique enough). */
function hash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 2246822519);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

export function messageFingerprint(m: FingerprintInput): string {
  const minute = m.occurredAt !== undefined && Number.isFinite(m.occurredAt) ? Math.floor(m.occurredAt / 60_000) : `text:${(m.snippet ?? '').slice(0, 200)}`;
  return `${m.provider}:fp:${hash(`${m.senderEmail.trim().toLowerCase()}\n${minute}\n${normaliseSubject(m.subject)}`)}`;
}
