import { z } from 'zod';
import { churnSignalCodes } from './churn';
import { epochMs, recordBase } from './record';

export const phoneLabels = ['mobile', 'work', 'home', 'fax', 'other'] as const;
export const socialNetworks = ['wechat', 'qq', 'linkedin', 'weibo', 'x', 'dingtalk', 'whatsapp', 'other'] as const;
export const customerKinds = ['person', 'organization'] as const;
export const customerSources = ['email-capture', 'web-capture', 'import', 'manual', 'card-scan'] as const;
export const stages = ['first-contact', 'negotiating', 'active', 'renewed', 'lost'] as const;
export const decisionRoles = ['decision-maker', 'influencer', 'user', 'purchaser', 'other'] as const;
export const valueTiers = ['high', 'mid', 'low', 'unknown'] as const;
export const activityTiers = ['high', 'mid', 'low', 'inactive'] as const;
export const statuses = ['potential', 'signed', 'churned'] as const;
export const lifecycles = ['acquisition', 'nurture', 'loyal', 'retention'] as const;

/** GB/T 4754-2017 sections A–T (the codes the industry field accepts besides free text). */
export const industrySections = 'ABCDEFGHIJKLMNOPQRST'.split('');

const trimmed = z.string().trim();

export const emailSchema = z.object({
  value: z.string().trim().toLowerCase().pipe(z.email({ error: 'Not a valid email address' })),
  label: trimmed.max(40).default(''),
});
export const phoneSchema = z.object({
  raw: trimmed.min(1, { error: 'Phone number is empty' }).max(60),
  e164: z.string().regex(/^\+\d{6,15}$/).optional(),
  label: z.enum(phoneLabels).default('other'),
});
export const addressSchema = z.object({
  label: trimmed.max(40).default(''),
  formatted: trimmed.max(500).default(''),
  street: trimmed.max(200).default(''),
  city: trimmed.max(100).default(''),
  region: trimmed.max(100).default(''),
  postalCode: trimmed.max(20).default(''),
  country: trimmed.max(100).default(''),
});
export const socialSchema = z.object({
  network: z.enum(socialNetworks),
  handle: trimmed.min(1).max(300),
});
export const birthdaySchema = z
  .object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    year: z.number().int().min(1900).max(2100).optional(),
  })
  .refine((b) => b.day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][b.month - 1]!, {
    error: 'No such day in that month',
    path: ['day'],
  });
export const companySizeSchema = z.object({
  employees: trimmed.max(40).default(''),
  annualRevenue: trimmed.max(40).default(''),
});
export const needsSchema = z.object({
  summary: trimmed.max(2000).default(''),
  budget: trimmed.max(100).default(''),
  decisionRole: z.enum(decisionRoles).optional(),
});

/** What a person types or a capture/import fills: the editable part of a customer. */
export const customerInputSchema = z.object({
  kind: z.enum(customerKinds).default('person'),
  name: trimmed.min(1, { error: 'Name is required' }).max(200),
  company: trimmed.max(200).default(''),
  title: trimmed.max(200).default(''),
  department: trimmed.max(200).default(''),
  emails: z.array(emailSchema).max(50).default([]),
  phones: z.array(phoneSchema).max(50).default([]),
  addresses: z.array(addressSchema).max(20).default([]),
  websites: z.array(trimmed.min(1).max(500)).max(20).default([]),
  social: z.array(socialSchema).max(30).default([]),
  birthday: birthdaySchema.optional(),
  interests: z.array(trimmed.min(1).max(100)).max(50).default([]),
  industry: trimmed.max(100).default(''),
  companySize: companySizeSchema.optional(),
  source: z.enum(customerSources).default('manual'),
  owner: trimmed.max(100).default(''),
  stage: z.enum(stages).default('first-contact'),
  signedAt: epochMs.optional(),
  tags: z.array(trimmed.min(1).max(60)).max(100).default([]),
  needs: needsSchema.optional(),
  annualValue: z.number().nonnegative().optional(),
  notes: z.string().max(100_000).default(''),
  customFields: z.record(z.string(), z.string().max(2000)).default({}),
  reviewedAt: epochMs.optional(),
});
export type CustomerInput = z.input<typeof customerInputSchema>;
export type CustomerFields = z.infer<typeof customerInputSchema>;

/**
 * Fields derived from the record and its interactions, stored for indexing
 * (SPEC §3: derived tiers live on the customer). Recomputed on every relevant write.
 */
export const derivedSchema = z.object({
  emailKeys: z.array(z.string()).default([]),
  phoneKeys: z.array(z.string()).default([]),
  valueTier: z.enum(valueTiers).default('unknown'),
  activityTier: z.enum(activityTiers).default('inactive'),
  status: z.enum(statuses).default('potential'),
  lifecycle: z.enum(lifecycles).default('acquisition'),
  value: z.number().nonnegative().default(0),
  lastInteractionAt: epochMs.optional(),
  /** Churn early-warning signal codes (empty: not stored, see compact-middleware). */
  churnSignals: z.array(z.enum(churnSignalCodes)).optional(),
});
export type Derived = z.infer<typeof derivedSchema>;

export const customerSchema = recordBase.extend(customerInputSchema.shape).extend(derivedSchema.shape);
export type Customer = z.infer<typeof customerSchema>;
export type Email = z.infer<typeof emailSchema>;
export type Phone = z.infer<typeof phoneSchema>;
export type Address = z.infer<typeof addressSchema>;
export type Social = z.infer<typeof socialSchema>;
export type Birthday = z.infer<typeof birthdaySchema>;
