import { dayKey } from './days';
import { periodStart, type Rule, type RuleInput } from './followup-rules';

/**
 * Follow-up rules of the customer-management practice (issue #19), kept apart from the SPEC §4
 * rules. churn-warning: when classification found churn signals (lib/domain/churn.ts), a follow-up
 * due today, at most one a month per customer; closed once the signals are gone.
 */
/**
 * A high-value customer merely silent is already asked for by the monthly cadence reminder (same
 * customer, same day): the warning then only shows as the badge. Any other signal gets its follow-up.
 */
function wanted(x: RuleInput): boolean {
  if (!x.cls.churn.length || x.cls.status === 'churned') return false;
  return !(x.s.cadence.enabled && x.cls.churn.every((c) => c === 'high-value-silent'));
}

export const practiceRules: Rule[] = [
  {
    reason: 'churn-warning',
    enabled: (s) => s.churnWarning.enabled,
    plan: (x) => (wanted(x) ? [{ period: dayKey(periodStart(x.now, 1)), dueAt: x.today, note: x.cls.churn.join(',') }] : []),
    valid: (_p, x) => wanted(x),
  },
];
