export const strengthMetrics = ['members', 'votes', 'ballot_lines', 'officeholders', 'signatures'] as const;
export type StrengthMetric = (typeof strengthMetrics)[number];

/** One figure a member brings: "1,200 members as of 2026-09-01 (party register)". */
export interface EvidenceFact {
  metric: StrengthMetric;
  value: number;
  /** ISO date YYYY-MM-DD the figure refers to. */
  asOf: string;
  verified: boolean;
}

export interface EvidenceFilter {
  verifiedOnly: boolean;
  /** Only figures at most this many days older than `today`. */
  withinDays: number | null;
  /** ISO date YYYY-MM-DD: the reference day (the core reads no clock). */
  today: string;
}

const dayMs = 86_400_000;
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/**
 * The figure that counts for a metric: the most recent one passing the filter (the largest when
 * several share that date). A party that shrank is judged by its current size, not its best year.
 */
export function currentFigure(
  evidence: readonly EvidenceFact[],
  metric: StrengthMetric,
  filter: EvidenceFilter,
): EvidenceFact | null {
  let best: EvidenceFact | null = null;
  for (const fact of evidence) {
    if (fact.metric !== metric) continue;
    if (filter.verifiedOnly && !fact.verified) continue;
    if (filter.withinDays !== null && daysBetween(fact.asOf, filter.today) > filter.withinDays) continue;
    if (!best || fact.asOf > best.asOf || (fact.asOf === best.asOf && fact.value > best.value)) best = fact;
  }
  return best;
}
