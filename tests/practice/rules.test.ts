import { describe, expect, it } from 'vitest';
import { defaultSettings, reasonText, followUpReasons } from '../../lib/domain';
import { churnSignals, churnSignalText } from '../../lib/domain/churn';
import { funnelOf } from '../../lib/domain/funnel';
import { rfmSegment, rfmSegmentLabels, rfmSegments, segmentOf } from '../../lib/domain/rfm';
import { editTriggers, interactionTriggers, updateFollowUp } from '../../lib/domain/update-rule';
import { planFollowUps } from '../../lib/domain/followups';
import { cust, d, DAY, ix, NOW, only, settingsWith, T } from '../domain/fixtures';

const churn = defaultSettings.practice.churn;
const calls = (daysAgo: number[], patch = {}) => daysAgo.map((n) => ix(n, patch));

describe('churnSignals: against the customer\'s own history', () => {
  it.each([
    ['5 calls → 2: down 60%', cust(), [...calls([100, 110, 120, 130, 140]), ...calls([10, 20])], [{ code: 'frequency-drop', value: 60, against: 5 }]],
    ['5 calls → 3: down 40% (the threshold)', cust(), [...calls([100, 110, 120, 130, 140]), ...calls([10, 20, 30])], [{ code: 'frequency-drop', value: 40, against: 5 }]],
    ['5 → 4: down 20%, no warning', cust(), [...calls([100, 110, 120, 130, 140]), ...calls([10, 20, 30, 40])], []],
    ['2 → 0: too few before to say', cust(), calls([100, 120]), []],
    ['high value, last call 31 days ago', cust({ valueTier: 'high' }), calls([31]), [{ code: 'high-value-silent', value: 31, against: 30 }]],
    ['high value, last call 29 days ago', cust({ valueTier: 'high' }), calls([29]), []],
    ['mid value silent 200 days: not this rule', cust({ valueTier: 'mid' }), calls([200]), []],
    ['3 complaints in a month', cust(), calls([1, 5, 20], { type: 'complaint' }), [{ code: 'complaints', value: 3, against: 3 }]],
    ['3 complaints over 2 months: 2 in the window', cust(), calls([1, 5, 40], { type: 'complaint' }), []],
    ['satisfaction 5,5 → 3: down 2', cust(), [ix(120, { satisfaction: 5 }), ix(100, { satisfaction: 5 }), ix(10, { satisfaction: 3 })], [{ code: 'satisfaction-falling', value: 2, against: 5 }]],
    ['satisfaction 4 → 3.5: down 0.5', cust(), [ix(120, { satisfaction: 4 }), ix(10, { satisfaction: 3 }), ix(5, { satisfaction: 4 })], []],
    ['a future meeting does not count', cust({ valueTier: 'high' }), [ix(40), ix(-3)], [{ code: 'high-value-silent', value: 40, against: 30 }]],
    ['deleted complaints do not count', cust(), calls([1, 2, 3], { type: 'complaint', deletedAt: T }), []],
  ] as const)('%s', (_label, c, list, expected) => {
    expect(churnSignals(c, list, churn, T)).toEqual(expected);
  });

  it('every threshold is a setting', () => {
    const list = [...calls([100, 110, 120, 130, 140]), ...calls([10, 20, 30, 40])];
    expect(churnSignals(cust(), list, { ...churn, dropPercent: 20 }, T).map((s) => s.code)).toEqual(['frequency-drop']);
    expect(churnSignals(cust({ valueTier: 'high' }), calls([20]), { ...churn, highValueSilentDays: 14 }, T).map((s) => s.code)).toEqual(['high-value-silent']);
    expect(churnSignals(cust(), calls([1, 2], { type: 'complaint' }), { ...churn, complaints: 2 }, T).map((s) => s.code)).toEqual(['complaints']);
    expect(churnSignals(cust({ valueTier: 'high' }), calls([40]), { ...churn, enabled: false }, T)).toEqual([]);
  });

  it('says each signal in both languages', () => {
    expect(churnSignalText({ code: 'frequency-drop', value: 60, against: 5 }, 'zh-CN')).toBe('互动频率较上期下降 60%');
    expect(churnSignalText({ code: 'high-value-silent', value: 31, against: 30 }, 'en')).toBe('high-value customer silent for 31 days');
  });

  it('plans a churn-warning follow-up due today, one a month, and none for a churned customer', () => {
    const c = cust({ annualValue: 600_000, stage: 'active', signedAt: T - 200 * DAY });
    const planned = planFollowUps(c, calls([45]), [], only('churnWarning'), NOW);
    expect(planned).toMatchObject([{ reason: 'churn-warning', ruleKey: 'c:c1:churn-warning:2026-11-01', note: 'high-value-silent', dueAt: d(2026, 11, 22) }]);
    expect(planFollowUps(c, calls([45]), planned, only('churnWarning'), NOW)).toEqual([]);
    // Silence alone is what the monthly cadence already asks for: no second reminder beside it.
    expect(planFollowUps(c, calls([45]), [], only('churnWarning', 'cadence'), NOW).map((f) => f.reason)).toEqual(['cadence']);
    const complaints = [...calls([45]), ...calls([1, 2, 3], { type: 'complaint' })];
    expect(planFollowUps(c, complaints, [], only('churnWarning', 'cadence'), NOW).map((f) => [f.reason, f.note])).toContainEqual(['churn-warning', 'complaints']);
    expect(planFollowUps(c, calls([45]), [], settingsWith((s) => { s.followUps.churnWarning.enabled = false; for (const r of Object.values(s.followUps)) r.enabled = false; }), NOW)).toEqual([]);
    const lost = cust({ annualValue: 600_000, stage: 'lost', signedAt: T - 200 * DAY });
    expect(planFollowUps(lost, calls([45]), [], only('churnWarning'), NOW)).toEqual([]);
  });
});

describe('RFM segments', () => {
  const s = defaultSettings.practice.rfm;
  it.each([
    [true, true, true, 'important-value', '重要价值客户', 'important value'],
    [true, false, true, 'important-development', '重要发展客户', 'important development'],
    [false, true, true, 'important-retention', '重要保持客户', 'important retention'],
    [false, false, true, 'important-winback', '重要挽留客户', 'important win-back'],
    [true, true, false, 'general-value', '一般价值客户', 'general value'],
    [true, false, false, 'general-development', '一般发展客户', 'general development'],
    [false, true, false, 'general-retention', '一般保持客户', 'general retention'],
    [false, false, false, 'general-winback', '一般挽留客户', 'general win-back'],
  ] as const)('R %s F %s M %s → %s', (r, f, m, seg, zh, en) => {
    expect(segmentOf(r, f, m)).toBe(seg);
    expect(rfmSegmentLabels[seg]).toEqual({ 'zh-CN': zh, en });
  });
  it('has the standard eight', () => expect(new Set(rfmSegments).size).toBe(8));
  it.each([
    [{ lastInteractionAt: T - 10 * DAY, activityTier: 'high', valueTier: 'high' }, 'important-value'],
    [{ lastInteractionAt: T - 89 * DAY, activityTier: 'mid', valueTier: 'mid' }, 'important-value'],
    [{ lastInteractionAt: T - 91 * DAY, activityTier: 'mid', valueTier: 'mid' }, 'important-retention'],
    [{ lastInteractionAt: undefined, activityTier: 'inactive', valueTier: 'high' }, 'important-winback'],
    [{ lastInteractionAt: T - 5 * DAY, activityTier: 'low', valueTier: 'unknown' }, 'general-development'],
    [{ lastInteractionAt: T - 5 * DAY, activityTier: 'mid', valueTier: 'low' }, 'general-value'],
  ] as const)('%j → %s', (c, seg) => expect(rfmSegment(c, s, T)).toBe(seg));
  it('thresholds are settings', () => {
    const c = { lastInteractionAt: T - 10 * DAY, activityTier: 'mid', valueTier: 'mid' } as const;
    expect(rfmSegment(c, { ...s, frequentFrom: 'high', valuableFrom: 'high' }, T)).toBe('general-development');
    expect(rfmSegment(c, { ...s, recencyDays: 7 }, T)).toBe('important-retention');
  });
});

describe('funnelOf: a cohort by stage now', () => {
  it('counts a card at a later stage as having passed the earlier ones', () => {
    const f = funnelOf({ 'first-contact': 4, negotiating: 3, active: 2, renewed: 1, lost: 2 }, 1);
    expect(f.total).toBe(12);
    expect(f.rows.map((r) => [r.stage, r.reached, r.now])).toEqual([
      ['first-contact', 12, 4], ['negotiating', 7, 3], ['active', 4, 2], ['renewed', 1, 1],
    ]);
    expect(f.rows.map((r) => r.conversion)).toEqual([undefined, 7 / 12, 4 / 7, 1 / 4]);
    expect(f.lost).toBe(2);
    expect(f.lostRate).toBe(2 / 12);
  });
  it('is empty without a cohort', () => {
    const f = funnelOf({ 'first-contact': 0, negotiating: 0, active: 0, renewed: 0, lost: 0 }, 0);
    expect(f.rows.every((r) => r.reached === 0 && r.conversion === undefined)).toBe(true);
    expect(f.lostRate).toBeUndefined();
  });
});

describe('the 24-hour update rule', () => {
  const base = cust({ company: '云帆科技', emails: [{ value: 'a@x.cn', label: '' }], needs: { summary: '产品A', budget: '' }, addresses: [] });
  it.each([
    ['renamed person: new contact', { name: '李娜' }, ['contact-person']],
    ['email replaced: new contact', { emails: [{ value: 'b@x.cn', label: '' }] }, ['contact-person']],
    ['email added beside: no trigger', { emails: [{ value: 'a@x.cn', label: '' }, { value: 'b@x.cn', label: '' }] }, []],
    ['company changed', { company: '云帆集团' }, ['company-details']],
    ['address filled in for the first time: no trigger', { addresses: [{ label: '', formatted: '上海', street: '', city: '', region: '', postalCode: '', country: '' }] }, []],
    ['needs changed from A to B', { needs: { summary: '产品B', budget: '' } }, ['needs']],
    ['title only: no trigger', { title: '经理' }, []],
    ['renamed and moved company', { name: '李娜', company: '星河' }, ['contact-person', 'company-details']],
  ] as const)('%s', (_l, patch, expected) => {
    expect(editTriggers(base, { ...base, ...(patch as object) })).toEqual(expected);
  });
  it('renaming an organisation card is not a new contact person', () => {
    const org = cust({ kind: 'organization', name: '云帆' });
    expect(editTriggers(org, { ...org, name: '云帆集团' })).toEqual([]);
  });
  it.each([['feedback', ['feedback']], ['complaint', ['feedback']], ['call', []], ['purchase', []]] as const)('%s logged → %j', (type, expected) => {
    expect(interactionTriggers({ type })).toEqual(expected);
  });
  it('plans a follow-up due 24 h later, one per card and day, hours a setting', () => {
    expect(updateFollowUp('c1', ['needs', 'needs'], T, defaultSettings.practice.update24h))
      .toEqual({ customerId: 'c1', dueAt: T + 24 * 3_600_000, reason: 'update-24h', ruleKey: 'u:c1:2026-11-22', note: 'needs' });
    expect(updateFollowUp('c1', ['needs'], T, { enabled: true, hours: 8 })?.dueAt).toBe(T + 8 * 3_600_000);
    expect(updateFollowUp('c1', [], T, defaultSettings.practice.update24h)).toBeUndefined();
    expect(updateFollowUp('c1', ['needs'], T, { enabled: false, hours: 24 })).toBeUndefined();
  });
});

describe('reason words of the practice', () => {
  it.each([
    ['update-24h', 'contact-person,feedback', '24小时内更新客户资料：联系人变更、反馈/投诉', 'update the card within 24 h: new contact person, feedback or complaint'],
    ['churn-warning', 'high-value-silent,complaints', '流失预警，尽快回访（高价值客户久未联系、投诉增多）', 'churn warning: get in touch (high-value customer silent, repeated complaints)'],
  ] as const)('%s', (reason, note, zh, en) => {
    const f = { reason, ruleKey: `u:c1:2026-11-22`, note, dueAt: T };
    expect(reasonText(f, { valueTier: 'high', signedAt: T }, 'zh-CN', NOW)).toBe(zh);
    expect(reasonText(f, { valueTier: 'high', signedAt: T }, 'en', NOW)).toBe(en);
  });
  it('every reason has words in both languages', () => {
    for (const reason of followUpReasons) {
      const f = { reason, ruleKey: `c:c1:${reason}:2026-11-30`, note: '', dueAt: T };
      expect(reasonText(f, { valueTier: 'high', signedAt: T }, 'zh-CN', NOW)).not.toBe(reasonText(f, { valueTier: 'high', signedAt: T }, 'en', NOW));
    }
  });
});
