import { z } from 'zod';
import { epochMs, recordBase } from './record';

export const followUpReasons = [
  'cadence', 'custom-service', 'onboarding-welcome', 'onboarding-revisit', 'survey', 'anniversary',
  'winback', 'birthday', 'holiday', 'next-step', 'contract-renewal', 'data-audit', 'tag-review', 'manual',
  // The practice (issue #19): update a card within 24 h of a change; a churn early warning.
  'update-24h', 'churn-warning',
] as const;
/**
 * `closed`: taken off the list by Cardfile, never by the user: a reminder a newer one superseded, or
 * one deleted. Soft-deleted follow-ups get it so they leave the [status+dueAt] range the due list
 * and the badge read (with `open` kept they piled up there, counted in the badge, one per logged call).
 */
export const followUpStatuses = ['open', 'done', 'snoozed', 'dismissed', 'closed'] as const;

export const followUpInputSchema = z.object({
  /** null for workspace-level tasks (tag review). */
  customerId: z.string().min(1).nullable(),
  dueAt: epochMs,
  reason: z.enum(followUpReasons),
  /** Which rule and period produced it. Unique across the table, so regeneration is idempotent. */
  ruleKey: z.string().min(1).max(300),
  note: z.string().max(2000).default(''),
  status: z.enum(followUpStatuses).default('open'),
  snoozedUntil: epochMs.optional(),
  doneAt: epochMs.optional(),
});
export type FollowUpInput = z.input<typeof followUpInputSchema>;

export const followUpSchema = recordBase.extend(followUpInputSchema.shape);
export type FollowUp = z.infer<typeof followUpSchema>;
export type FollowUpReason = (typeof followUpReasons)[number];
