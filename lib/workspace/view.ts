import { z } from 'zod';
import { activityTiers, customerSources, lifecycles, stages, statuses, valueTiers } from '../domain';

/** Sortable columns: each one is an index, so a sort never reads the records. */
export const sortFields = ['updatedAt', 'name', 'value', 'lastInteractionAt', 'stage', 'status', 'valueTier', 'owner'] as const;
export type SortField = (typeof sortFields)[number];

/** A table view: filters (AND across fields, OR within one field; tags = all of), sort, trash. */
export const viewSpecSchema = z.object({
  valueTier: z.array(z.enum(valueTiers)).default([]),
  activityTier: z.array(z.enum(activityTiers)).default([]),
  status: z.array(z.enum(statuses)).default([]),
  stage: z.array(z.enum(stages)).default([]),
  lifecycle: z.array(z.enum(lifecycles)).default([]),
  source: z.array(z.enum(customerSources)).default([]),
  tags: z.array(z.string()).default([]),
  industry: z.array(z.string()).default([]),
  owner: z.array(z.string()).default([]),
  /** Name prefix (case-insensitive), through the name index. */
  namePrefix: z.string().default(''),
  sort: z.enum(sortFields).default('updatedAt'),
  desc: z.boolean().default(true),
  trash: z.boolean().default(false),
  /**
   * A set of cards picked elsewhere (an RFM segment, a funnel stage of a cohort, the churn warnings),
   * named by `idsLabel` in the filter bar: the click from a chart into the table.
   */
  ids: z.array(z.string()).default([]),
  idsLabel: z.string().default(''),
});
export type ViewSpec = z.infer<typeof viewSpecSchema>;
export const emptyView = (): ViewSpec => viewSpecSchema.parse({});

export const savedViewSchema = z.object({ id: z.string(), name: z.string().min(1).max(60), spec: viewSpecSchema });
export type SavedView = z.infer<typeof savedViewSchema>;

/** The filter fields that are lists of values. */
export const listFilters = ['valueTier', 'activityTier', 'status', 'stage', 'lifecycle', 'source', 'industry', 'owner', 'tags'] as const;
export type ListFilter = (typeof listFilters)[number];

/** True when no filter is set (sort and trash aside). */
export function isUnfiltered(v: ViewSpec): boolean {
  return listFilters.every((f) => v[f].length === 0) && !v.namePrefix.trim() && !(v.ids?.length);
}
