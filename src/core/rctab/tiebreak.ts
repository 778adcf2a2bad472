import { type JavaRandom, javaHashSetCopyOrder } from './java-collections.ts';
import type { JavaDecimal } from './java-decimal.ts';
import type { RoundTally } from './round-tally.ts';
import { tallyToCandidates } from './tally-groups.ts';
import type { TiebreakMode, TiebreakQuestion } from './types.ts';

export interface TiebreakInput {
  selectingWinner: boolean;
  tied: string[];
  votes: JavaDecimal;
  round: number;
  mode: TiebreakMode;
  rounds: readonly RoundTally[];
  permutation: readonly string[];
  random: JavaRandom | null;
  ask: ((question: TiebreakQuestion) => string) | undefined;
}

export class TiebreakUnavailable extends Error {}

/** RCTab's Tiebreak.selectCandidate. Sorts `tied` in place, as RCTab does (the sort is visible later). */
export function breakTie(input: TiebreakInput): string {
  input.tied.sort(compareJavaStrings);
  switch (input.mode) {
    case 'stopCountingAndAsk':
      return ask(input, input.tied);
    case 'random':
      return pickRandom(input, input.tied);
    case 'generatePermutation':
    case 'useCandidateOrder':
      return byPermutation(input);
    default:
      return byPreviousRounds(input);
  }
}

function byPermutation(input: TiebreakInput): string {
  const tied = new Set(input.tied);
  const order = input.selectingWinner ? input.permutation : [...input.permutation].reverse();
  const found = order.find((candidate) => tied.has(candidate));
  if (found === undefined) throw new TiebreakUnavailable('No tied candidate is in the tiebreak permutation.');
  return found;
}

function pickRandom(input: TiebreakInput, candidates: readonly string[]): string {
  if (!input.random) throw new TiebreakUnavailable('A random tiebreak needs randomSeed.');
  const index = Math.floor(input.random.nextDouble() * candidates.length);
  return candidates[index] as string;
}

function ask(input: TiebreakInput, candidates: readonly string[]): string {
  if (!input.ask) {
    throw new TiebreakUnavailable(
      `Tie in round ${input.round} among ${candidates.join(', ')}: this config asks the operator (give --tiebreak-answers).`,
    );
  }
  const answer = input.ask({
    round: input.round,
    selectingWinner: input.selectingWinner,
    candidates,
    votes: input.votes.toString(),
  });
  if (!candidates.includes(answer))
    throw new TiebreakUnavailable(`"${answer}" is not one of the tied candidates.`);
  return answer;
}

function byPreviousRounds(input: TiebreakInput): string {
  let contention: string[] = input.tied;
  for (let round = input.round - 1; round > 0; round--) {
    const tally = input.rounds[round - 1] as RoundTally;
    const groups = tallyToCandidates(tally, javaHashSetCopyOrder(contention));
    const group = input.selectingWinner ? groups.last() : groups.first();
    contention = group.candidates;
    if (contention.length === 1) return contention[0] as string;
  }
  return input.mode === 'previousRoundCountsThenAsk' ? ask(input, contention) : pickRandom(input, contention);
}

/** String.compareTo: UTF-16 code units, as JavaScript's < does. */
export function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
