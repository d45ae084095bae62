import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addFollowUp, createCustomer } from '../../lib/db';
import { refreshDue, runDaily } from '../../lib/background/followups';
import { dueSnapshotItem } from '../../lib/ui/due-snapshot';
import { freshContext } from '../db/helpers';

const NOW = new Date(2026, 10, 22, 9).getTime();
const DAY = 86_400_000;

async function workspace(notifications = true) {
  const ctx = freshContext({ now: NOW, settings: { notifications, locale: 'en' } });
  const c = await createCustomer(ctx, { name: 'Anna Smith', company: 'Acme', birthday: { month: 11, day: 24 }, reviewedAt: NOW });
  await addFollowUp(ctx, { customerId: c.id, dueAt: NOW - 2 * DAY, reason: 'manual', ruleKey: 'manual:1', note: 'send the samples' });
  await addFollowUp(ctx, { customerId: c.id, dueAt: NOW + 5 * DAY, reason: 'manual', ruleKey: 'manual:2', note: 'later' });
  return ctx;
}

describe('background follow-ups', () => {
  afterEach(() => { vi.restoreAllMocks(); });

  it('keeps the due snapshot and the badge (overdue + today) current', async () => {
    const ctx = await workspace();
    const setBadge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const snap = await refreshDue(ctx);
    expect(snap.rows.map((r) => r.note)).toEqual(['send the samples', '', 'later']);
    expect(snap.dueNow).toBe(2); // the overdue manual one and the birthday reminder due today
    expect(setBadge).toHaveBeenLastCalledWith({ text: '2' });
    expect((await dueSnapshotItem.getValue())?.rows).toHaveLength(3);
  });

  it.each([
    [true, 1],
    [false, 0],
  ])('notifies once a day when notifications are %s', async (on, count) => {
    const ctx = await workspace(on);
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue(undefined as never);
    await runDaily(ctx);
    await runDaily(ctx);
    expect(create).toHaveBeenCalledTimes(count);
    if (on) {
      const shown = create.mock.calls[0]![1] as unknown as { title: string; message: string };
      // The daily pass added the quarter's tag review, due today (items due at the same moment come in no set order).
      expect(shown.title).toBe('3 follow-ups due today');
      expect(shown.message.split('\n').sort()).toEqual(['Anna Smith: birthday in 2 days', 'Anna Smith: send the samples', 'Workspace: quarterly tag review']);
    }
  });
});
