import { classifyTiers, type TierName, tierNames } from '../../../../src/core/allocate/tiers.ts';
import { raceValues } from '../../../../src/core/allocate/transfer.ts';
import type { PactInput } from '../../../../src/core/allocate/types.ts';
import { validatePact } from '../../../../src/core/allocate/validate.ts';

export type { TierName };

export interface RaceOdds {
  /** Each member's win probability if it alone ran for the pact there, by member key, best first. */
  byMember: { key: string; probability: number }[];
  /** Safe, contested or difficult: from the best margin any member could reach (docs/pacts.md). */
  tier: TierName;
}

/**
 * Per-race odds of a version, recomputed in the browser from the input the version ran on with the
 * engine's own pure functions (src/core/allocate), so the figures are the engine's to the last
 * digit. The API's race view carries only the explanation text; these give the table sortable
 * numbers. An input the engine would refuse (never stored) gives no odds.
 */
export function raceOdds(input: PactInput): Map<string, RaceOdds> {
  const odds = new Map<string, RaceOdds>();
  let pact: ReturnType<typeof validatePact>;
  try {
    pact = validatePact(input);
  } catch {
    return odds;
  }
  const values = raceValues(pact);
  const tiers = classifyTiers(values, pact.races.length, pact.settings.tierMargin);
  const n = pact.members.length;
  pact.races.forEach((race, r) => {
    const byMember = pact.members
      .map((member, m) => ({ key: member.id as string, probability: values.probability[r * n + m] ?? 0 }))
      .sort((a, b) => b.probability - a.probability);
    odds.set(race.id, { byMember, tier: tierNames[tiers[r] ?? 1] ?? 'contested' });
  });
  return odds;
}

/** The probability of one member in a race, or null when the odds or the member are unknown. */
export function probabilityOf(
  odds: RaceOdds | undefined,
  memberKey: string | null | undefined,
): number | null {
  if (!odds || !memberKey) return null;
  return odds.byMember.find((entry) => entry.key === memberKey)?.probability ?? null;
}

export const tierLabels: Record<TierName, string> = {
  safe: 'Safe',
  contested: 'Contested',
  difficult: 'Difficult',
};
