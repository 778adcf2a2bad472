import { type BallotStore, BLANK } from './ballot-store.ts';
import type { CompiledBallots } from './compile.ts';
import { byTallyDescending, type CountContext, namesOf, wholeVoteRound } from './count-context.ts';
import { type MethodResult, stoppedOnTie } from './method-result.ts';
import { RunoffCount } from './runoff/runoff-count.ts';

/**
 * Orders candidates by one tally, best first. Ties matter only where they straddle the last seat:
 * those are broken by the tiebreak rule (purpose `election`); other equal candidates keep the
 * candidate order and no tiebreak is recorded.
 */
export function electByTally(
  ctx: CountContext,
  tallies: ArrayLike<number>,
  round: number,
): MethodResult | null {
  const seats = ctx.options.seats;
  const all = ctx.names.map((_, candidate) => candidate);
  const sorted = byTallyDescending(all, tallies);
  const ranking: number[] = [];
  while (sorted.length > 0) {
    const top = tallies[sorted[0] as number];
    const group = sorted.filter((candidate) => tallies[candidate] === top);
    sorted.splice(0, group.length);
    const openSeats = seats - ranking.length;
    if (openSeats <= 0 || openSeats >= group.length) {
      ranking.push(...group);
      continue;
    }
    for (let k = 0; k < openSeats; k++) {
      const chosen = ctx.tiebreaker.pick({ tied: group, want: 'highest', purpose: 'election', round });
      if (chosen === null) return null;
      ranking.push(chosen);
      group.splice(group.indexOf(chosen), 1);
    }
    ranking.push(...group);
  }
  return { winners: ranking.slice(0, seats), ranking, rounds: [], outcome: { kind: 'complete' } };
}

function singleRound(ctx: CountContext, tallies: ArrayLike<number>, exhausted: number): MethodResult {
  const all = ctx.names.map((_, candidate) => candidate);
  const record = wholeVoteRound(ctx, 1, all, tallies, exhausted);
  const elected = electByTally(ctx, tallies, 1);
  if (elected === null)
    return { winners: [], ranking: [], rounds: [record], outcome: stoppedOnTie(ctx, 1, 'election') };
  record.elected = namesOf(ctx, elected.winners);
  record.eliminated = namesOf(ctx, elected.ranking.slice(elected.winners.length));
  return { ...elected, rounds: [record] };
}

/** Plurality: each ballot counts for its first choice, read with the same ballot rules as IRV. */
export function countPlurality(ballots: CompiledBallots, ctx: CountContext): MethodResult {
  const count = new RunoffCount(ballots);
  return singleRound(ctx, count.tallies, count.exhausted);
}

/**
 * Approval: a ballot approves every candidate it names, at any rank (overvotes included);
 * the `seats` most approved win. Ballots naming no one are reported as exhausted.
 */
export function countApproval(store: BallotStore, ctx: CountContext): MethodResult {
  const tallies = new Float64Array(store.candidates.length);
  const approvedBy = new Int32Array(store.candidates.length).fill(-1);
  let exhausted = 0;
  for (let ballot = 0; ballot < store.size; ballot++) {
    const weight = store.weights[ballot] as number;
    const end = store.offsets[ballot + 1] as number;
    let approvals = 0;
    for (let i = store.offsets[ballot] as number; i < end; i++) {
      const token = store.tokens[i] as number;
      if (token === BLANK || token < 0 || approvedBy[token] === ballot) continue;
      approvedBy[token] = ballot;
      tallies[token] = (tallies[token] as number) + weight;
      approvals += 1;
    }
    if (approvals === 0) exhausted += weight;
  }
  return singleRound(ctx, tallies, exhausted);
}
