import { z } from 'zod';
import { defaultPracticeSettings, practiceSettingsSchema } from './practice-settings';

/** A greeting date on the holiday calendar: a solar date, or a lunar one (Spring Festival, Mid-Autumn). */
export const holidaySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(60),
  calendar: z.enum(['solar', 'lunar']),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  /** Remind this many days before the date. */
  leadDays: z.number().int().min(0).max(60),
  enabled: z.boolean(),
});
export type Holiday = z.infer<typeof holidaySchema>;

const days = z.number().int().min(1).max(3650);
const rule = <T extends z.ZodRawShape>(shape: T) => z.object({ enabled: z.boolean(), ...shape });

/** Every number of SPEC §3–4, all user-tunable. */
export const settingsSchema = z.object({
  version: z.literal(1),
  userName: z.string().max(100),
  /** The user's own addresses: decides whether a captured email is in or out. */
  ownEmails: z.array(z.string()),
  locale: z.enum(['auto', 'zh-CN', 'en']),
  currency: z.string().regex(/^[A-Z]{3}$/),
  defaultRegion: z.string().regex(/^[A-Z]{2}$/),
  /** Log known customers' emails when they are opened in webmail (deduplicated), without a click. */
  autoLogKnown: z.boolean(),
  maskContacts: z.boolean(),
  notifications: z.boolean(),
  classification: z.object({
    valueHigh: z.number().nonnegative(),
    valueMid: z.number().nonnegative(),
    valueWindowDays: days,
    activityWindowMonths: z.number().int().min(1).max(60),
    activityHighPerMonth: z.number().nonnegative(),
    activityMidPerMonth: z.number().nonnegative(),
    churnDays: days,
    loyalAfterDays: days,
    retentionSilenceDays: days,
  }),
  followUps: z.object({
    cadence: rule({ highDays: days, midDays: days, lowDays: days }),
    customService: rule({ everyMonths: z.number().int().min(1).max(12) }),
    onboardingWelcome: rule({ withinDays: days }),
    onboardingRevisit: rule({ onDay: days }),
    survey: rule({ afterDays: days }),
    anniversary: rule({ afterDays: days }),
    winback: rule({}),
    birthday: rule({ leadDays: z.number().int().min(0).max(60) }),
    holiday: rule({ holidays: z.array(holidaySchema) }),
    nextStep: rule({}),
    contractRenewal: rule({ leadDays: days }),
    dataAudit: rule({ staleDays: days }),
    tagReview: rule({ everyMonths: z.number().int().min(1).max(12) }),
    /** A follow-up for each churn warning (the signals' thresholds: practice.churn). */
    churnWarning: rule({}),
  }),
  /** Churn warning, 24-hour rule, RFM, audit (lib/domain/practice-settings.ts). */
  practice: practiceSettingsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  version: 1,
  userName: '',
  ownEmails: [],
  locale: 'auto',
  currency: 'CNY',
  defaultRegion: 'CN',
  autoLogKnown: false,
  maskContacts: false,
  notifications: true,
  classification: {
    valueHigh: 500_000,
    valueMid: 100_000,
    valueWindowDays: 365,
    activityWindowMonths: 6,
    activityHighPerMonth: 3,
    activityMidPerMonth: 1,
    churnDays: 90,
    loyalAfterDays: 365,
    retentionSilenceDays: 90,
  },
  followUps: {
    cadence: { enabled: true, highDays: 30, midDays: 90, lowDays: 182 },
    customService: { enabled: true, everyMonths: 3 },
    onboardingWelcome: { enabled: true, withinDays: 3 },
    onboardingRevisit: { enabled: true, onDay: 7 },
    survey: { enabled: true, afterDays: 30 },
    anniversary: { enabled: true, afterDays: 365 },
    winback: { enabled: true },
    birthday: { enabled: true, leadDays: 3 },
    holiday: {
      enabled: true,
      holidays: [
        { id: 'spring-festival', name: '春节 Spring Festival', calendar: 'lunar', month: 1, day: 1, leadDays: 7, enabled: true },
        { id: 'mid-autumn', name: '中秋节 Mid-Autumn', calendar: 'lunar', month: 8, day: 15, leadDays: 5, enabled: true },
        { id: 'national-day', name: '国庆节 National Day', calendar: 'solar', month: 10, day: 1, leadDays: 5, enabled: true },
        { id: 'new-year', name: '元旦 New Year', calendar: 'solar', month: 1, day: 1, leadDays: 5, enabled: true },
      ],
    },
    nextStep: { enabled: true },
    contractRenewal: { enabled: true, leadDays: 30 },
    dataAudit: { enabled: true, staleDays: 182 },
    tagReview: { enabled: true, everyMonths: 3 },
    churnWarning: { enabled: true },
  },
  practice: defaultPracticeSettings,
};
