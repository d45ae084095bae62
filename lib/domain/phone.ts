import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { Phone } from './customer';

/** E.164 form of a typed number when libphonenumber can parse it, else undefined. */
export function toE164(raw: string, defaultRegion = 'CN'): string | undefined {
  const parsed = parsePhoneNumberFromString(raw, defaultRegion as CountryCode);
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** Keep what the user typed, add E.164 when parseable. */
export function normalisePhone(phone: { raw: string; label?: Phone['label']; e164?: string }, defaultRegion = 'CN'): Phone {
  const raw = phone.raw.trim();
  return { raw, label: phone.label ?? 'other', e164: toE164(raw, defaultRegion) ?? phone.e164 };
}

/** Only the digits: lets "the last 4 digits" find a number. */
export function phoneDigits(raw: string): string {
  return raw.replace(/\D+/g, '');
}
