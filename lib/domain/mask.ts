/**
 * Masking for lists (SPEC §8): "138****5678", "z***@example.com". The card shows the full value;
 * lists call these when settings.maskContacts is on.
 */

/** Keep the first 3 and last 4 digits of a phone number (fewer for short numbers); the rest become '*'. */
export function maskPhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  const keepHead = digits.length >= 10 ? 3 : digits.length >= 7 ? 2 : 0;
  const head = digits.slice(0, keepHead);
  const tail = digits.slice(-4);
  return `${raw.trim().startsWith('+') ? '+' : ''}${head}${'*'.repeat(digits.length - keepHead - 4)}${tail}`;
}

/** Keep the first character of the local part and the whole domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** A phone or email as a list shows it, masked or not. */
export const shownPhone = (raw: string, mask: boolean) => (mask ? maskPhone(raw) : raw);
export const shownEmail = (email: string, mask: boolean) => (mask ? maskEmail(email) : email);
