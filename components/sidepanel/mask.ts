/** 138****5678: the middle of a phone number hidden in lists (SPEC §8); the card shows it whole. */
export function maskPhone(raw: string): string {
  // Keep the national part: "+86 138…" reads as 138****5678, like a number written at home.
  const all = raw.replace(/\D/g, '');
  const digits = all.length > 11 ? all.slice(-11) : all;
  if (digits.length < 7) return raw.replace(/\d(?=\d{2})/g, '*');
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** z***@huawei.com: the local part hidden but its first letter. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return email;
  return `${email[0]}***${email.slice(at)}`;
}
