import { z } from 'zod';
import { epochMs, recordBase } from './record';

export const interactionTypes = [
  'call', 'email', 'meeting', 'visit', 'wechat', 'message', 'note', 'feedback',
  'complaint', 'purchase', 'contract', 'survey', 'other',
] as const;
export const directions = ['in', 'out', 'none'] as const;

export const interactionInputSchema = z.object({
  customerId: z.string().min(1),
  type: z.enum(interactionTypes),
  direction: z.enum(directions).default('none'),
  occurredAt: epochMs,
  place: z.string().trim().max(200).default(''),
  subject: z.string().trim().max(500).default(''),
  content: z.string().max(200_000).default(''),
  result: z.string().trim().max(2000).default(''),
  nextStep: z.object({ text: z.string().trim().max(500).default(''), dueAt: epochMs.optional() }).optional(),
  amount: z.number().nonnegative().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  endsAt: epochMs.optional(),
  satisfaction: z.number().int().min(1).max(5).optional(),
  source: z
    .object({ url: z.string().max(4000).default(''), provider: z.string().max(40).default(''), messageId: z.string().max(1000).optional() })
    .optional(),
});
export type InteractionInput = z.input<typeof interactionInputSchema>;

export const interactionSchema = recordBase.extend(interactionInputSchema.shape);
export type Interaction = z.infer<typeof interactionSchema>;
export type InteractionType = (typeof interactionTypes)[number];
