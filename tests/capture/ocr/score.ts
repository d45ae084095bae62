import type { ContactDraft } from '../../../lib/domain/contact-draft';
import { editDistance } from '../../../lib/capture/ocr/repair';

/** A card's true fields, as scripts/ocr-cards.mjs wrote them. */
export interface CardTruth {
  name: string;
  title: string;
  company: string;
  phones: string[];
  email: string;
  website: string;
  address: string;
}

const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
const digits = (s: string) => s.replace(/\D/g, '');

const levenshtein = editDistance;

/** Share of the true address's characters read right (1 − edit distance / length), spaces and case aside. */
export function addressScore(truth: string, got: string): number {
  const a = squash(truth), b = squash(got);
  return a ? Math.max(0, 1 - levenshtein(a, b) / a.length) : 1;
}

/** Each field right or wrong, the way the issue counts: exact, except the address (≥ 80% of its characters). */
export function scoreCard(truth: CardTruth, c: ContactDraft | undefined): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  out.name = !!c && squash(c.name) === squash(truth.name);
  out.title = !!c && squash(c.title) === squash(truth.title);
  out.company = !!c && squash(c.company) === squash(truth.company);
  truth.phones.forEach((p, i) => {
    const d = digits(p);
    out[`phone${i + 1}`] = !!c && c.phones.some((x) => digits(x.raw) === d || (x.e164 ?? '').endsWith(d.replace(/^0/, '')));
  });
  out.email = !!c && c.emails.some((e) => e.value === truth.email.toLowerCase());
  out.website = !!c && c.websites.some((w) => w.replace(/^https?:\/\//, '').replace(/\/$/, '').toLowerCase() === truth.website.toLowerCase());
  out.address = !!c && c.addresses.some((a) => addressScore(truth.address, a.formatted ?? '') >= 0.8);
  return out;
}
