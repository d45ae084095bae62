import { describe, expect, it } from 'vitest';
import { classifyCustomer, defaultSettings, deriveCustomer, settingsSchema } from '../../lib/domain';
import { cust, DAY, ix, NOW, settingsWith, T } from './fixtures';

const buy = (daysAgo: number, amount: number) => ix(daysAgo, { type: 'purchase', amount });
const calls = (count: number, spreadDays = 170) => Array.from({ length: count }, (_, k) => ix(1 + ((k * spreadDays) / Math.max(count, 1)) | 0));

describe('defaultSettings', () => {
  it('is valid and carries the numbers of SPEC §3–4', () => {
    expect(settingsSchema.parse(defaultSettings)).toEqual(defaultSettings);
    const c = defaultSettings.classification;
    expect([c.valueHigh, c.valueMid, c.valueWindowDays, c.activityWindowMonths, c.activityHighPerMonth, c.activityMidPerMonth, c.churnDays])
      .toEqual([500_000, 100_000, 365, 6, 3, 1, 90]);
    const f = defaultSettings.followUps;
    expect([f.cadence.highDays, f.cadence.midDays, f.cadence.lowDays, f.onboardingWelcome.withinDays, f.onboardingRevisit.onDay,
      f.survey.afterDays, f.anniversary.afterDays, f.birthday.leadDays, f.contractRenewal.leadDays, f.dataAudit.staleDays,
      f.customService.everyMonths, f.tagReview.everyMonths]).toEqual([30, 90, 182, 3, 7, 30, 365, 3, 30, 182, 3, 3]);
    expect(f.holiday.holidays.map((h) => `${h.id}:${h.calendar}:${h.month}/${h.day}`))
      .toEqual(['spring-festival:lunar:1/1', 'mid-autumn:lunar:8/15', 'national-day:solar:10/1', 'new-year:solar:1/1']);
  });
});

describe('value tier', () => {
  it.each([
    ['no data at all', {}, [], 'unknown', 0],
    ['annualValue 500,000', { annualValue: 500_000 }, [], 'high', 500_000],
    ['annualValue 499,999', { annualValue: 499_999 }, [], 'mid', 499_999],
    ['annualValue 100,000', { annualValue: 100_000 }, [], 'mid', 100_000],
    ['annualValue 99,999', { annualValue: 99_999 }, [], 'low', 99_999],
    ['annualValue 0 is known and low', { annualValue: 0 }, [], 'low', 0],
    ['annualValue overrides purchases', { annualValue: 10 }, [buy(5, 900_000)], 'low', 10],
    ['purchases summed: 499,999', {}, [buy(10, 400_000), buy(100, 99_999)], 'mid', 499_999],
    ['purchases + contract: 500,000', {}, [buy(10, 400_000), ix(100, { type: 'contract', amount: 100_000 })], 'high', 500_000],
    ['a purchase 366 days ago does not count', {}, [buy(366, 900_000), buy(3, 1)], 'low', 1],
    ['a purchase exactly 365 days ago counts', {}, [buy(365, 500_000)], 'high', 500_000],
    ['calls carry no value', {}, [ix(3, { amount: 900_000 })], 'unknown', 0],
    ['deleted purchases do not count', {}, [{ ...buy(3, 900_000), deletedAt: T }], 'unknown', 0],
  ])('%s', (_label, patch, list, tier, value) => {
    const k = classifyCustomer(cust(patch), list, defaultSettings, NOW);
    expect([k.valueTier, k.value]).toEqual([tier, value]);
  });

  it('follows the thresholds in settings', () => {
    const s = settingsWith((x) => { x.classification.valueHigh = 1000; x.classification.valueMid = 10; });
    expect(classifyCustomer(cust({ annualValue: 1000 }), [], s, NOW).valueTier).toBe('high');
    expect(classifyCustomer(cust({ annualValue: 9 }), [], s, NOW).valueTier).toBe('low');
  });
});

describe('activity tier', () => {
  it.each([
    [0, 'low', true],
    [1, 'low', false],
    [5, 'low', false],
    [6, 'mid', false],
    [17, 'mid', false],
    [18, 'high', false],
  ])('%i interactions in 6 months → %s (inactive %s)', (count, tier, inactive) => {
    const k = classifyCustomer(cust(), calls(count), defaultSettings, NOW);
    expect([k.activityTier, k.inactive]).toEqual([tier, inactive]);
  });

  it('ignores interactions older than the window, deleted ones and future ones', () => {
    const list = [...Array.from({ length: 20 }, () => ix(200)), { ...ix(1), deletedAt: T }, ix(-5)];
    const k = classifyCustomer(cust(), list, defaultSettings, NOW);
    expect([k.activityTier, k.inactive]).toEqual(['low', true]);
  });

  it('stores "inactive" in the derived activityTier and the tier otherwise', () => {
    expect(deriveCustomer(cust(), [], defaultSettings, T).activityTier).toBe('inactive');
    expect(deriveCustomer(cust(), calls(6), defaultSettings, T).activityTier).toBe('mid');
  });
});

describe('status and lifecycle', () => {
  it.each([
    ['no deal: potential', {}, [ix(3)], 'potential', 'acquisition'],
    ['stage active without a deal logged: signed', { stage: 'active' as const }, [ix(3)], 'signed', 'nurture'],
    ['purchase 10 days ago: signed, nurture', {}, [buy(10, 1)], 'signed', 'nurture'],
    ['last purchase exactly 90 days ago: still signed', {}, [buy(90, 1)], 'signed', 'nurture'],
    ['last purchase 91 days ago: churned by itself', {}, [buy(91, 1)], 'churned', 'retention'],
    ['91 days but stage active: signed', { stage: 'active' as const }, [buy(91, 1), ix(2)], 'signed', 'nurture'],
    ['91 days, stage renewed: signed', { stage: 'renewed' as const }, [buy(91, 1), ix(2)], 'signed', 'nurture'],
    ['stage lost with a recent deal: churned', { stage: 'lost' as const }, [buy(5, 1)], 'churned', 'retention'],
    ['signedAt 30 days ago counts as the deal', { signedAt: T - 30 * DAY }, [ix(2)], 'signed', 'nurture'],
    ['signed 400 days ago, active, mid activity: loyal', { stage: 'active' as const, signedAt: T - 400 * DAY }, calls(6), 'signed', 'loyal'],
    ['signed 400 days ago, active, low activity: nurture', { stage: 'active' as const, signedAt: T - 400 * DAY }, calls(2), 'signed', 'nurture'],
    ['signed, no interaction for 91 days: retention', { stage: 'active' as const, signedAt: T - 400 * DAY }, [ix(91)], 'signed', 'retention'],
    ['signed, last interaction exactly 90 days ago: not yet retention', { stage: 'active' as const, signedAt: T - 400 * DAY }, [ix(90)], 'signed', 'nurture'],
  ])('%s', (_label, patch, list, status, lifecycle) => {
    const k = classifyCustomer(cust(patch), list, defaultSettings, NOW);
    expect([k.status, k.lifecycle]).toEqual([status, lifecycle]);
  });

  it('churns after the window in settings', () => {
    const s = settingsWith((x) => { x.classification.churnDays = 30; });
    expect(classifyCustomer(cust(), [buy(31, 1)], s, NOW).status).toBe('churned');
    expect(classifyCustomer(cust(), [buy(30, 1)], s, NOW).status).toBe('signed');
  });
});
