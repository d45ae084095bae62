import type { ParsedSignature } from '../../../lib/capture/signature/index';

/**
 * Field F1 of parsed signatures against annotated ones. A predicted value counts when it matches
 * an expected value of the same field: phones by their digits (one ends with the other, ≥ 7),
 * text fields when, letters and digits only, one contains the other and covers ≥ half of it.
 */
export type Field = 'name' | 'title' | 'company' | 'phone' | 'email' | 'address';
export const FIELDS: Field[] = ['name', 'title', 'company', 'phone', 'email', 'address'];
export type Values = Partial<Record<Field, string[]>>;

const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const digits = (s: string) => s.replace(/\s*(x|ext\.?|extension|poste)\s*\d+\s*$/i, '').replace(/\D/g, '');

export function same(field: Field, a: string, b: string): boolean {
  if (field === 'phone') {
    const x = digits(a).replace(/^0+/, '');
    const y = digits(b).replace(/^0+/, '');
    return x.length >= 7 && y.length >= 7 && (x.endsWith(y) || y.endsWith(x));
  }
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return long.includes(short) && short.length / long.length >= 0.5;
}

export function predictedValues(sig: ParsedSignature): Values {
  const v: Values = {};
  if (sig.name) v.name = [sig.name];
  if (sig.title) v.title = [sig.title];
  if (sig.company) v.company = [sig.company];
  if (sig.phones.length) v.phone = sig.phones.map((p) => p.raw);
  if (sig.emails.length) v.email = sig.emails;
  if (sig.address) v.address = [sig.address];
  return v;
}

export interface Tally { pred: number; predOk: number; exp: number; expOk: number }
export type Scores = Record<Field, Tally>;
export const emptyScores = (): Scores => Object.fromEntries(FIELDS.map((f) => [f, { pred: 0, predOk: 0, exp: 0, expOk: 0 }])) as Scores;

/** Add one message's comparison to the running tallies. */
export function score(scores: Scores, predicted: Values, expected: Values): void {
  for (const f of FIELDS) {
    const p = predicted[f] ?? [];
    const e = expected[f] ?? [];
    const t = scores[f];
    t.pred += p.length;
    t.predOk += p.filter((x) => e.some((y) => same(f, x, y))).length;
    t.exp += e.length;
    t.expOk += e.filter((y) => p.some((x) => same(f, x, y))).length;
  }
}

export function f1(t: Tally): number {
  const p = t.pred ? t.predOk / t.pred : 1;
  const r = t.exp ? t.expOk / t.exp : 1;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

export function table(scores: Scores): Array<{ field: Field; expected: number; predicted: number; precision: number; recall: number; f1: number }> {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return FIELDS.map((field) => {
    const t = scores[field];
    return { field, expected: t.exp, predicted: t.pred, precision: r2(t.pred ? t.predOk / t.pred : 1), recall: r2(t.exp ? t.expOk / t.exp : 1), f1: r2(f1(t)) };
  });
}
