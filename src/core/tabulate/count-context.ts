import type { Tiebreaker } from './tiebreak.ts';
import type { CandidateName, Round, TabulationOptions } from './types.ts';

/** What every counting method needs besides the ballots. */
export interface CountContext {
  names: readonly CandidateName[];
  /** Weights are integers in units of 10^-weightDecimals. */
  weightDecimals: number;
  options: TabulationOptions;
  tiebreaker: Tiebreaker;
}

/** Whole-vote tallies leave the engine as JSON numbers: the nearest double to the exact decimal. */
export const unitsToVotes = (units: number, decimals: number): number =>
  decimals === 0 ? units : units / 10 ** decimals;

export const namesOf = (ctx: CountContext, candidates: readonly number[]): CandidateName[] =>
  candidates.map((candidate) => ctx.names[candidate] as CandidateName);

/** A round of a whole-vote count: tallies of the listed candidates, in candidate order. */
export function wholeVoteRound(
  ctx: CountContext,
  round: number,
  candidates: readonly number[],
  tallies: ArrayLike<number>,
  exhausted: number,
): Round<number> {
  const published: Record<string, number> = {};
  for (const candidate of candidates) {
    published[ctx.names[candidate] as string] = unitsToVotes(
      tallies[candidate] as number,
      ctx.weightDecimals,
    );
  }
  return {
    round,
    tallies: published,
    exhausted: unitsToVotes(exhausted, ctx.weightDecimals),
    elected: [],
    eliminated: [],
  };
}

/** Candidates ordered by tally, highest first; equal tallies in candidate order. */
export function byTallyDescending(
  candidates: readonly number[],
  tallies: ArrayLike<number | bigint>,
): number[] {
  return [...candidates].sort((a, b) => {
    const x = tallies[a] as number | bigint;
    const y = tallies[b] as number | bigint;
    return x > y ? -1 : x < y ? 1 : a - b;
  });
}
