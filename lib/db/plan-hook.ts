import type { RepoContext } from './context';

/**
 * Regenerate the follow-ups of customers a write touched. plan.ts is loaded lazily: it pulls
 * lunar-javascript (~110 KB gzip), which a surface should only pay for once it writes.
 * A failure here never undoes the write (already committed); the daily pass repairs it.
 */
export async function afterWrite(ctx: RepoContext, ...customerIds: string[]): Promise<void> {
  try {
    const { regenerateFollowUps } = await import('./plan');
    for (const id of new Set(customerIds)) await regenerateFollowUps(ctx, id);
  } catch (error) {
    console.error('Cardfile: follow-up regeneration failed; the daily pass will retry', error);
  }
}
