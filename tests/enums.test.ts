// Every user-visible code in words, in both languages: a value added to an enum without words fails here.
import { describe, expect, it } from 'vitest';
import {
  activityTiers, auditActions, auditEntities, customerKinds, customerSources, decisionRoles, defaultSettings, directions,
  followUpReasons, followUpStatuses, industrySections, interactionTypes, lifecycles, phoneLabels, socialNetworks, stages,
  statuses, valueTiers,
} from '../lib/domain';
import { reasonText } from '../lib/domain/reasons';
import { suggestedTagCodes, suggestedTagLabels } from '../lib/domain/tags';
import { isMessageKey, messageTables, type Lang, type MessageKey } from '../lib/i18n';
import { auditWords, industryName, networkName, SECTIONS, targetLabel } from '../lib/i18n/words';
import { columnTargets } from '../lib/import-export/columns';

const LANGS: Lang[] = ['en', 'zh-CN'];
const HAN = /\p{Script=Han}/u;

/** The key has words in both languages, and they are not the code itself. */
function hasWords(key: MessageKey, code: string) {
  for (const lang of LANGS) {
    const words = messageTables[lang][key];
    expect(words, `${key} in ${lang}`).toBeTruthy();
    expect(words!.trim(), `${key} in ${lang}`).not.toBe('');
    if (code.length > 2) expect(words, `${key} in ${lang} is the raw code`).not.toBe(code);
  }
}

const prefixed: Array<[string, readonly string[], string]> = [
  ['value tiers', valueTiers, 'value'], ['activity tiers', activityTiers, 'activity'], ['statuses', statuses, 'status'],
  ['lifecycles', lifecycles, 'lifecycle'], ['stages', stages, 'stage'], ['sources', customerSources, 'source'],
  ['kinds', customerKinds, 'kind'], ['decision roles', decisionRoles, 'role'], ['phone labels', phoneLabels, 'phone'],
  ['networks', socialNetworks, 'network'], ['interaction types', interactionTypes, 'type'], ['directions', directions, 'dir'],
  ['audit actions', auditActions, 'audit'], ['audit records', auditEntities, 'audit.entity'],
  ['follow-up statuses', followUpStatuses, 'fuStatus'], ['duplicate reasons', ['email', 'phone', 'name'], 'dup.reason'],
  ['review matches', ['email', 'phone', 'linkedin', 'name+company'], 'matchBy'],
];

describe('every enum value has words in both languages', () => {
  it.each(prefixed)('%s', (_name, values, prefix) => {
    for (const v of values) {
      const key = `${prefix}.${v}`;
      expect(isMessageKey(key), `${key} is missing`).toBe(true);
      if (isMessageKey(key)) hasWords(key, v);
    }
  });

  it('GB/T 4754 industry sections A–T by name, Chinese in the Chinese UI; free text stays as written', () => {
    expect([...SECTIONS]).toEqual(industrySections);
    for (const s of industrySections) {
      expect(industryName(s, 'en')).toMatch(/^[A-Z][a-z]/);
      expect(industryName(s, 'zh-CN')).toMatch(HAN);
    }
    expect(industryName('j', 'zh-CN')).toBe('金融业');
    expect(industryName('K', 'en')).toBe('Real estate');
    expect(industryName('半导体', 'en')).toBe('半导体');
  });

  it.each(LANGS)('follow-up reasons in %s', (lang) => {
    const now = new Date(2026, 10, 22, 9);
    for (const reason of followUpReasons) {
      const text = reasonText({ reason, ruleKey: `c:x:${reason}:2026-11-25`, dueAt: now.getTime(), note: '' }, { valueTier: 'high', signedAt: undefined }, lang, now);
      expect(text.trim(), reason).not.toBe('');
      expect(text, reason).not.toBe(reason);
      if (lang === 'zh-CN') expect(text, reason).toMatch(HAN);
    }
  });

  it.each(LANGS)('suggested tags, networks and audit entries read as words in %s', (lang) => {
    for (const code of suggestedTagCodes) expect(suggestedTagLabels[code][lang]).toBeTruthy();
    expect(networkName('wechat', lang)).toBe(lang === 'en' ? 'WeChat' : '微信');
    for (const entity of auditEntities) for (const action of auditActions) {
      const words = auditWords({ entity, action }, lang);
      expect(words).not.toContain(entity);
      expect(words).not.toMatch(new RegExp(`\\b${action}\\b`));
    }
  });

  it.each(LANGS)('import mapping targets in words in %s (no field ids)', async (lang) => {
    const { lang: current } = await import('../lib/i18n');
    current.value = lang;
    for (const target of columnTargets) {
      const label = targetLabel(target);
      expect(label, target).not.toContain(':'); // email:work
      for (const id of target.split(':')) if (/[a-z][A-Z]/.test(id)) expect(label, target).not.toContain(id); // firstName, customFields
      if (lang === 'zh-CN') expect(label, target).toMatch(/\p{Script=Han}|QQ|WhatsApp|X/u);
    }
    current.value = 'en';
  });

  it('rule settings: every number of every rule is labelled', () => {
    for (const [rule, value] of Object.entries(defaultSettings.followUps)) {
      for (const [field, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v !== 'number') continue;
        const key = `rules.${rule}.${field}`;
        expect(isMessageKey(key), key).toBe(true);
      }
      expect(isMessageKey(`rules.${rule}`), rule).toBe(true);
    }
    for (const k of Object.keys(defaultSettings.classification)) expect(isMessageKey(`rules.${k}`), k).toBe(true);
  });
});

describe('validation messages follow the interface language', () => {
  it('zod messages and our own in Chinese in the Chinese UI, English in the English one', async () => {
    const { z } = await import('zod');
    const { lang } = await import('../lib/i18n');
    const { errorText } = await import('../lib/i18n/zod');
    const { customerInputSchema } = await import('../lib/domain');
    lang.value = 'zh-CN';
    const zh = customerInputSchema.safeParse({ name: '', emails: [{ value: 'nope', label: '' }] });
    expect(zh.success).toBe(false);
    for (const issue of zh.error!.issues) expect(errorText(issue.message), issue.message).toMatch(HAN);
    expect(z.number().safeParse('x').error!.issues[0]!.message).toMatch(HAN);
    lang.value = 'en';
    expect(z.number().safeParse('x').error!.issues[0]!.message).toMatch(/expected number/i);
    expect(errorText('Name is required')).toBe('Name is required');
  });
});
