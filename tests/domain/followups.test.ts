import { describe, expect, it } from 'vitest';
import { dayKey, defaultSettings, type Customer, type FollowUp, type Interaction, type Settings } from '../../lib/domain';
import { obsoleteFollowUps, planFollowUps, planWorkspaceFollowUps, type PlannedFollowUp } from '../../lib/domain/followups';
import { cust, d, DAY, ix, NOW, only, settingsWith, T } from './fixtures';

type RuleName = keyof Settings['followUps'];
const stored = (p: PlannedFollowUp[], status: FollowUp['status'] = 'open'): FollowUp[] =>
  p.map((f, k) => ({ ...f, id: `f${k}`, createdAt: T, updatedAt: T, rev: 1, deletedAt: null, status }));
const keys = (p: PlannedFollowUp[]) => p.map((f) => `${f.reason}@${dayKey(f.dueAt)}`).sort();

const high = { annualValue: 600_000 };
const mid = { annualValue: 200_000 };

// One scenario per rule: what it plans on 22 Nov 2026 (or the date given).
const scenarios: Array<[RuleName, string, Partial<Customer>, Interaction[], Date, string[]]> = [
  ['cadence', 'high value, last call 20 days ago → day 30', high, [ix(20)], NOW, ['cadence@2026-12-02']],
  ['cadence', 'mid value, last call 80 days ago → day 90', mid, [ix(80)], NOW, ['cadence@2026-12-02']],
  ['cadence', 'low value, last call 170 days ago → day 182', { annualValue: 5 }, [ix(170)], NOW, ['cadence@2026-12-04']],
  ['cadence', 'unknown value uses the low cadence', {}, [ix(170)], NOW, ['cadence@2026-12-04']],
  ['cadence', 'high value, last call 50 days ago → 20 days overdue, kept as due', high, [ix(50)], NOW, ['cadence@2026-11-02']],
  ['cadence', 'high value, last call 230 days ago → 200 days overdue, still shown as due', high, [ix(230)], NOW, ['cadence@2026-05-06']],
  ['cadence', 'last contact an email of 2017 → starts from today, not years overdue', high, [ix(3200)], NOW, ['cadence@2026-11-22']],
  ['customService', 'high value: this quarter, due today', high, [ix(1)], NOW, ['custom-service@2026-11-22']],
  ['customService', 'high value on the first day of a quarter', high, [ix(1)], new Date(2027, 0, 1, 9), ['custom-service@2027-01-01']],
  ['onboardingWelcome', 'signed yesterday → within 3 days', { signedAt: T - DAY }, [], NOW, ['onboarding-welcome@2026-11-24']],
  ['onboardingRevisit', 'signed yesterday → day 7', { signedAt: T - DAY }, [], NOW, ['onboarding-revisit@2026-11-28']],
  ['survey', 'signed 20 days ago → 1 month', { signedAt: T - 20 * DAY }, [], NOW, ['survey@2026-12-02']],
  ['survey', 'first purchase stands in for signedAt', {}, [ix(20, { type: 'purchase', amount: 1 })], NOW, ['survey@2026-12-02']],
  ['anniversary', 'signed 360 days ago → 1 year', { signedAt: T - 360 * DAY, stage: 'active' }, [ix(2)], NOW, ['anniversary@2026-11-27']],
  ['anniversary', 'signed 27 Nov 2022 → the 4th on the calendar day', { signedAt: d(2022, 11, 27), stage: 'active' }, [ix(2)], NOW, ['anniversary@2026-11-27']],
  ['winback', 'last purchase 95 days ago → turned churned 4 days ago', {}, [ix(95, { type: 'purchase', amount: 1 })], NOW, ['winback@2026-11-18']],
  ['winback', 'stage lost → due now', { stage: 'lost' }, [ix(10, { type: 'purchase', amount: 1 })], NOW, ['winback@2026-11-22']],
  ['birthday', 'birthday 25 Nov → reminded 3 days ahead', { birthday: { month: 11, day: 25 } }, [], NOW, ['birthday@2026-11-22']],
  ['birthday', 'birthday with a year, 1 Dec', { birthday: { month: 12, day: 1, year: 1980 } }, [], NOW, ['birthday@2026-11-28']],
  ['birthday', 'birthday today is due today', { birthday: { month: 11, day: 22 } }, [], NOW, ['birthday@2026-11-22']],
  ['birthday', 'birthday tomorrow: reminder not in the past', { birthday: { month: 11, day: 23 } }, [], NOW, ['birthday@2026-11-22']],
  ['birthday', '29 Feb in a common year → 28 Feb', { birthday: { month: 2, day: 29 } }, [], new Date(2027, 1, 20), ['birthday@2027-02-25']],
  ['birthday', '29 Feb in a leap year stays', { birthday: { month: 2, day: 29 } }, [], new Date(2028, 1, 20), ['birthday@2028-02-26']],
  ['birthday', 'new year birthday seen from December', { birthday: { month: 1, day: 2 } }, [], new Date(2026, 11, 28), ['birthday@2026-12-30']],
  ['holiday', 'mid value: Spring Festival 2026-02-17, 7 days ahead', mid, [ix(1)], new Date(2026, 1, 5), ['holiday@2026-02-10']],
  ['holiday', 'Mid-Autumn 2026-09-25 (5 days ahead) and National Day', mid, [ix(1)], new Date(2026, 8, 15), ['holiday@2026-09-20', 'holiday@2026-09-26']],
  ['holiday', 'Spring Festival 2027-02-06 and nothing else', high, [ix(1)], new Date(2027, 0, 25), ['holiday@2027-01-30']],
  ['holiday', 'National Day', mid, [ix(1)], new Date(2026, 8, 28), ['holiday@2026-09-28']],
  ['holiday', 'New Year seen from late December', mid, [ix(1)], new Date(2026, 11, 20), ['holiday@2026-12-27']],
  ['nextStep', 'an interaction\'s next step', {}, [ix(2, { nextStep: { text: '发报价', dueAt: d(2026, 11, 25, 10) } })], NOW, ['next-step@2026-11-25']],
  ['contractRenewal', 'contract ending in 40 days → 30 days before', {}, [ix(200, { type: 'contract', endsAt: T + 40 * DAY })], NOW, ['contract-renewal@2026-12-02']],
  ['dataAudit', 'reviewed 180 days ago → confirm at 182', { reviewedAt: T - 180 * DAY }, [], NOW, ['data-audit@2026-11-24']],
  ['dataAudit', 'reviewed six years ago → confirm from today', { reviewedAt: T - 2200 * DAY }, [], NOW, ['data-audit@2026-11-22']],
];

describe('planFollowUps: each rule', () => {
  it.each(scenarios)('%s: %s', (rule, _label, patch, list, now, expected) => {
    expect(keys(planFollowUps(cust(patch), list, [], only(rule), now))).toEqual(expected);
  });

  it.each(scenarios)('%s switched off: %s plans nothing of it', (rule, _label, patch, list, now, expected) => {
    const s = settingsWith((x) => { x.followUps[rule].enabled = false; });
    const reason = expected[0]!.split('@')[0];
    expect(planFollowUps(cust(patch), list, [], s, now).map((f) => f.reason)).not.toContain(reason);
  });

  it.each<[RuleName[], string, Partial<Customer>, Interaction[], Date]>([
    [['cadence'], 'mid value, call 20 days ago: day 90 is beyond the horizon', mid, [ix(20)], NOW],
    [['holiday'], 'low value: no holidays', { annualValue: 5 }, [ix(1)], new Date(2026, 1, 5)],
    [['customService'], 'mid value: no custom service', mid, [ix(1)], NOW],
    [['birthday'], 'birthday yesterday: next one is a year away', { birthday: { month: 11, day: 21 } }, [], NOW],
    [['onboardingWelcome', 'onboardingRevisit', 'survey'], 'signed 2 years ago: no onboarding', { signedAt: T - 800 * DAY }, [ix(1)], NOW],
    [['anniversary'], 'potential customer: no anniversary', {}, [ix(365)], NOW],
    [['nextStep'], 'next step 60 days ago (imported history)', {}, [ix(70, { nextStep: { text: '', dueAt: T - 60 * DAY } })], NOW],
    [['nextStep'], 'a deleted interaction\'s next step', {}, [{ ...ix(2, { nextStep: { text: '', dueAt: T + DAY } }), deletedAt: T }], NOW],
    [['contractRenewal'], 'contract ending in 60 days: not yet', {}, [ix(10, { type: 'contract', endsAt: T + 60 * DAY })], NOW],
    [['winback'], 'churned two years ago: no win-back now', {}, [ix(800, { type: 'purchase', amount: 1 })], NOW],
    [['winback'], 'signed: no win-back', {}, [ix(89, { type: 'purchase', amount: 1 })], NOW],
    [['dataAudit'], 'reviewed today', { reviewedAt: T }, [], NOW],
  ])('%s: plans nothing when %s', (rules, _label, patch, list, now) => {
    expect(planFollowUps(cust(patch), list, [], only(...rules), now)).toEqual([]);
  });

  it('puts the recorded reason on the win-back', () => {
    const list = [ix(95, { type: 'purchase', amount: 1 }), ix(93, { type: 'complaint', result: '交货延迟' })];
    expect(planFollowUps(cust(), list, [], only('winback'), NOW)).toMatchObject([{ reason: 'winback', note: '交货延迟' }]);
  });

  it('uses the holiday calendar from settings (a lunar date added by the user)', () => {
    const s = settingsWith((x) => {
      for (const [k, r] of Object.entries(x.followUps)) r.enabled = k === 'holiday';
      x.followUps.holiday.holidays = [{ id: 'dragon-boat', name: '端午节', calendar: 'lunar', month: 5, day: 5, leadDays: 2, enabled: true }];
    });
    // Dragon Boat Festival 2026 is 19 June.
    expect(planFollowUps(cust(mid), [ix(1)], [], s, new Date(2026, 5, 10)))
      .toMatchObject([{ reason: 'holiday', dueAt: d(2026, 6, 17), note: '端午节', ruleKey: 'c:c1:holiday:dragon-boat:2026-06-19' }]);
  });

  it('plans nothing for a deleted customer', () => {
    expect(planFollowUps(cust({ ...high, deletedAt: T, birthday: { month: 11, day: 23 } }), [ix(29)], [], defaultSettings, NOW)).toEqual([]);
  });
});

describe('planFollowUps: keys and idempotence', () => {
  const rich = cust({ ...high, signedAt: T - 5 * DAY, birthday: { month: 11, day: 24 }, reviewedAt: T - 181 * DAY });
  // The contract 5 days ago is the last contact: the next cadence (day 30) is beyond the horizon.
  const richList = [ix(29), ix(5, { type: 'contract', amount: 600_000, endsAt: T + 35 * DAY, nextStep: { text: 'call', dueAt: T + 2 * DAY } })];

  it('gives every follow-up a key naming customer, rule and period', () => {
    const planned = planFollowUps(rich, richList, [], defaultSettings, NOW);
    expect(planned.map((f) => f.reason).sort()).toEqual(
      ['birthday', 'contract-renewal', 'custom-service', 'data-audit', 'next-step', 'onboarding-revisit', 'onboarding-welcome'].sort());
    for (const f of planned) expect(f.ruleKey).toMatch(new RegExp(`^c:c1:${f.reason}:.+`));
    expect(new Set(planned.map((f) => f.ruleKey)).size).toBe(planned.length);
  });

  it('returns nothing new when run again with its own output, whatever their status', () => {
    const first = planFollowUps(rich, richList, [], defaultSettings, NOW);
    expect(planFollowUps(rich, richList, first, defaultSettings, NOW)).toEqual([]);
    expect(planFollowUps(rich, richList, stored(first, 'dismissed'), defaultSettings, NOW)).toEqual([]);
  });

  it('run every day for 60 days never plans the same key twice', () => {
    const all: PlannedFollowUp[] = [];
    for (let day = 0; day < 60; day += 1) all.push(...planFollowUps(rich, richList, all, defaultSettings, new Date(T + day * DAY)));
    expect(new Set(all.map((f) => f.ruleKey)).size).toBe(all.length);
    expect(all.filter((f) => f.reason === 'holiday').map((f) => f.ruleKey.split(':').slice(3).join(':')))
      .toEqual(['new-year:2027-01-01', 'spring-festival:2027-02-06']);
  });
});

describe('a far-past anchor', () => {
  it('plans from today once, and not again the next day (the key keeps the computed period)', () => {
    const s = only('cadence');
    const first = planFollowUps(cust(high), [ix(3200)], [], s, NOW);
    expect(first).toHaveLength(1);
    expect(planFollowUps(cust(high), [ix(3200)], stored(first), s, new Date(NOW.getTime() + DAY))).toEqual([]);
    expect(obsoleteFollowUps(cust(high), [ix(3200)], stored(first), s, new Date(NOW.getTime() + DAY))).toEqual([]);
  });
  it('a next step or contract far in the past is not planned at all', () => {
    const old = [ix(3000, { nextStep: { text: 'call back', dueAt: T - 2990 * DAY } }), ix(3000, { type: 'contract', endsAt: T - 2000 * DAY })];
    expect(planFollowUps(cust({}), old, [], settingsWith((x) => { x.followUps.cadence.enabled = false; x.followUps.dataAudit.enabled = false; }), NOW)).toEqual([]);
  });
});

describe('cadence resets when an interaction is logged', () => {
  const s = only('cadence');
  const c = cust(high);
  it('moves the due day and makes the old cadence follow-up obsolete', () => {
    const before = planFollowUps(c, [ix(25)], [], s, NOW);
    expect(keys(before)).toEqual(['cadence@2026-11-27']);
    const logged = [ix(25), ix(0)];
    const after = planFollowUps(c, logged, stored(before), s, NOW);
    // The new due day (30 days from today) is beyond the horizon: it is planned when it comes near.
    expect(after).toEqual([]);
    expect(obsoleteFollowUps(c, logged, stored(before), s, NOW).map((f) => f.ruleKey)).toEqual(['c:c1:cadence:2026-11-27']);
    expect(keys(planFollowUps(c, logged, stored(before), s, new Date(T + 20 * DAY)))).toEqual(['cadence@2026-12-22']);
  });

  it('keeps the current one, and leaves done and manual ones alone', () => {
    const list = [ix(25)];
    const current = stored(planFollowUps(c, list, [], s, NOW));
    const manual = { ...current[0]!, id: 'm', reason: 'manual' as const, ruleKey: 'manual:1' };
    const done = { ...current[0]!, id: 'd', status: 'done' as const, ruleKey: 'c:c1:cadence:2026-01-01' };
    expect(obsoleteFollowUps(c, list, [...current, manual, done], s, NOW)).toEqual([]);
  });
});

describe('obsoleteFollowUps', () => {
  const bday = only('birthday');
  const c = cust({ birthday: { month: 11, day: 25 } });
  const open = stored(planFollowUps(c, [], [], bday, NOW));

  it.each([
    ['the birthday was edited', cust({ birthday: { month: 11, day: 26 } }), bday, 1],
    ['the birthday was removed', cust(), bday, 1],
    ['the rule was switched off', c, only(), 1],
    ['the customer was deleted', cust({ birthday: { month: 11, day: 25 }, deletedAt: T }), bday, 1],
    ['nothing changed', c, bday, 0],
  ])('closes it when %s', (_label, customer, s, count) => {
    expect(obsoleteFollowUps(customer, [], open, s, NOW)).toHaveLength(count);
  });

  it('keeps an overdue birthday reminder after the day has passed', () => {
    expect(obsoleteFollowUps(c, [], open, bday, new Date(T + 10 * DAY))).toEqual([]);
  });

  it('closes a win-back once the customer buys again', () => {
    const churned = [ix(95, { type: 'purchase', amount: 1 })];
    const wb = stored(planFollowUps(cust(), churned, [], only('winback'), NOW));
    expect(wb).toHaveLength(1);
    expect(obsoleteFollowUps(cust(), [...churned, ix(0, { type: 'purchase', amount: 1 })], wb, only('winback'), NOW)).toHaveLength(1);
  });
});

describe('planWorkspaceFollowUps', () => {
  it.each([
    [NOW, 'w:tag-review:2026-10-01', d(2026, 11, 22)],
    [new Date(2027, 0, 1, 8), 'w:tag-review:2027-01-01', d(2027, 1, 1)],
  ])('plans one tag review per quarter (%s)', (now, ruleKey, dueAt) => {
    const planned = planWorkspaceFollowUps([], defaultSettings, now);
    expect(planned).toEqual([{ customerId: null, reason: 'tag-review', ruleKey, dueAt, note: '' }]);
    expect(planWorkspaceFollowUps(planned, defaultSettings, now)).toEqual([]);
    expect(planWorkspaceFollowUps([], only(), now)).toEqual([]);
  });
});
