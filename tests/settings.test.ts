import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../lib/domain';
import { loadSettings, readSettings, saveSettings, settingsItem } from '../lib/settings';
import { settingsRejectedItem } from '../lib/storage/items';

// A user's settings, every field different from the defaults.
const mine: Settings = {
  ...defaultSettings,
  userName: '小李',
  ownEmails: ['li@example.cn'],
  locale: 'zh-CN',
  currency: 'USD',
  defaultRegion: 'US',
  maskContacts: true,
  notifications: false,
  classification: { ...defaultSettings.classification, valueHigh: 800_000, valueMid: 200_000, churnDays: 120 },
  followUps: {
    ...defaultSettings.followUps,
    cadence: { enabled: true, highDays: 14, midDays: 60, lowDays: 120 },
    birthday: { enabled: false, leadDays: 5 },
  },
};

type Breakage = [string, (s: Record<string, any>) => void, string[]];

// One or more broken fields; each row lists the paths that must fall back (and only those).
const broken: Breakage[] = [
  ['a currency that is not a code', (s) => { s.currency = 'yuan'; }, ['currency']],
  ['a negative threshold', (s) => { s.classification.valueHigh = -5; }, ['classification.valueHigh']],
  ['a threshold stored as text', (s) => { s.classification.valueMid = '200000'; }, ['classification.valueMid']],
  ['a name too long', (s) => { s.userName = 'x'.repeat(101); }, ['userName']],
  ['an unknown language', (s) => { s.locale = 'fr'; }, ['locale']],
  ['a cadence of zero days', (s) => { s.followUps.cadence.highDays = 0; }, ['followUps.cadence.highDays']],
  ['a rule switch that is not a boolean', (s) => { s.followUps.birthday.enabled = 'no'; }, ['followUps.birthday.enabled']],
  ['a whole rule replaced by a string', (s) => { s.followUps.survey = 'off'; }, ['followUps.survey']],
  ['the classification replaced by null', (s) => { s.classification = null; }, ['classification']],
  ['one broken holiday among valid ones', (s) => { s.followUps.holiday.holidays[1].month = 13; }, ['followUps.holiday.holidays.1']],
  ['an own email that is a number', (s) => { s.ownEmails = ['li@example.cn', 42]; }, ['ownEmails.1']],
  ['three broken fields at once', (s) => { s.currency = 1; s.defaultRegion = 'usa'; s.classification.churnDays = 99999; },
    ['currency', 'defaultRegion', 'classification.churnDays']],
  ['a wrong schema version', (s) => { s.version = 7; }, ['version']],
];

const get = (o: unknown, path: string): unknown => path.split('.').reduce<any>((at, k) => (at == null ? at : at[k]), o);

/** Every leaf path of the settings (arrays count as leaves). */
function leaves(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('readSettings: a broken stored field falls back alone', () => {
  it.each(broken)('%s', (_name, breakIt, expected) => {
    const stored = structuredClone(mine) as Record<string, any>;
    breakIt(stored);
    const { settings, problem, problemPaths } = readSettings(stored);
    expect(problemPaths?.sort()).toEqual([...expected].sort());
    for (const p of expected) expect(problem).toContain(p);
    const touched = (leaf: string) => expected.some((p) => leaf === p || leaf.startsWith(`${p}.`) || p.startsWith(`${leaf}.`));
    for (const leaf of leaves(mine)) {
      if (touched(leaf)) continue;
      expect(get(settings, leaf), leaf).toEqual(get(mine, leaf)); // every other valid value kept
    }
    for (const p of expected) {
      if (/\.\d+$/.test(p)) continue; // a broken list item is dropped, the list's other items kept (below)
      expect(get(settings, p), p).toEqual(get(defaultSettings, p));
    }
  });

  it('drops only the broken list item', () => {
    const stored = structuredClone(mine) as Record<string, any>;
    stored.followUps.holiday.holidays[1].month = 13;
    const { settings } = readSettings(stored);
    expect(settings.followUps.holiday.holidays.map((h) => h.id)).toEqual(['spring-festival', 'national-day', 'new-year']);
  });

  it('the issue\'s probe: 小李 and 800,000 survive one bad field', () => {
    const { settings, problem } = readSettings({ ...mine, currency: 'yuan' });
    expect(problem).toMatch(/currency/);
    expect(settings.userName).toBe('小李');
    expect(settings.classification.valueHigh).toBe(800_000);
    expect(settings.currency).toBe('CNY');
  });

  it.each([[null], [undefined]])('nothing stored (%s) reads as the defaults, no problem', (stored) => {
    expect(readSettings(stored)).toEqual({ settings: defaultSettings });
  });

  it.each([['a string', 'oops'], ['a number', 3], ['a list', [1, 2]]])('a stored value that is %s reads as the defaults, with a problem', (_n, stored) => {
    const r = readSettings(stored);
    expect(r.settings).toEqual(defaultSettings);
    expect(r.problem).toBeTruthy();
  });

  it('keeps stored values and silently fills keys added by newer versions', () => {
    const { settings, problem } = readSettings({ ...defaultSettings, userName: '小李', classification: { valueHigh: 800_000 } });
    expect(problem).toBeUndefined();
    expect(settings.userName).toBe('小李');
    expect(settings.classification.valueHigh).toBe(800_000);
    expect(settings.classification.valueMid).toBe(100_000);
  });
});

describe('saveSettings merges onto the stored value', () => {
  it('reads the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(defaultSettings);
  });

  it('reports an invalid stored value without overwriting it on read', async () => {
    await settingsItem.setValue({ ...mine, currency: 'yuan' });
    const { settings, problem } = readSettings(await settingsItem.getValue());
    expect(problem).toMatch(/currency/);
    expect(settings.currency).toBe('CNY');
    expect(await settingsItem.getValue()).toMatchObject({ currency: 'yuan' });
  });

  it('a save after a broken read keeps every other stored value, and keeps the broken value aside', async () => {
    await settingsItem.setValue({ ...mine, currency: 'yuan' });
    await saveSettings({ maskContacts: false });
    const stored = (await settingsItem.getValue()) as Settings;
    expect(stored).toEqual({ ...mine, currency: 'CNY', maskContacts: false });
    expect((await settingsRejectedItem.getValue())?.value).toMatchObject({ currency: 'yuan', userName: '小李' });
  });

  it('a partial nested patch changes only that field', async () => {
    await settingsItem.setValue(mine);
    await saveSettings({ classification: { valueHigh: 900_000 } });
    const stored = (await settingsItem.getValue()) as Settings;
    expect(stored.classification).toEqual({ ...mine.classification, valueHigh: 900_000 });
    expect(stored.userName).toBe('小李');
  });

  it('refuses to save an invalid change and stores nothing', async () => {
    await settingsItem.setValue(mine);
    await expect(saveSettings({ currency: 'yuan' })).rejects.toThrow();
    expect(await settingsItem.getValue()).toEqual(mine);
    await saveSettings({ userName: 'Ada' });
    expect((await loadSettings()).userName).toBe('Ada');
  });
});
