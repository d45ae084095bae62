import type { InteractionType } from './interaction';
import type { Report } from './report';

type Lang = 'zh-CN' | 'en';

const TYPE: Record<InteractionType, [string, string]> = {
  call: ['电话', 'calls'], email: ['邮件', 'emails'], meeting: ['会议', 'meetings'], visit: ['拜访', 'visits'],
  wechat: ['微信', 'WeChat'], message: ['消息', 'messages'], note: ['备注', 'notes'], feedback: ['反馈', 'feedback'],
  complaint: ['投诉', 'complaints'], purchase: ['购买', 'purchases'], contract: ['合同', 'contracts'], survey: ['调查', 'surveys'], other: ['其他', 'other'],
};
export const interactionTypeWord = (t: InteractionType, lang: Lang) => TYPE[t][lang === 'zh-CN' ? 0 : 1];

const pct = (r: number | undefined) => (r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`);
const day = (t: number, lang: Lang) => new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);

/** The report's rows as (label, value) pairs: the table beside the chart, the xlsx sheet and the text share them. */
export function reportRows(r: Report, lang: Lang): Array<[string, string | number]> {
  const zh = lang === 'zh-CN';
  const types = (Object.entries(r.byType) as [InteractionType, number][]).filter(([, n]) => n > 0);
  return [
    [zh ? '新增客户' : 'New customers', r.newCustomers],
    [zh ? '互动总数' : 'Interactions', r.interactions],
    ...types.map(([t, n]): [string, number] => [`${zh ? '　' : '  '}${interactionTypeWord(t, lang)}`, n]),
    [zh ? '到期跟进' : 'Follow-ups due', r.followUpsDue],
    [zh ? '按时完成率' : 'Done on time', pct(r.onTimeRate)],
    [zh ? '当前逾期' : 'Overdue now', r.overdue],
    [zh ? '平均满意度' : 'Average satisfaction', r.satisfaction === undefined ? '—' : `${r.satisfaction} (${r.satisfactionCount})`],
    [zh ? '半年内已核对客户' : 'Cards confirmed in 6 months', `${r.confirmedCards} / ${r.liveCards} (${pct(r.confirmedRate)})`],
    [zh ? '24小时内更新' : 'Updates within 24 h', `${r.updatesOnTime} / ${r.updatesDue} (${pct(r.updatesOnTimeRate)})`],
    [zh ? '流失客户' : 'Churned', r.churned],
    [zh ? '挽回客户' : 'Won back', r.wonBack],
  ];
}

/** A plain-text report ready to paste into 钉钉 / 企业微信 (no markdown tables: both show them raw). */
export function reportText(r: Report, who: string, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const kind = r.period.kind === 'week' ? (zh ? '周报' : 'Weekly report') : zh ? '月报' : 'Monthly report';
  const range = `${day(r.period.from, lang)} – ${day(r.period.to - 1, lang)}`;
  const head = zh ? `【客户管理${kind}】${who} ${range}` : `[Customer ${kind.toLowerCase()}] ${who} ${range}`;
  return [head, ...reportRows(r, lang).map(([k, v]) => `${k.startsWith('　') || k.startsWith('  ') ? k : `· ${k}`}${zh ? '：' : ': '}${v}`)].join('\n');
}
