import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../lib/domain';
import { verificationReport, type AuditCheck } from '../../lib/domain/audit-campaign';
import { buildReport, doneOnTime, periodAt, statusMove, type ReportInput } from '../../lib/domain/report';
import { reportRows, reportText } from '../../lib/domain/report-text';
import { reviewTags, reviewedCodeOf } from '../../lib/domain/tag-review';
import { cust, d, DAY, ix, T } from '../domain/fixtures';

describe('periodAt', () => {
  it.each([
    ['week', 0, d(2026, 11, 16), d(2026, 11, 23)],
    ['week', -1, d(2026, 11, 9), d(2026, 11, 16)],
    ['month', 0, d(2026, 11, 1), d(2026, 12, 1)],
    ['month', -1, d(2026, 10, 1), d(2026, 11, 1)],
    ['month', 1, d(2026, 12, 1), d(2027, 1, 1)],
  ] as const)('%s %i', (kind, offset, from, to) => {
    expect(periodAt(kind, T, offset)).toEqual({ kind, from, to });
  });
});

describe('doneOnTime', () => {
  const due = d(2026, 11, 20, 9);
  it.each([
    ['done the same evening', { status: 'done', dueAt: due, doneAt: d(2026, 11, 20, 23), reason: 'cadence' }, true],
    ['done the next day', { status: 'done', dueAt: due, doneAt: d(2026, 11, 21, 8), reason: 'cadence' }, false],
    ['24-h update done 1 h late', { status: 'done', dueAt: due, doneAt: due + 3_600_000, reason: 'update-24h' }, false],
    ['24-h update done in time', { status: 'done', dueAt: due, doneAt: due - 1, reason: 'update-24h' }, true],
    ['still open', { status: 'open', dueAt: due, reason: 'cadence' }, false],
    ['dismissed', { status: 'dismissed', dueAt: due, reason: 'cadence' }, false],
  ] as const)('%s', (_l, f, expected) => expect(doneOnTime(f)).toBe(expected));
});

describe('statusMove: classified at both ends of the period', () => {
  const s = defaultSettings;
  it.each([
    ['last purchase 100 days ago: turned churned 10 days ago', [ix(100, { type: 'purchase', amount: 10 })], T - 30 * DAY, T, 'churned'],
    ['last purchase 40 days ago: still signed', [ix(40, { type: 'purchase', amount: 10 })], T - 30 * DAY, T, undefined],
    ['purchase 200 days ago, another 5 days ago: won back', [ix(200, { type: 'purchase', amount: 10 }), ix(5, { type: 'purchase', amount: 10 })], T - 30 * DAY, T, 'won-back'],
    ['never bought', [ix(5)], T - 30 * DAY, T, undefined],
  ] as const)('%s', (_l, list, from, to, expected) => {
    expect(statusMove(cust(), list, s, from, to)).toBe(expected);
  });
});

const input = (patch: Partial<ReportInput> = {}): ReportInput => ({
  period: periodAt('week', T, -1), newCustomers: 3,
  interactions: [{ type: 'call', satisfaction: 4 }, { type: 'call' }, { type: 'complaint', satisfaction: 2 }],
  followUps: [
    { status: 'done', dueAt: d(2026, 11, 10), doneAt: d(2026, 11, 10, 15), reason: 'cadence' },
    { status: 'done', dueAt: d(2026, 11, 10), doneAt: d(2026, 11, 12), reason: 'cadence' },
    { status: 'open', dueAt: d(2026, 11, 11), reason: 'birthday' },
    { status: 'done', dueAt: d(2026, 11, 12, 10), doneAt: d(2026, 11, 12, 9), reason: 'update-24h' },
    { status: 'closed', dueAt: d(2026, 11, 12), reason: 'cadence' },
  ],
  overdueNow: 7, liveCards: 40, confirmedCards: 10, churned: 1, wonBack: 2, ...patch,
});

describe('buildReport', () => {
  it('adds the period up', () => {
    const r = buildReport(input());
    expect(r).toMatchObject({
      newCustomers: 3, interactions: 3, followUpsDue: 4, followUpsDoneOnTime: 2, onTimeRate: 0.5, overdue: 7,
      satisfaction: 3, satisfactionCount: 2, confirmedRate: 0.25, updatesDue: 1, updatesOnTime: 1, updatesOnTimeRate: 1, churned: 1, wonBack: 2,
    });
    expect(r.byType.call).toBe(2);
    expect(r.byType.complaint).toBe(1);
  });
  it('leaves rates undefined when nothing fell due', () => {
    const r = buildReport(input({ followUps: [], interactions: [], liveCards: 0 }));
    expect([r.onTimeRate, r.satisfaction, r.confirmedRate, r.updatesOnTimeRate]).toEqual([undefined, undefined, undefined, undefined]);
  });
  it('reads as text for 钉钉 / 企业微信 in both languages', () => {
    const r = buildReport(input());
    const zh = reportText(r, '王芳', 'zh-CN');
    expect(zh.split('\n')[0]).toBe('【客户管理周报】王芳 2026/11/09 – 2026/11/15');
    expect(zh).toContain('· 按时完成率：50%');
    expect(zh).toContain('　电话：2');
    const en = reportText(r, 'Whole workspace', 'en');
    expect(en).toContain('· Done on time: 50%');
    expect(en).toContain('· Cards confirmed in 6 months: 10 / 40 (25%)');
    expect(reportRows(r, 'en').find(([k]) => k === 'Won back')?.[1]).toBe(2);
  });
});

describe('reviewTags: the quarterly tag review', () => {
  it.each([
    ['low activity tag on a now active card → remove, new plan', { tags: ['低活跃'], activityTier: 'high' }, [], { add: [], remove: ['低活跃'], newPlan: true }],
    ['low activity tag still true', { tags: ['low activity'], activityTier: 'inactive' }, [], { add: [], remove: [], newPlan: false }],
    ['inactive card without the tag → add', { tags: [], activityTier: 'low' }, [], { add: ['低活跃'], remove: [], newPlan: false }],
    ['has complained, last complaint 2 years ago → remove', { tags: ['投诉过'], activityTier: 'mid' }, [ix(700, { type: 'complaint' })], { add: [], remove: ['投诉过'], newPlan: false }],
    ['complaint last month → add', { tags: [], activityTier: 'mid' }, [ix(30, { type: 'complaint' })], { add: ['投诉过'], remove: [], newPlan: false }],
    ['high value tag on a mid card → remove', { tags: ['高价值'], activityTier: 'mid', valueTier: 'mid' }, [], { add: [], remove: ['高价值'], newPlan: false }],
    ['price talk twice → add price-sensitive', { tags: [], activityTier: 'mid' }, [ix(10, { subject: '报价' }), ix(20, { content: '要折扣' })], { add: ['价格敏感型'], remove: [], newPlan: false }],
    ['free tags are left alone', { tags: ['VIP', '华东'], activityTier: 'mid' }, [], { add: [], remove: [], newPlan: false }],
  ] as const)('%s', (_l, patch, list, expected) => {
    expect(reviewTags(cust({ ...patch, tags: [...patch.tags] }), list, T, 'zh-CN')).toEqual(expected);
  });
  it('knows a tag by code or either label', () => {
    expect(reviewedCodeOf('Has Complained')).toBe('complained');
    expect(reviewedCodeOf('低活跃')).toBe('low-activity');
    expect(reviewedCodeOf('VIP')).toBeUndefined();
  });
});

const check = (customerId: string, owner: string, outcome: AuditCheck['outcome'], fields: string[] = [], at = T): AuditCheck => ({
  id: `k-${customerId}-${at}`, createdAt: at, updatedAt: at, rev: 1, deletedAt: null, campaignId: 'a1', customerId, owner, name: customerId,
  at, outcome, fields, note: outcome === 'unreachable' ? '电话空号' : '', who: '',
});

describe('verificationReport 《客户信息核查报告》', () => {
  it('counts by outcome and owner, tallies corrected fields, lists what could not be confirmed', () => {
    const r = verificationReport([
      check('c1', '王芳', 'confirmed'), check('c2', '王芳', 'corrected', ['phones', 'title']), check('c3', '李雷', 'corrected', ['phones']),
      check('c4', '李雷', 'unreachable'), check('c4', '李雷', 'confirmed', [], T - DAY),
    ], [{ customerId: 'c5', name: 'c5', owner: '' }]);
    expect(r).toMatchObject({ total: 5, confirmed: 1, corrected: 2, unreachable: 1, unchecked: 1 });
    expect(r.byOwner).toEqual([
      { owner: '', total: 1, confirmed: 0, corrected: 0, unreachable: 0, unchecked: 1 },
      { owner: '李雷', total: 2, confirmed: 0, corrected: 1, unreachable: 1, unchecked: 0 },
      { owner: '王芳', total: 2, confirmed: 1, corrected: 1, unreachable: 0, unchecked: 0 },
    ]);
    expect(r.changedFields).toEqual([{ field: 'phones', count: 2 }, { field: 'title', count: 1 }]);
    expect(r.notConfirmed).toEqual([
      { customerId: 'c4', name: 'c4', owner: '李雷', why: 'unreachable', note: '电话空号' },
      { customerId: 'c5', name: 'c5', owner: '', why: 'unchecked', note: '' },
    ]);
  });
});
