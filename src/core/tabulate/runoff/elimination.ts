import type { CountContext } from '../count-context.ts';
import type { PastRound } from '../tiebreak.ts';

/**
 * Candidates to eliminate this round, or null when a tie stopped the count. `keep` is how many
 * candidates must survive (1 for IRV, the seats for bottoms-up, 2 under continue-until-two).
 */
export function chooseLosers(
  ctx: CountContext,
  continuing: readonly number[],
  tallies: ArrayLike<number>,
  round: number,
  history: readonly PastRound[],
  keep: number,
): number[] | null {
  if (ctx.options.batchElimination) {
    const batch = batchLosers(continuing, tallies, keep);
    if (batch.length > 0) return batch;
  }
  const lowest = lowestOf(continuing, tallies);
  if (lowest.length === 1) return lowest;
  const chosen = ctx.tiebreaker.pick({
    tied: lowest,
    want: 'lowest',
    purpose: 'elimination',
    round,
    history,
  });
  return chosen === null ? null : [chosen];
}

export function lowestOf(candidates: readonly number[], tallies: ArrayLike<number>): number[] {
  let min = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) min = Math.min(min, tallies[candidate] as number);
  return candidates.filter((candidate) => tallies[candidate] === min);
}

/**
 * RCTab batch elimination: the largest group of lowest candidates whose combined votes are fewer
 * than the votes of the next candidate up. None of them can overtake that candidate even with
 * all of the group's votes, so eliminating them one by one would end the same way. The strict
 * comparison never splits a tie. Returns [] when no group of two or more qualifies.
 */
export function batchLosers(
  continuing: readonly number[],
  tallies: ArrayLike<number>,
  keep: number,
): number[] {
  const ascending = [...continuing].sort((a, b) => (tallies[a] as number) - (tallies[b] as number) || a - b);
  let sum = 0;
  let size = 0;
  for (let i = 0; i + 1 < ascending.length && i + 1 <= ascending.length - keep; i++) {
    sum += tallies[ascending[i] as number] as number;
    if (sum < (tallies[ascending[i + 1] as number] as number)) size = i + 1;
  }
  return size >= 2 ? ascending.slice(0, size) : [];
}
