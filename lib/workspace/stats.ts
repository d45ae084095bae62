import { activityTiers, valueTiers, type Customer, type Interaction, type InteractionType } from '../domain';

const DAY = 86_400_000;

/** value tier × activity tier counts (rows = value tiers, columns = activity tiers). */
export function valueActivityMatrix(customers: Customer[]): number[][] {
  const m = valueTiers.map(() => activityTiers.map(() => 0));
  for (const c of customers) m[valueTiers.indexOf(c.valueTier)]![activityTiers.indexOf(c.activityTier)]! += 1;
  return m;
}

/** The first day (UTC ms) of each of the last 12 months, oldest first, ending with now's month. */
export function lastTwelveMonths(now: number): number[] {
  const d = new Date(now);
  return Array.from({ length: 12 }, (_, i) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11 + i, 1));
}

function monthIndex(months: number[], at: number): number {
  for (let i = months.length - 1; i >= 0; i -= 1) if (at >= months[i]!) return i;
  return -1;
}

/** Interactions per month for 12 months, by type; and the average satisfaction per month. */
export function interactionMonths(interactions: Interaction[], now: number) {
  const months = lastTwelveMonths(now);
  const byType = new Map<InteractionType, number[]>();
  const sat = months.map(() => ({ sum: 0, n: 0 }));
  for (const i of interactions) {
    if (i.deletedAt !== null || i.occurredAt > now) continue;
    const m = monthIndex(months, i.occurredAt);
    if (m < 0) continue;
    const row = byType.get(i.type) ?? months.map(() => 0);
    row[m]! += 1;
    byType.set(i.type, row);
    if (i.satisfaction) { sat[m]!.sum += i.satisfaction; sat[m]!.n += 1; }
  }
  return { months, byType, satisfaction: sat.map((s) => (s.n ? s.sum / s.n : null)) };
}

export interface RfmRow { id: string; name: string; r: number; f: number; m: number; score: number }

function quintile(sortedAsc: number[], v: number): number {
  if (sortedAsc.length === 0) return 1;
  let lo = 0;
  let hi = sortedAsc.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sortedAsc[mid]! <= v) lo = mid + 1; else hi = mid; }
  return Math.min(5, Math.max(1, Math.ceil((lo / sortedAsc.length) * 5)));
}

/**
 * RFM scores 1–5 each (quintiles): recency = days since the last interaction (fewer = better),
 * frequency = interactions in 12 months, monetary = the customer's value. Sorted best first.
 */
export function rfmScores(customers: Customer[], frequency: Map<string, number>, now: number): RfmRow[] {
  const rec = customers.map((c) => (c.lastInteractionAt ? (now - c.lastInteractionAt) / DAY : 99_999));
  const recSorted = rec.map((r) => -r).sort((a, b) => a - b);
  const freqSorted = customers.map((c) => frequency.get(c.id) ?? 0).sort((a, b) => a - b);
  const monSorted = customers.map((c) => c.value).sort((a, b) => a - b);
  return customers.map((c, i) => {
    const r = quintile(recSorted, -rec[i]!);
    const f = quintile(freqSorted, frequency.get(c.id) ?? 0);
    const m = quintile(monSorted, c.value);
    return { id: c.id, name: c.name, r, f, m, score: r * 100 + f * 10 + m };
  }).sort((a, b) => b.r + b.f + b.m - (a.r + a.f + a.m) || b.score - a.score);
}

/** Signed customers gone quiet: no interaction for `quietDays` or more, most valuable first. */
export function churnRisk(customers: Customer[], now: number, quietDays = 60): Customer[] {
  return customers
    .filter((c) => c.status !== 'potential' && (!c.lastInteractionAt || now - c.lastInteractionAt >= quietDays * DAY))
    .sort((a, b) => b.value - a.value)
    .slice(0, 50);
}
