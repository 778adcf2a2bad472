import type { CompiledBallots } from '../compile.ts';
import { byTallyDescending, type CountContext, namesOf, wholeVoteRound } from '../count-context.ts';
import { type MethodResult, stoppedOnTie } from '../method-result.ts';
import type { PastRound } from '../tiebreak.ts';
import type { Round } from '../types.ts';
import { chooseLosers } from './elimination.ts';
import { RunoffCount } from './runoff-count.ts';

interface Pass {
  rounds: Round<number>[];
  winner: number | null;
  /** Everyone but the winner, best first: the candidates left at the end, then the eliminated. */
  others: number[];
  stopped: MethodResult['outcome'] | null;
}

/**
 * One instant-runoff count: a candidate with more than half of the votes of continuing ballots
 * wins; otherwise the lowest candidate (or, with batch elimination, every candidate who cannot
 * catch up) is eliminated and their ballots move to their next continuing choice.
 * Under continue-until-two, eliminations go on until two candidates remain (RCTab option); the
 * majority winner is unchanged but the final round shows the last head-to-head.
 */
function runIrvPass(
  ballots: CompiledBallots,
  ctx: CountContext,
  excluded: readonly number[],
  firstRound: number,
  pass: number | undefined,
): Pass {
  const count = new RunoffCount(ballots, excluded);
  const rounds: Round<number>[] = [];
  const history: PastRound[] = [];
  const eliminated: number[][] = [];
  const untilTwo = ctx.options.continueUntilTwo;
  for (let round = firstRound; ; round++) {
    const continuing = count.continuingList();
    const record = wholeVoteRound(ctx, round, continuing, count.tallies, count.exhausted);
    if (pass !== undefined) record.pass = pass;
    rounds.push(record);
    if (continuing.length === 0) return { rounds, winner: null, others: [], stopped: null };
    const standing = byTallyDescending(continuing, count.tallies);
    const leader = standing[0] as number;
    const majority = 2 * (count.tallies[leader] as number) > count.continuingTotal();
    if (continuing.length === 1 || (majority && (!untilTwo || continuing.length <= 2))) {
      record.elected = namesOf(ctx, [leader]);
      return {
        rounds,
        winner: leader,
        others: [...standing.slice(1), ...eliminated.reverse().flat()],
        stopped: null,
      };
    }
    const losers = chooseLosers(ctx, continuing, count.tallies, round, history, untilTwo ? 2 : 1);
    if (losers === null) {
      return { rounds, winner: null, others: [], stopped: stoppedOnTie(ctx, round, 'elimination') };
    }
    record.eliminated = namesOf(ctx, byTallyDescending(losers, count.tallies));
    eliminated.push(byTallyDescending(losers, count.tallies));
    history.push({ round, tallies: count.tallies.slice() });
    count.eliminate(losers);
  }
}

/** Single-seat IRV, or with several seats sequential IRV (RCTab "multi-pass IRV"): each seat is
 * a fresh IRV count over all ballots with the candidates already elected removed. */
export function countIrv(ballots: CompiledBallots, ctx: CountContext): MethodResult {
  const winners: number[] = [];
  const rounds: Round<number>[] = [];
  let others: number[] = [];
  const sequential = ctx.options.seats > 1;
  const seats = Math.min(ctx.options.seats, ctx.names.length);
  for (let seat = 1; seat <= seats; seat++) {
    const pass = runIrvPass(ballots, ctx, winners, rounds.length + 1, sequential ? seat : undefined);
    rounds.push(...pass.rounds);
    if (pass.stopped !== null) return { winners, ranking: winners, rounds, outcome: pass.stopped };
    if (pass.winner === null) break;
    winners.push(pass.winner);
    others = pass.others;
  }
  return { winners, ranking: [...winners, ...others], rounds, outcome: { kind: 'complete' } };
}
