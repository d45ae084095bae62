/**
 * Dates as webmail pages print them. Chinese UIs write "2017年10月28日(星期六) 中午11:57" in
 * China time; we read those as UTC+8 because QQ and NetEase render them server-side in Beijing time.
 */
export function parseMailDate(text: string | null | undefined): number | undefined {
  const s = (text ?? '').replace(/\u00a0/g, ' ').trim();
  if (!s) return undefined;
  const zh = /(\d{4})\s*[年/-]\s*(\d{1,2})\s*[月/-]\s*(\d{1,2})\s*日?[^\d]*?(凌晨|早上|上午|中午|下午|晚上)?\s*(\d{1,2})[:：](\d{2})/.exec(s);
  if (zh) {
    const [, y, mo, d, part, h, mi] = zh;
    let hour = Number(h);
    if ((part === '下午' || part === '晚上') && hour < 12) hour += 12;
    if (part === '凌晨' && hour === 12) hour = 0;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), hour - 8, Number(mi));
  }
  // "Tue, Mar 4, 2025, 10:31 AM" and RFC 2822 dates: Date.parse reads both in V8; drop "(2 days ago)".
  const t = Date.parse(s.replace(/\(.*?\)/g, '').replace(/ at /, ' ').trim());
  return Number.isNaN(t) ? undefined : t;
}
