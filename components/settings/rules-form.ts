import { z } from 'zod';
import { settingsSchema, type Settings } from '../../lib/domain';

/** The part of the settings the rules form edits. */
export type RulesDraft = Pick<Settings, 'classification' | 'followUps'>;

/** The rules' schema, plus what one field alone cannot say: mid thresholds not above high ones. */
export const rulesSchema = z
  .object({ classification: settingsSchema.shape.classification, followUps: settingsSchema.shape.followUps })
  .refine((r) => r.classification.valueMid <= r.classification.valueHigh, { error: 'rules.midAboveHigh', path: ['classification', 'valueMid'] })
  .refine((r) => r.classification.activityMidPerMonth <= r.classification.activityHighPerMonth, {
    error: 'rules.midAboveHigh', path: ['classification', 'activityMidPerMonth'],
  });

/** Validate a draft: the parsed rules, or the message of each failing field by dotted path. */
export function validateRules(draft: unknown): { ok: true; value: RulesDraft } | { ok: false; errors: Record<string, string> } {
  const r = rulesSchema.safeParse(draft);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message])) };
}

/** A copy of `obj` with the value at a dotted path replaced (numbers in the path index arrays). */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const next = structuredClone(obj) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = next;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys[keys.length - 1]!] = value;
  return next as T;
}
