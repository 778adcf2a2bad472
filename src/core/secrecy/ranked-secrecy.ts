import { countCeiling, type DisclosureLevel, saturatingMul } from './levels.ts';

/**
 * Whether a secret ranked or approval decision may publish its full count (every round's tallies
 * and the list of ballots by receipt) or only its winners.
 *
 * Counting assignments exactly through the rounds of IRV, STV or Schulze is not practical, so this
 * uses a sound lower bound: exchanging the ballots of two organizations of equal weight changes no
 * figure of the count (the engine sees the same multiset of weighted ballots) and no entry of the
 * published list. Within each group of equal weight, every distinct arrangement of that group's
 * ballots is therefore an assignment that fits; their number is the multinomial coefficient of the
 * group, and the product over groups is a lower bound on the assignments that fit. The full count
 * is published only when that bound reaches k.
 *
 * The bound is a function of the multiset of (weight, ballot) pairs, and every arrangement it
 * counts has the same multiset, so each of them would also be published in full: the rule itself
 * leaks nothing. Conservative: some results with many fitting assignments lose their round
 * tallies (for example under strength weighting, where weights rarely repeat).
 */
export interface RankedDisclosure {
  level: Extract<DisclosureLevel, { kind: 'exact' | 'outcome' }>;
  /** At least k assignments are known to fit what is published (false when only the winners are). */
  kMet: boolean;
}

export function discloseRanked(input: {
  /** Organizations whose ballot counted: weight and a canonical key of their ballot. */
  voters: readonly { weight: bigint; ballot: string }[];
  k: number;
}): RankedDisclosure {
  const bound = swapLowerBound(input.voters);
  return bound >= input.k
    ? { level: { kind: 'exact' }, kMet: true }
    : { level: { kind: 'outcome' }, kMet: false };
}

/** Π over weight groups of (group size)! / Π (copies of each ballot in the group)!, saturating. */
export function swapLowerBound(voters: readonly { weight: bigint; ballot: string }[]): number {
  const groups = new Map<bigint, Map<string, number>>();
  for (const voter of voters) {
    const group = groups.get(voter.weight) ?? new Map<string, number>();
    group.set(voter.ballot, (group.get(voter.ballot) ?? 0) + 1);
    groups.set(voter.weight, group);
  }
  let bound = 1;
  for (const group of groups.values()) bound = saturatingMul(bound, multinomial([...group.values()]));
  return bound;
}

/** (Σ counts)! / Π counts! as a product of binomials, exact in bigint, then saturating. */
export function multinomial(counts: readonly number[]): number {
  let result = 1n;
  let placed = 0n;
  for (const count of counts) {
    for (let i = 1n; i <= BigInt(count); i += 1n) {
      placed += 1n;
      // Exact at every step: the running value is a product of whole binomial coefficients.
      result = (result * placed) / i;
    }
  }
  return result > BigInt(countCeiling) ? countCeiling : Number(result);
}
