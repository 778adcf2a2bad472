import type { CompiledBallots } from '../compile.ts';
import { byTallyDescending, type CountContext, namesOf, wholeVoteRound } from '../count-context.ts';
import { type MethodResult, stoppedOnTie } from '../method-result.ts';
import type { PastRound } from '../tiebreak.ts';
import type { Round } from '../types.ts';
import { chooseLosers } from './elimination.ts';
import { RunoffCount } from './runoff-count.ts';

/**
 * Bottoms-up multi-seat IRV (RCTab "bottoms-up"): eliminate the lowest candidate, round after
 * round, until only as many candidates remain as there are seats; they are all elected.
 */
export function countBottomsUp(ballots: CompiledBallots, ctx: CountContext): MethodResult {
  const count = new RunoffCount(ballots);
  const rounds: Round<number>[] = [];
  const history: PastRound[] = [];
  const eliminated: number[][] = [];
  const seats = ctx.options.seats;
  for (let round = 1; ; round++) {
    const continuing = count.continuingList();
    const record = wholeVoteRound(ctx, round, continuing, count.tallies, count.exhausted);
    rounds.push(record);
    if (continuing.length <= seats) {
      const winners = byTallyDescending(continuing, count.tallies);
      record.elected = namesOf(ctx, winners);
      return {
        winners,
        ranking: [...winners, ...eliminated.reverse().flat()],
        rounds,
        outcome: { kind: 'complete' },
      };
    }
    const losers = chooseLosers(ctx, continuing, count.tallies, round, history, seats);
    if (losers === null)
      return { winners: [], ranking: [], rounds, outcome: stoppedOnTie(ctx, round, 'elimination') };
    const ordered = byTallyDescending(losers, count.tallies);
    record.eliminated = namesOf(ctx, ordered);
    eliminated.push(ordered);
    history.push({ round, tallies: count.tallies.slice() });
    count.eliminate(losers);
  }
}
