import { z } from 'zod';
import { epochMs } from './record';

/** The largest stored card image: re-encoded to JPEG ≤ 1600 px before saving, it is ~150–400 KB. */
export const MAX_CARD_IMAGE_CHARS = 4_000_000;

/**
 * A business-card image kept on a customer (optional; local only; in backups like every table).
 * Base64 text rather than a Blob so the JSON backup carries it as it is.
 */
export const cardImageSchema = z.object({
  id: z.string().min(1),
  customerId: z.string().min(1),
  side: z.enum(['front', 'back']).default('front'),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  /** Base64 of the image bytes. */
  data: z.string().max(MAX_CARD_IMAGE_CHARS),
  width: z.number().int().positive().max(10_000),
  height: z.number().int().positive().max(10_000),
  createdAt: epochMs,
});
export type CardImage = z.infer<typeof cardImageSchema>;
export type CardImageInput = Omit<z.input<typeof cardImageSchema>, 'id' | 'customerId' | 'createdAt'>;
