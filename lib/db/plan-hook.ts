import type { RepoContext } from './context';

/**
 * Regenerate the follow-ups of customers a write touched. plan.ts is loaded lazily: it pulls
 * lunar-javascript (~110 KB gzip), which a surface should only pay for once it writes.
 * A failure here never undoes the write (already committed); the daily pass repairs it.
 */
export async function afterWrite(ctx: RepoContext, ...customerIds: string[]): Promise<void> {
  if (ctx.deferredPlans) {
    for (const id of customerIds) ctx.deferredPlans.add(id);
    return;
  }
  try {
    const { regenerateFollowUps } = await import('./plan');
    for (const id of new Set(customerIds)) await regenerateFollowUps(ctx, id);
    pokeBackground();
  } catch (error) {
    console.error('Cardfile: follow-up regeneration failed; the daily pass will retry', error);
  }
}

/**
 * Tell the background (waking it if asleep) that what is due may have changed, so the popup's
 * due list and the toolbar badge follow a write made in the side panel or the workspace.
 * Does nothing outside an extension page (tests, the background itself has its live query).
 */
function pokeBackground(): void {
  const runtime = (globalThis as { chrome?: { runtime?: { id?: string; sendMessage?(m: unknown): Promise<unknown> } } }).chrome?.runtime;
  if (!runtime?.id || !runtime.sendMessage || !('document' in globalThis)) return;
  runtime.sendMessage({ type: 'followups/refresh', payload: {} })?.catch(() => undefined);
}
