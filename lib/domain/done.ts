// "Done" on a follow-up means one thing everywhere (card, side panel, popup): the follow-up is
// completed AND the contact is logged on the timeline, so the cadence moves on from today. The
// user picks how they got in touch; this is the choice offered first. Free of zod: the popup uses it.
import type { FollowUp } from './followup';
import type { InteractionType } from './interaction';

/** The kinds of contact a "Done" can log, in the order offered. */
export const DONE_TYPES = ['call', 'email', 'message', 'wechat', 'meeting', 'visit', 'survey', 'other'] as const satisfies readonly InteractionType[];

const LIKELY: Partial<Record<FollowUp['reason'], InteractionType>> = {
  cadence: 'call', 'custom-service': 'call', survey: 'survey', 'onboarding-welcome': 'email', 'onboarding-revisit': 'call',
  birthday: 'message', holiday: 'message', anniversary: 'message', winback: 'call', 'contract-renewal': 'meeting',
};

/** The contact a done follow-up most likely was, preselected in the picker. */
export function likelyContactType(reason: FollowUp['reason']): InteractionType {
  return LIKELY[reason] ?? 'other';
}
