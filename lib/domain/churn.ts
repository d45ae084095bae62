import type { Customer } from './customer';
import { DAY_MS } from './days';
import type { Interaction } from './interaction';
import type { PracticeSettings } from './practice-settings';

/** Why a customer may be drifting away (流失预警), each against the customer's own history. */
export const churnSignalCodes = ['frequency-drop', 'high-value-silent', 'complaints', 'satisfaction-falling'] as const;
export type ChurnSignalCode = (typeof churnSignalCodes)[number];

export interface ChurnSignal {
  code: ChurnSignalCode;
  /** The figure behind it: the fall in %, days silent, complaints counted, satisfaction points lost. */
  value: number;
  /** What it is compared with: interactions before, the silence threshold, the complaint threshold, satisfaction before. */
  against: number;
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);

/**
 * Churn early-warning signals of one customer at `now` (pure; every threshold from settings):
 * interactions in the last window down ≥ dropPercent against the window before (when that one had
 * at least minPrevious); a high-value customer silent for highValueSilentDays; ≥ `complaints`
 * complaints within complaintWindowDays; average satisfaction of the last window below the window
 * before by ≥ satisfactionDrop points. Future-dated and deleted interactions do not count.
 */
export function churnSignals(
  customer: Pick<Customer, 'valueTier' | 'createdAt'>,
  interactions: readonly Pick<Interaction, 'type' | 'occurredAt' | 'deletedAt' | 'satisfaction'>[],
  s: PracticeSettings['churn'],
  now: number,
): ChurnSignal[] {
  if (!s.enabled) return [];
  const live = interactions.filter((i) => i.deletedAt === null && i.occurredAt <= now);
  const w = s.windowDays * DAY_MS;
  const recent = live.filter((i) => i.occurredAt > now - w);
  const before = live.filter((i) => i.occurredAt > now - 2 * w && i.occurredAt <= now - w);
  const out: ChurnSignal[] = [];
  if (before.length >= s.minPrevious) {
    const fall = Math.round(((before.length - recent.length) / before.length) * 100);
    if (fall >= s.dropPercent) out.push({ code: 'frequency-drop', value: fall, against: before.length });
  }
  if (customer.valueTier === 'high') {
    // From the last interaction; a card with none is silent since it was created.
    const last = live.length ? Math.max(...live.map((i) => i.occurredAt)) : customer.createdAt;
    const silent = Math.floor((now - last) / DAY_MS);
    if (silent >= s.highValueSilentDays) out.push({ code: 'high-value-silent', value: silent, against: s.highValueSilentDays });
  }
  const complaints = live.filter((i) => i.type === 'complaint' && i.occurredAt > now - s.complaintWindowDays * DAY_MS).length;
  if (complaints >= s.complaints) out.push({ code: 'complaints', value: complaints, against: s.complaints });
  const satNow = avg(recent.flatMap((i) => (i.satisfaction === undefined ? [] : [i.satisfaction])));
  const satBefore = avg(before.flatMap((i) => (i.satisfaction === undefined ? [] : [i.satisfaction])));
  if (satNow !== undefined && satBefore !== undefined && satBefore - satNow >= s.satisfactionDrop) {
    out.push({ code: 'satisfaction-falling', value: Math.round((satBefore - satNow) * 10) / 10, against: Math.round(satBefore * 10) / 10 });
  }
  return out;
}

type Words = { 'zh-CN': string; en: string };

/** A signal in words, e.g. "互动频率较上期下降 50%" / "interactions down 50% on the previous period". */
export function churnSignalText(sig: ChurnSignal, lang: 'zh-CN' | 'en'): string {
  const words: Record<ChurnSignalCode, Words> = {
    'frequency-drop': { 'zh-CN': `互动频率较上期下降 ${sig.value}%`, en: `interactions down ${sig.value}% on the previous period` },
    'high-value-silent': { 'zh-CN': `高价值客户已 ${sig.value} 天未联系`, en: `high-value customer silent for ${sig.value} days` },
    complaints: { 'zh-CN': `近期投诉 ${sig.value} 次`, en: `${sig.value} complaints lately` },
    'satisfaction-falling': { 'zh-CN': `满意度下降 ${sig.value} 分（原 ${sig.against}）`, en: `satisfaction down ${sig.value} (was ${sig.against})` },
  };
  return words[sig.code][lang];
}
