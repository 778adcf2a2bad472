import type { Evidence, StrengthMetric } from '../api/types.ts';

export interface CurrentFigure {
  value: number;
  asOf: string;
  verified: boolean;
}

/**
 * The figure that speaks for a member's size: the latest verified one, else the latest submitted
 * (shown as unverified), as the admission rules judge a member by its current size.
 */
export function currentFigure(evidence: readonly Evidence[], metric: StrengthMetric): CurrentFigure | null {
  const latest = (list: readonly Evidence[]) =>
    list.reduce<Evidence | null>((best, e) => (!best || e.asOf > best.asOf ? e : best), null);
  const ofMetric = evidence.filter((e) => e.metric === metric);
  const pick = latest(ofMetric.filter((e) => e.verified)) ?? latest(ofMetric);
  return pick ? { value: pick.value, asOf: pick.asOf, verified: pick.verified } : null;
}
