// The user's writes to follow-ups.
import type { RepoContext } from '../db/context';
import { completeFollowUp, dismissFollowUp, snoozeFollowUp } from '../db/due';
import { addFollowUp } from '../db/followups';
import type { FollowUp } from '../domain/followup';
import type { InteractionType } from '../domain/interaction';
import { newId } from '../domain/record';
import { inOneTransaction } from './run';

/**
 * "Done", the same on every surface: completes the follow-up AND logs the contact (of the type the
 * user picked) on the card's timeline, in one transaction; the re-plan then moves the cadence on.
 */
export function markFollowUpDone(ctx: RepoContext, id: string, contact: { type?: InteractionType; subject?: string } = {}): Promise<FollowUp> {
  return inOneTransaction(ctx, (tx) => completeFollowUp(tx, id, contact));
}

/** Snooze until a moment: off the list until then. */
export function snoozeFollowUpUntil(ctx: RepoContext, id: string, until: number): Promise<FollowUp> {
  return snoozeFollowUp(ctx, id, until);
}

/** Dismiss without a contact; the rule does not plan the same period again. */
export function dismissFollowUpNow(ctx: RepoContext, id: string): Promise<FollowUp> {
  return dismissFollowUp(ctx, id);
}

/** Schedule a follow-up by hand. */
export function scheduleFollowUp(ctx: RepoContext, customerId: string, dueAt: number, note: string): Promise<FollowUp> {
  return addFollowUp(ctx, { customerId, dueAt, reason: 'manual', ruleKey: `manual:${newId()}`, note });
}
