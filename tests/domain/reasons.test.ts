import { describe, expect, it } from 'vitest';
import { reasonText, type FollowUp } from '../../lib/domain';
import { d, NOW, T } from './fixtures';

const f = (reason: FollowUp['reason'], ruleKey: string, note = '', dueAt = T): Pick<FollowUp, 'reason' | 'ruleKey' | 'dueAt' | 'note'> =>
  ({ reason, ruleKey, note, dueAt });

describe('reasonText', () => {
  it.each([
    [f('cadence', 'c:c1:cadence:2026-11-22'), 'high', '高价值客户月度联系', 'high-value monthly contact'],
    [f('cadence', 'c:c1:cadence:2026-11-22'), 'mid', '中价值客户季度联系', 'mid-value quarterly contact'],
    [f('birthday', 'c:c1:birthday:2026-11-24'), 'low', '生日还有2天', 'birthday in 2 days'],
    [f('birthday', 'c:c1:birthday:2026-11-23'), 'low', '生日明天', 'birthday tomorrow'],
    [f('birthday', 'c:c1:birthday:2026-11-22'), 'low', '今天生日', 'birthday today'],
    [f('onboarding-revisit', 'c:c1:onboarding-revisit:2026-11-15', '', d(2026, 11, 22)), 'low', '签约第7天使用回访', 'day-7 onboarding revisit'],
    [f('winback', 'c:c1:winback:2026-08-01'), 'low', '流失客户挽回邀请', 'win-back invitation'],
    [f('winback', 'c:c1:winback:2026-08-01', '交货延迟'), 'low', '流失客户挽回邀请：交货延迟', 'win-back invitation: 交货延迟'],
    [f('holiday', 'c:c1:holiday:spring-festival:2027-02-06', '春节'), 'mid', '春节问候（还有76天）', 'Spring Festival greetings (in 76 days)'],
    [f('holiday', 'c:c1:holiday:dragon-boat:2026-11-27', '端午节'), 'mid', '端午节问候（还有5天）', '端午节 greetings (in 5 days)'],
    [f('anniversary', 'c:c1:anniversary:2025-11-27:1'), 'mid', '签约1周年纪念礼', '1-year anniversary gift'],
    [f('contract-renewal', 'c:c1:contract-renewal:i1:2026-12-22'), 'mid', '合同还有30天到期，洽谈续约', 'contract ends in 30 days: renewal'],
    [f('next-step', 'c:c1:next-step:i1:1', '发报价'), 'mid', '下一步：发报价', 'next step: 发报价'],
    [f('tag-review', 'w:tag-review:2026-10-01'), undefined, '季度标签整理', 'quarterly tag review'],
    [f('manual', 'manual:1', '寄样品'), 'mid', '寄样品', '寄样品'],
  ] as const)('%j (%s)', (followUp, tier, zh, en) => {
    const customer = tier === undefined ? undefined : { valueTier: tier, signedAt: d(2026, 11, 15, 15) };
    expect(reasonText(followUp, customer, 'zh-CN', NOW)).toBe(zh);
    expect(reasonText(followUp, customer, 'en', NOW)).toBe(en);
  });

  it('has words in both languages for every reason code', async () => {
    const { followUpReasons } = await import('../../lib/domain');
    for (const reason of followUpReasons.filter((r) => r !== 'manual')) {
      const zh = reasonText(f(reason, `c:c1:${reason}:2026-11-30`, 'x'), { valueTier: 'high', signedAt: T }, 'zh-CN', NOW);
      const en = reasonText(f(reason, `c:c1:${reason}:2026-11-30`, 'x'), { valueTier: 'high', signedAt: T }, 'en', NOW);
      expect(zh).not.toBe('');
      expect(en).not.toBe(zh);
    }
  });
});
