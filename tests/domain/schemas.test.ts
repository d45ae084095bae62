import { describe, expect, it } from 'vitest';
import { customerInputSchema, followUpInputSchema, interactionInputSchema, normalisePhone, phoneDigits, toE164 } from '../../lib/domain';

const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('customer schema', () => {
  it('fills defaults for a minimal card', () => {
    const c = customerInputSchema.parse({ name: ' Ada ' });
    expect(c).toMatchObject({ name: 'Ada', kind: 'person', emails: [], stage: 'first-contact', source: 'manual', tags: [] });
  });

  it('accepts a birthday without a year, and 29 February', () => {
    expect(customerInputSchema.parse({ name: 'A', birthday: { month: 2, day: 29 } }).birthday).toEqual({ month: 2, day: 29 });
  });

  it.each([
    [{ name: '' }, 'name: Name is required'],
    [{ name: 'A', emails: [{ value: 'a@' }] }, 'emails.0.value: Not a valid email address'],
    [{ name: 'A', birthday: { month: 4, day: 31 } }, 'birthday.day: No such day in that month'],
    [{ name: 'A', birthday: { month: 13, day: 1 } }, 'birthday.month'],
    [{ name: 'A', stage: 'won' }, 'stage'],
    [{ name: 'A', social: [{ network: 'myspace', handle: 'x' }] }, 'social.0.network'],
    [{ name: 'A', annualValue: -5 }, 'annualValue'],
    [{ name: 'A', phones: [{ raw: '1', label: 'pager' }] }, 'phones.0.label'],
  ])('refuses %j with a message naming the field (%s)', (input, expected) => {
    const issues = issuesOf(customerInputSchema.safeParse(input));
    expect(issues.some((i) => i.startsWith(expected))).toBe(true);
  });

  it('lower-cases and trims emails', () => {
    expect(customerInputSchema.parse({ name: 'A', emails: [{ value: ' A@B.CN ' }] }).emails[0]!.value).toBe('a@b.cn');
  });
});

describe('interaction and follow-up schemas', () => {
  it.each([
    [{ customerId: 'c', type: 'call', occurredAt: 1 }, true],
    [{ customerId: 'c', type: 'lunch', occurredAt: 1 }, false],
    [{ customerId: 'c', type: 'call', occurredAt: -1 }, false],
    [{ customerId: 'c', type: 'purchase', occurredAt: 1, amount: 10, currency: 'cny' }, false],
    [{ customerId: 'c', type: 'feedback', occurredAt: 1, satisfaction: 6 }, false],
    [{ customerId: '', type: 'call', occurredAt: 1 }, false],
  ])('interaction %j valid: %s', (input, ok) => {
    expect(interactionInputSchema.safeParse(input).success).toBe(ok);
  });

  it.each([
    [{ customerId: null, dueAt: 1, reason: 'tag-review', ruleKey: 'w:tag-review:2026Q4' }, true],
    [{ customerId: 'c', dueAt: 1, reason: 'lunch', ruleKey: 'k' }, false],
    [{ customerId: 'c', dueAt: 1, reason: 'cadence', ruleKey: '' }, false],
  ])('follow-up %j valid: %s', (input, ok) => {
    expect(followUpInputSchema.safeParse(input).success).toBe(ok);
  });
});

describe('phones', () => {
  it.each([
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['+86 21 6888 8888', 'CN', '+862168888888'],
    ['(021) 6888-8888', 'CN', '+862168888888'],
    ['+1 (415) 555-0132', 'CN', '+14155550132'],
    ['415-555-0132', 'US', '+14155550132'],
    ['hello', 'CN', undefined],
    ['12', 'CN', undefined],
  ])('%s in %s → %s', (raw, region, e164) => {
    expect(toE164(raw, region)).toBe(e164);
  });

  it('keeps the raw text beside E.164', () => {
    expect(normalisePhone({ raw: ' 138-0013-8000 ', label: 'mobile' })).toEqual({ raw: '138-0013-8000', label: 'mobile', e164: '+8613800138000' });
    expect(phoneDigits('+86 (138) 0013-8000')).toBe('8613800138000');
  });
});
