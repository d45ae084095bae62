import { z } from 'zod';

const days = z.number().int().min(1).max(3650);
const percent = z.number().min(1).max(100);

/**
 * The thresholds of the customer-management practice (issue #19): churn early warning, the 24-hour
 * update rule, RFM segments, the half-yearly audit. Every number is a setting; these are the defaults.
 */
export const practiceSettingsSchema = z.object({
  churn: z.object({
    enabled: z.boolean(),
    /** Interactions in the last `windowDays` against the `windowDays` before: warn at a fall of this many percent. */
    dropPercent: percent,
    windowDays: days,
    /** Below this many interactions in the earlier window a fall says nothing (1 → 0 is not a trend). */
    minPrevious: z.number().int().min(1).max(1000),
    /** A high-value customer with no interaction for this many days. */
    highValueSilentDays: days,
    /** This many complaints within `complaintWindowDays`. */
    complaints: z.number().int().min(1).max(100),
    complaintWindowDays: days,
    /** Average satisfaction of the last `windowDays` below the earlier window's by at least this many points. */
    satisfactionDrop: z.number().min(0.1).max(4),
  }),
  update24h: z.object({ enabled: z.boolean(), hours: z.number().int().min(1).max(720) }),
  rfm: z.object({
    /** Recent: an interaction within this many days. */
    recencyDays: days,
    /** Frequent: activity tier at least this (mid = ≥ 1 interaction a month, high = ≥ 3). */
    frequentFrom: z.enum(['high', 'mid', 'low']),
    /** Valuable: value tier at least this. */
    valuableFrom: z.enum(['high', 'mid', 'low']),
  }),
  audit: z.object({ everyMonths: z.number().int().min(1).max(24) }),
});
export type PracticeSettings = z.infer<typeof practiceSettingsSchema>;

export const defaultPracticeSettings: PracticeSettings = {
  churn: {
    enabled: true, dropPercent: 40, windowDays: 90, minPrevious: 3, highValueSilentDays: 30,
    complaints: 3, complaintWindowDays: 30, satisfactionDrop: 1,
  },
  update24h: { enabled: true, hours: 24 },
  rfm: { recencyDays: 90, frequentFrom: 'mid', valuableFrom: 'mid' },
  audit: { everyMonths: 6 },
};
