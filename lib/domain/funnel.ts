import type { Customer } from './customer';

/** The pipeline path of SPEC §2 (first-contact → negotiating → active → renewed), lost beside it. */
export const funnelPath = ['first-contact', 'negotiating', 'active', 'renewed'] as const;
export type FunnelStage = (typeof funnelPath)[number];

export interface FunnelRow {
  stage: FunnelStage;
  /** Cards of the cohort that reached this stage or a later one. */
  reached: number;
  /** Cards of the cohort standing at this stage now. */
  now: number;
  /** reached / reached of the stage before (0–1); undefined for the first stage or when the one before is empty. */
  conversion: number | undefined;
}
export interface Funnel { total: number; rows: FunnelRow[]; lost: number; lostRate: number | undefined }

/**
 * The funnel of a cohort (the cards first contacted in the chosen period) from how many stand at
 * each stage now. Stages are ordered, so a card at "active" passed negotiating. The stage is a
 * manual field whose history is not kept: a lost card counts as having reached "active" when it
 * had signed (`lostSigned`: status signed or churned), else only first contact. Pure.
 */
export function funnelOf(atStage: Record<Customer['stage'], number>, lostSigned: number): Funnel {
  const total = Object.values(atStage).reduce((a, b) => a + b, 0);
  const signedLost = Math.min(lostSigned, atStage.lost);
  const reached: Record<FunnelStage, number> = {
    'first-contact': total,
    negotiating: atStage.negotiating + atStage.active + atStage.renewed + signedLost,
    active: atStage.active + atStage.renewed + signedLost,
    renewed: atStage.renewed,
  };
  const rows = funnelPath.map((stage, i): FunnelRow => {
    const prev = i === 0 ? undefined : reached[funnelPath[i - 1]!];
    return { stage, reached: reached[stage], now: atStage[stage], conversion: prev ? reached[stage] / prev : undefined };
  });
  return { total, rows, lost: atStage.lost, lostRate: total ? atStage.lost / total : undefined };
}
