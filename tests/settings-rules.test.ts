import { describe, expect, it } from 'vitest';
import { setPath, validateRules } from '../components/settings/rules-form';
import { defaultSettings } from '../lib/domain';

const base = { classification: defaultSettings.classification, followUps: defaultSettings.followUps };

describe('rules settings validation', () => {
  it('accepts the defaults', () => {
    expect(validateRules(base)).toEqual({ ok: true, value: base });
  });

  it.each([
    ['classification.valueHigh', -1, 'classification.valueHigh'],
    ['classification.valueHigh', Number.NaN, 'classification.valueHigh'],
    ['classification.valueMid', 600_000, 'classification.valueMid'],
    ['classification.activityMidPerMonth', 5, 'classification.activityMidPerMonth'],
    ['followUps.cadence.highDays', 0, 'followUps.cadence.highDays'],
    ['followUps.cadence.lowDays', 2.5, 'followUps.cadence.lowDays'],
    ['followUps.birthday.leadDays', 61, 'followUps.birthday.leadDays'],
    ['followUps.holiday.holidays.0.month', 13, 'followUps.holiday.holidays.0.month'],
    ['followUps.holiday.holidays.1.name', '', 'followUps.holiday.holidays.1.name'],
  ])('refuses %s = %s and names the field', (path, value, field) => {
    const r = validateRules(setPath(base, path, value));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : Object.keys(r.errors)).toContain(field);
  });

  it('setPath changes a copy only', () => {
    const next = setPath(base, 'followUps.cadence.enabled', false);
    expect(next.followUps.cadence.enabled).toBe(false);
    expect(base.followUps.cadence.enabled).toBe(true);
  });
});
