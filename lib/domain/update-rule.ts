import type { CustomerFields } from './customer';
import { dayKey } from './days';
import type { Interaction } from './interaction';
import type { PracticeSettings } from './practice-settings';

/** What makes a card due for an update within 24 hours (the practice's update rule). */
export const updateTriggers = ['contact-person', 'company-details', 'needs', 'feedback'] as const;
export type UpdateTrigger = (typeof updateTriggers)[number];

type Card = Pick<CustomerFields, 'kind' | 'name' | 'company' | 'addresses' | 'websites' | 'industry' | 'companySize' | 'needs' | 'emails' | 'phones' | 'title'>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase();
const lost = (before: string[], after: string[]) => before.some((v) => !after.includes(v));
const gained = (before: string[], after: string[]) => after.some((v) => !before.includes(v));

/**
 * The triggers an edit or a clip shows, comparing the card before with after (pure):
 * contact person: a person card renamed, or an email/phone replaced (one gone and another come:
 * the old contact left, a new one arrived); company details: company, address, website, industry
 * or size changed; needs: summary, budget or decision role changed. Adding to an empty field is
 * not a change of circumstances, only completing the card.
 */
export function editTriggers(before: Card, after: Card): UpdateTrigger[] {
  const out: UpdateTrigger[] = [];
  const emails = [before.emails.map((e) => norm(e.value)), after.emails.map((e) => norm(e.value))] as const;
  const phones = [before.phones.map((p) => p.e164 ?? norm(p.raw)), after.phones.map((p) => p.e164 ?? norm(p.raw))] as const;
  const renamed = before.kind === 'person' && norm(before.name) !== norm(after.name);
  const replaced = (lost(...emails) && gained(...emails)) || (lost(...phones) && gained(...phones));
  if (renamed || replaced) out.push('contact-person');
  const changed = (a: unknown, b: unknown, empty: boolean) => !empty && !same(a, b);
  if (changed(before.company.trim(), after.company.trim(), !before.company.trim())
    || changed(before.addresses, after.addresses, before.addresses.length === 0)
    || changed(before.websites, after.websites, before.websites.length === 0)
    || changed(before.industry, after.industry, !before.industry)
    || changed(before.companySize, after.companySize, !before.companySize)) out.push('company-details');
  const n0 = before.needs;
  const n1 = after.needs;
  if (n0 && (n0.summary || n0.budget || n0.decisionRole) && !same(n0, n1)) out.push('needs');
  return out;
}

/** A logged interaction that is a trigger: feedback or a complaint. */
export function interactionTriggers(i: Pick<Interaction, 'type'>): UpdateTrigger[] {
  return i.type === 'feedback' || i.type === 'complaint' ? ['feedback'] : [];
}

/** The follow-up the rule wants: due `hours` after the trigger, one per card and day (triggers of a day merge). */
export function updateFollowUp(customerId: string, triggers: readonly UpdateTrigger[], at: number, s: PracticeSettings['update24h']) {
  if (!s.enabled || triggers.length === 0) return undefined;
  return {
    customerId,
    dueAt: at + s.hours * 3_600_000,
    reason: 'update-24h' as const,
    ruleKey: `u:${customerId}:${dayKey(at)}`,
    note: [...new Set(triggers)].join(','),
  };
}

/** The triggers recorded in a follow-up's note, known ones only. */
export function triggersOf(note: string): UpdateTrigger[] {
  return note.split(',').filter((t): t is UpdateTrigger => (updateTriggers as readonly string[]).includes(t));
}

const TRIGGER_WORDS: Record<UpdateTrigger, { 'zh-CN': string; en: string }> = {
  'contact-person': { 'zh-CN': '联系人变更', en: 'new contact person' },
  'company-details': { 'zh-CN': '公司信息变更', en: 'company details changed' },
  needs: { 'zh-CN': '需求变化', en: 'needs changed' },
  feedback: { 'zh-CN': '反馈/投诉', en: 'feedback or complaint' },
};
export function triggerText(t: UpdateTrigger, lang: 'zh-CN' | 'en'): string {
  return TRIGGER_WORDS[t][lang];
}
