import { differenceInCalendarDays } from 'date-fns';
import type { Customer } from './customer';
import { parseDayKey } from './days';
import { churnSignalCodes, type ChurnSignalCode } from './churn';
import type { FollowUp } from './followup';
import { triggersOf, triggerText } from './update-rule';

export type ReasonLang = 'zh-CN' | 'en';
type Words = { 'zh-CN': string; en: string };

const HOLIDAYS: Record<string, Words> = {
  'spring-festival': { 'zh-CN': '春节问候', en: 'Spring Festival greetings' },
  'mid-autumn': { 'zh-CN': '中秋问候', en: 'Mid-Autumn greetings' },
  'national-day': { 'zh-CN': '国庆问候', en: 'National Day greetings' },
  'new-year': { 'zh-CN': '元旦问候', en: 'New Year greetings' },
};

const CADENCE: Record<Customer['valueTier'], Words> = {
  high: { 'zh-CN': '高价值客户月度联系', en: 'high-value monthly contact' },
  mid: { 'zh-CN': '中价值客户季度联系', en: 'mid-value quarterly contact' },
  low: { 'zh-CN': '客户半年联系', en: 'half-yearly keep-in-touch' },
  unknown: { 'zh-CN': '客户定期联系', en: 'regular keep-in-touch' },
};

const CHURN: Record<ChurnSignalCode, Words> = {
  'frequency-drop': { 'zh-CN': '互动减少', en: 'fewer interactions' },
  'high-value-silent': { 'zh-CN': '高价值客户久未联系', en: 'high-value customer silent' },
  complaints: { 'zh-CN': '投诉增多', en: 'repeated complaints' },
  'satisfaction-falling': { 'zh-CN': '满意度下降', en: 'satisfaction falling' },
};

/** "in 2 days" / "tomorrow" / "today" / "3 days ago" in either language. */
function when(days: number, lang: ReasonLang): string {
  if (lang === 'zh-CN') return days === 0 ? '今天' : days === 1 ? '明天' : days > 0 ? `还有${days}天` : `已过${-days}天`;
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** The event date a key ends with (birthday, holiday, contract end), if any. */
function eventOf(ruleKey: string): number | undefined {
  const m = /(\d{4}-\d{2}-\d{2})$/.exec(ruleKey);
  return m ? parseDayKey(m[1]!) : undefined;
}

const withNote = (text: string, note: string, lang: ReasonLang) => (note ? `${text}${lang === 'zh-CN' ? '：' : ': '}${note}` : text);

/**
 * The reason of a follow-up in words for the popup and the card ("高价值客户月度联系",
 * "birthday in 2 days", "day-7 onboarding revisit", "win-back invitation"). Pure; `now` decides "in N days".
 */
export function reasonText(
  f: Pick<FollowUp, 'reason' | 'ruleKey' | 'dueAt' | 'note'>,
  customer: Pick<Customer, 'valueTier' | 'signedAt'> | undefined,
  lang: ReasonLang,
  now: Date,
): string {
  const zh = lang === 'zh-CN';
  const event = eventOf(f.ruleKey);
  const until = event === undefined ? 0 : differenceInCalendarDays(event, now);
  switch (f.reason) {
    case 'cadence': return CADENCE[customer?.valueTier ?? 'unknown'][lang];
    case 'custom-service': return zh ? '高价值客户季度专属服务（培训、行业报告）' : 'quarterly tailored service (training, industry report)';
    case 'onboarding-welcome': return zh ? '签约欢迎信' : 'welcome letter after signing';
    case 'onboarding-revisit': {
      const day = customer?.signedAt === undefined ? 7 : differenceInCalendarDays(f.dueAt, customer.signedAt);
      return zh ? `签约第${day}天使用回访` : `day-${day} onboarding revisit`;
    }
    case 'survey': return zh ? '签约满月感谢与满意度调查' : 'one-month thank-you and satisfaction survey';
    case 'anniversary': {
      const n = /:(\d+)$/.exec(f.ruleKey)?.[1] ?? '1';
      return zh ? `签约${n}周年纪念礼` : `${n}-year anniversary gift`;
    }
    case 'winback': return withNote(zh ? '流失客户挽回邀请' : 'win-back invitation', f.note, lang);
    case 'birthday': return zh ? (until === 0 ? '今天生日' : `生日${when(until, lang)}`) : `birthday ${when(until, lang)}`;
    case 'holiday': {
      const id = /:holiday:([^:]+):/.exec(f.ruleKey)?.[1] ?? '';
      const name = HOLIDAYS[id]?.[lang] ?? (zh ? `${f.note}问候` : `${f.note} greetings`);
      return zh ? `${name}（${when(until, lang)}）` : `${name} (${when(until, lang)})`;
    }
    case 'next-step': return withNote(zh ? '下一步' : 'next step', f.note, lang);
    case 'contract-renewal': return zh ? `合同${when(until, lang)}到期，洽谈续约` : `contract ends ${when(until, lang)}: renewal`;
    case 'data-audit': return zh ? '核对客户资料（超过半年未确认）' : 'confirm the card details (not reviewed for 6 months)';
    case 'tag-review': return zh ? '季度标签整理' : 'quarterly tag review';
    case 'manual': return f.note || (zh ? '跟进' : 'follow-up');
    case 'update-24h': {
      const what = triggersOf(f.note).map((x) => triggerText(x, lang)).join(zh ? '、' : ', ');
      const head = zh ? '24小时内更新客户资料' : 'update the card within 24 h';
      return what ? `${head}${zh ? '：' : ': '}${what}` : head;
    }
    case 'churn-warning': {
      const codes = f.note.split(',').filter((c): c is ChurnSignalCode => (churnSignalCodes as readonly string[]).includes(c));
      const what = codes.map((c) => CHURN[c][lang]).join(zh ? '、' : ', ');
      const head = zh ? '流失预警，尽快回访' : 'churn warning: get in touch';
      return what ? `${head}${zh ? '（' : ' ('}${what}${zh ? '）' : ')'}` : head;
    }
  }
}
