import { dayKey } from './days';
import { periodStart, type Rule } from './followup-rules';

/**
 * Follow-up rules of the customer-management practice (issue #19), kept apart from the SPEC §4
 * rules. churn-warning: when classification found churn signals (lib/domain/churn.ts), a follow-up
 * due today, at most one a month per customer; closed once the signals are gone.
 */
export const practiceRules: Rule[] = [
  {
    reason: 'churn-warning',
    enabled: (s) => s.churnWarning.enabled,
    plan: (x) => (x.cls.churn.length && x.cls.status !== 'churned'
      ? [{ period: dayKey(periodStart(x.now, 1)), dueAt: x.today, note: x.cls.churn.join(',') }]
      : []),
    valid: (_p, x) => x.cls.churn.length > 0 && x.cls.status !== 'churned',
  },
];
