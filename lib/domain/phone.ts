import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { Phone } from './customer';

/** E.164 form of a typed number when libphonenumber can parse it, else undefined. */
export function toE164(raw: string, defaultRegion = 'CN'): string | undefined {
  const parsed = parsePhoneNumberFromString(raw, defaultRegion as CountryCode);
  return parsed?.isPossible() ? parsed.number : undefined;
}

/**
 * Keep what the user typed, add E.164 when parseable. An E.164 already chosen from evidence (the
 * signature's country, the sender's domain: lib/domain/phone-region) is kept: re-reading the raw
 * text with the default region would turn "06 04 65 83 40" (France) into a +86 number.
 */
export function normalisePhone(phone: { raw: string; label?: Phone['label']; e164?: string }, defaultRegion = 'CN'): Phone {
  const raw = phone.raw.trim();
  // Kept only while it is still the number written (an edited raw text drops a stale one).
  const given = phone.e164 && /^\+[1-9]\d{6,14}$/.test(phone.e164) && phoneDigits(raw).endsWith(phone.e164.slice(-7)) ? phone.e164 : undefined;
  return { raw, label: phone.label ?? 'other', e164: given ?? toE164(raw, defaultRegion) };
}

/** Only the digits: lets "the last 4 digits" find a number. */
export function phoneDigits(raw: string): string {
  return raw.replace(/\D+/g, '');
}
