import { z } from 'zod';
import { epochMs } from './record';

export const auditActions = ['create', 'update', 'delete', 'restore', 'merge', 'purge', 'import'] as const;
export const auditEntities = ['customer', 'interaction', 'followUp'] as const;

/** Who changed what. Never edited; kept small: field names, not values. */
export const auditEntrySchema = z.object({
  id: z.string().min(1),
  at: epochMs,
  who: z.string().max(100),
  entity: z.enum(auditEntities),
  entityId: z.string().min(1),
  action: z.enum(auditActions),
  fields: z.array(z.string()).default([]),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
