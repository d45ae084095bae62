// The user's writes to the timeline.
import type { RepoContext } from '../db/context';
import { addInteraction, deleteInteraction, updateInteraction } from '../db/interactions';
import type { Interaction, InteractionInput } from '../domain/interaction';

/** Log a contact on a card's timeline (a captured email's messageId is logged once). The card's tiers and follow-ups follow. */
export function logInteraction(ctx: RepoContext, input: InteractionInput): Promise<Interaction> {
  return addInteraction(ctx, input);
}

/** Edit a timeline entry; with `baseRev`, ConflictError when it changed elsewhere since it was shown. */
export function editInteraction(ctx: RepoContext, id: string, patch: Partial<InteractionInput>, baseRev?: number): Promise<Interaction> {
  return updateInteraction(ctx, id, patch, baseRev);
}

/** Remove a timeline entry (soft delete). */
export function removeInteraction(ctx: RepoContext, id: string): Promise<void> {
  return deleteInteraction(ctx, id);
}
