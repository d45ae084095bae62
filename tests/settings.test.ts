import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../lib/domain';
import { loadSettings, readSettings, saveSettings, settingsItem } from '../lib/settings';

describe('settings', () => {
  it('reads the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(defaultSettings);
  });

  it('keeps stored values and fills keys added by newer versions', () => {
    const stored = { ...defaultSettings, userName: '小李', classification: { valueHigh: 800_000 } };
    const { settings, problem } = readSettings(stored);
    expect(problem).toBeUndefined();
    expect(settings.userName).toBe('小李');
    expect(settings.classification.valueHigh).toBe(800_000);
    expect(settings.classification.valueMid).toBe(100_000);
  });

  it('reports an invalid stored value without overwriting it', async () => {
    await settingsItem.setValue({ ...defaultSettings, currency: 'yuan' });
    const { settings, problem } = readSettings(await settingsItem.getValue());
    expect(problem).toMatch(/currency/);
    expect(settings.currency).toBe('CNY');
    expect((await settingsItem.getValue()) as { currency: string }).toMatchObject({ currency: 'yuan' });
  });

  it('refuses to save an invalid change', async () => {
    await expect(saveSettings({ currency: 'yuan' })).rejects.toThrow();
    await saveSettings({ userName: 'Ada' });
    expect((await loadSettings()).userName).toBe('Ada');
  });
});
