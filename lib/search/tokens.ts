import type { Customer } from '../domain/customer';
import { digitsOf, fold, hanRuns, hanSuffixes, hasHan, latinWords } from './fold';
import { Field, fieldWeight, type FieldCode } from './fields';
import { nameSyllables, textSyllables } from './pinyin';

/** The customer fields search reads; a full Customer fits. */
export type SearchableCustomer = Pick<
  Customer,
  'id' | 'deletedAt' | 'name' | 'company' | 'title' | 'emails' | 'phones' | 'tags' | 'notes' | 'websites' | 'social'
>;

/** What one customer contributes to the index: term → best field, and the digit strings of its phones. */
export interface CustomerTerms {
  terms: Map<string, FieldCode>;
  phones: string[];
}

/** Notes can be 100,000 characters; their head is what people remember and search for. */
const NOTES_INDEXED_CHARS = 2000;
/** Distinct note terms kept per customer: bounds the index whatever people paste into notes. */
const NOTES_MAX_TERMS = 64;
/** Second-level labels that are not an organisation ("com" of "acme.com.cn"). */
const GENERIC_LABELS = new Set(['com', 'net', 'org', 'edu', 'gov', 'co', 'ac', 'ne', 'or', 'www']);

/** Every term a customer is found by, each with the most important field it appears in. */
export function customerTerms(c: SearchableCustomer): CustomerTerms {
  const terms = new Map<string, FieldCode>();
  const put = (term: string, field: FieldCode) => {
    if (!term || term.length > 120 || term.includes('\n')) return;
    const had = terms.get(term);
    if (had === undefined || fieldWeight[field]! > fieldWeight[had]!) terms.set(term, field);
  };
  addName(c.name, put);
  addText(c.company, Field.company, put, true);
  addText(c.title, Field.title, put, false);
  for (const tag of c.tags) {
    put(fold(tag).trim().replace(/\s+/g, ' '), Field.tag);
    addText(tag, Field.tag, put, false);
  }
  for (const e of c.emails) addEmail(e.value, put);
  for (const w of c.websites) addDomain(hostOf(w), Field.website, put);
  for (const s of c.social) put(socialKey(s.handle), Field.social);
  addNotes(c.notes, put);
  const phones: string[] = [];
  for (const p of c.phones) {
    for (const d of new Set([digitsOf(p.e164 ?? ''), digitsOf(p.raw)])) {
      if (d.length < 3) continue;
      // Whole numbers live only in the phone string of the segment (prefix and infix scans):
      // as terms they would add two unique terms per customer. The last 4 digits are shared.
      phones.push(d);
      put(d.slice(-4), Field.phone);
    }
  }
  return { terms, phones };
}

type Put = (term: string, field: FieldCode) => void;

function addName(name: string, put: Put): void {
  const folded = fold(name);
  const words = latinWords(folded);
  for (const w of words) put(w, Field.name);
  const plain = folded.split(/\s+/).filter((w) => w && !hasHan(w));
  if (plain.length > 1 && plain.length <= 4) put(plain.join('').replace(/['.\-]/g, ''), Field.nameJoined);
  for (const run of hanRuns(folded)) {
    put(run, Field.name);
    for (let i = 1; i < run.length; i++) put(run.slice(i), Field.namePart);
    const syllables = nameSyllables(run);
    put(syllables.join(''), Field.nameJoined);
    put(syllables.map((s) => s[0] ?? '').join(''), Field.initials);
    for (let i = 0; i < syllables.length; i++) {
      put(syllables[i]!, Field.pinyin);
      if (i > 0 && i < syllables.length - 1) put(syllables.slice(i).join(''), Field.pinyin);
    }
  }
}

function addText(text: string, field: FieldCode, put: Put, withPinyin: boolean): void {
  if (!text) return;
  const folded = fold(text);
  for (const w of latinWords(folded)) put(w, field);
  for (const run of hanRuns(folded)) {
    const suffixes = hanSuffixes(run);
    for (const suffix of suffixes) put(suffix, field);
    if (!withPinyin) continue;
    const syllables = textSyllables(run);
    if (syllables.length > 1) put(syllables.map((s) => s[0] ?? '').join(''), Field.companyPinyin);
    // Pinyin from each word on, so "yunfan" finds 上海云帆科技 (one syllable per character).
    for (const suffix of syllables.length === run.length ? suffixes : [run]) {
      put(syllables.slice(run.length - suffix.length).join(''), Field.companyPinyin);
    }
  }
}

function addEmail(value: string, put: Put): void {
  const email = fold(value).trim();
  const at = email.lastIndexOf('@');
  put(email, Field.email);
  if (at < 0) return;
  const local = email.slice(0, at);
  // The whole local part ("thomas.brown2") and its joined form are prefixes of, or rarely typed
  // beside, the whole address, which is already a term: one unique term per card fewer, twice.
  const joined = local.replace(/['._+\-]/g, '');
  for (const w of latinWords(local)) if (w !== local && w !== joined) put(w, Field.email);
  addDomain(email.slice(at + 1), Field.emailDomain, put);
}

/** A domain and its parent domains that still name an organisation: mail.acme.com → acme.com. */
function addDomain(host: string, field: FieldCode, put: Put): void {
  const labels = host.replace(/^www\./, '').split('.').filter(Boolean);
  for (let i = 0; i < labels.length - 1; i++) {
    const rest = labels.slice(i);
    if (i > 0 && (rest.length < 2 || (rest.length === 2 && GENERIC_LABELS.has(rest[0]!)))) break;
    put(rest.join('.'), field);
  }
}

function addNotes(notes: string, put: Put): void {
  if (!notes) return;
  const folded = fold(notes.slice(0, NOTES_INDEXED_CHARS));
  const seen = new Set<string>();
  for (const w of latinWords(folded)) if (w.length >= 2) seen.add(w);
  for (const run of hanRuns(folded)) for (const suffix of hanSuffixes(run)) seen.add(suffix.slice(0, 12));
  let n = 0;
  for (const term of seen) {
    if (n++ >= NOTES_MAX_TERMS) break;
    put(term, Field.notes);
  }
}

/** The host of a website as typed ("acme.com/about", "https://www.acme.com"). */
export function hostOf(url: string): string {
  const text = fold(url).trim();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** A social handle or profile URL reduced to a comparable key: "https://www.linkedin.com/in/zw/" → "linkedin.com/in/zw". */
export function socialKey(handle: string): string {
  const text = fold(handle).trim();
  return text.replace(/^[a-z]+:\/\//, '').replace(/^(www\.|[a-z]{2}\.)(?=linkedin\.com)/, '').replace(/[?#].*$/, '').replace(/\/+$/, '');
}
