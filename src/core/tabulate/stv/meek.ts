import { formatScaled } from '../../decide/decimal.ts';
import type { CompiledBallots } from '../compile.ts';
import { byTallyDescending, type CountContext, namesOf } from '../count-context.ts';
import { type MethodResult, stoppedOnTie } from '../method-result.ts';
import type { PastRound } from '../tiebreak.ts';
import type { Round } from '../types.ts';
import {
  ceilDiv,
  distributeMeek,
  ELECTED,
  EXCLUDED,
  groupMeekPaths,
  HOPEFUL,
  type MeekDistribution,
} from './meek-paths.ts';

const maxIterations = 10_000;

type StageEnd =
  | { kind: 'elected'; candidates: number[] }
  | { kind: 'converged' | 'stable' }
  | { kind: 'batch'; losers: number[] };

/**
 * Meek STV after Hill, Wichmann & Woodall, "Algorithm 123" (Computer Journal 30(3), 1987), in the
 * fixed-point form of the Reference Meek rule: keep factors and ballot values at `precision`
 * decimals (default 9), omega = 10^-⌊2·precision/3⌋.
 * Each stage iterates: distribute every ballot through the keep factors; quota = (votes for
 * candidates) / (seats + 1), truncated, plus one unit of the last place; any hopeful candidate with
 * at least the quota is elected (the stage ends); else, once the total surplus of the elected is
 * ≤ omega or stops falling, the lowest hopeful candidate is excluded (candidates within the surplus
 * of the lowest count as tied); otherwise every elected keep factor becomes ⌈k·quota / votes⌉.
 * The count ends when the hopeful candidates are no more than the seats left: they are elected.
 */
export function countMeek(ballots: CompiledBallots, ctx: CountContext): MethodResult {
  const n = ctx.names.length;
  const seats = ctx.options.seats;
  const precision = ctx.options.precision;
  const one = 10n ** BigInt(precision);
  const decimals = ctx.weightDecimals + precision;
  const omega = 10n ** BigInt(decimals - Math.floor((2 * precision) / 3));
  const state = new Uint8Array(n).fill(HOPEFUL);
  const keep = new Array<bigint>(n).fill(one);
  const elected: number[] = [];
  const excluded: number[] = [];
  const rounds: Round<string>[] = [];
  const history: PastRound[] = [];
  const format = (value: bigint) => formatScaled(value, decimals);
  const list = (status: number) => ctx.names.map((_, c) => c).filter((c) => state[c] === status);
  let latest: MeekDistribution = { votes: new Array<bigint>(n).fill(0n), exhausted: 0n };
  let quota = 0n;

  const finish = (outcome: MethodResult['outcome']): MethodResult => ({
    winners: elected,
    ranking: [...elected, ...byTallyDescending(list(HOPEFUL), latest.votes), ...[...excluded].reverse()],
    rounds,
    outcome,
    quota: format(quota),
  });

  const runStage = (): { end: StageEnd; iterations: number; surplus: bigint } => {
    const paths = groupMeekPaths(ballots, state);
    let lastSurplus: bigint | null = null;
    for (let iteration = 1; ; iteration++) {
      latest = distributeMeek(paths, keep, one, n);
      const total = latest.votes.reduce((sum, votes) => sum + votes, 0n);
      quota = total / BigInt(seats + 1) + 1n;
      const reached = list(HOPEFUL).filter((c) => (latest.votes[c] as bigint) >= quota);
      if (reached.length > 0) {
        return {
          end: { kind: 'elected', candidates: byTallyDescending(reached, latest.votes) },
          iterations: iteration,
          surplus: 0n,
        };
      }
      const surplus = elected.reduce((sum, c) => sum + (latest.votes[c] as bigint) - quota, 0n);
      const done = (kind: 'converged' | 'stable') => ({ end: { kind }, iterations: iteration, surplus });
      if (surplus <= omega) return done('converged');
      if ((lastSurplus !== null && surplus >= lastSurplus) || iteration >= maxIterations)
        return done('stable');
      if (ctx.options.batchElimination) {
        const losers = sureLosers(
          list(HOPEFUL),
          latest.votes,
          surplus,
          list(HOPEFUL).length - (seats - elected.length),
        );
        if (losers.length > 0) return { end: { kind: 'batch', losers }, iterations: iteration, surplus };
      }
      lastSurplus = surplus;
      for (const c of elected) {
        const votes = latest.votes[c] as bigint;
        if (votes > 0n) keep[c] = ceilDiv((keep[c] as bigint) * quota, votes);
      }
    }
  };

  if (n <= seats) {
    // Nothing to decide: everyone is elected; one distribution shows the first preferences.
    latest = distributeMeek(groupMeekPaths(ballots, state), keep, one, n);
    quota = latest.votes.reduce((sum, votes) => sum + votes, 0n) / BigInt(seats + 1) + 1n;
    const everyone = byTallyDescending(list(HOPEFUL), latest.votes);
    elected.push(...everyone);
    rounds.push({
      round: 1,
      tallies: Object.fromEntries(
        everyone.map((c) => [ctx.names[c] as string, format(latest.votes[c] as bigint)]),
      ),
      exhausted: format(latest.exhausted),
      elected: namesOf(ctx, everyone),
      eliminated: [],
      quota: format(quota),
      iterations: 1,
    });
    return finish({ kind: 'complete' });
  }

  for (let round = 1; ; round++) {
    const { end, iterations, surplus } = runStage();
    const record: Round<string> = {
      round,
      tallies: Object.fromEntries(
        ctx.names
          .map((name, c) => [name, c] as const)
          .filter(([, c]) => state[c] !== EXCLUDED)
          .map(([name, c]) => [name, format(latest.votes[c] as bigint)]),
      ),
      exhausted: format(latest.exhausted),
      elected: [],
      eliminated: [],
      quota: format(quota),
      iterations,
    };
    rounds.push(record);
    const snapshot: PastRound = { round, tallies: [...latest.votes] };
    const seatsLeft = () => seats - elected.length;
    if (end.kind === 'elected') {
      const newly = end.candidates.slice(0, seatsLeft());
      for (const c of newly) {
        state[c] = ELECTED;
        elected.push(c);
      }
      record.elected = namesOf(ctx, newly);
    } else {
      const losers =
        end.kind === 'batch'
          ? end.losers
          : lowestWithin(ctx, list(HOPEFUL), latest.votes, surplus, round, history);
      if (losers === null) return finish(stoppedOnTie(ctx, round, 'elimination'));
      for (const c of losers) {
        state[c] = EXCLUDED;
        keep[c] = 0n;
        excluded.push(c);
      }
      record.eliminated = namesOf(ctx, losers);
    }
    record.keepFactors = Object.fromEntries(
      elected.map((c) => [ctx.names[c] as string, formatScaled(keep[c] as bigint, precision)]),
    );
    history.push(snapshot);
    const hopeful = list(HOPEFUL);
    if (seatsLeft() <= 0) return finish({ kind: 'complete' });
    if (hopeful.length <= seatsLeft()) {
      const rest = byTallyDescending(hopeful, latest.votes);
      for (const c of rest) {
        state[c] = ELECTED;
        elected.push(c);
      }
      record.elected.push(...namesOf(ctx, rest));
      return finish({ kind: 'complete' });
    }
  }
}

/** The lowest hopeful candidate; those within the surplus of the lowest are tied with them. */
function lowestWithin(
  ctx: CountContext,
  hopeful: readonly number[],
  votes: readonly bigint[],
  surplus: bigint,
  round: number,
  history: readonly PastRound[],
): number[] | null {
  const low = hopeful.reduce(
    (min, c) => ((votes[c] as bigint) < min ? (votes[c] as bigint) : min),
    votes[hopeful[0] as number] as bigint,
  );
  const margin = surplus > 0n ? surplus : 0n;
  const tied = hopeful.filter((c) => (votes[c] as bigint) <= low + margin);
  if (tied.length === 1) return tied;
  const chosen = ctx.tiebreaker.pick({ tied, want: 'lowest', purpose: 'elimination', round, history });
  return chosen === null ? null : [chosen];
}

/**
 * Batch defeat: the largest group of lowest hopeful candidates whose votes plus the whole surplus
 * stay below the next candidate, leaving enough hopefuls for the open seats.
 */
function sureLosers(
  hopeful: readonly number[],
  votes: readonly bigint[],
  surplus: bigint,
  maxLosers: number,
): number[] {
  const ascending = [...byTallyDescending(hopeful, votes)].reverse();
  let sum = surplus > 0n ? surplus : 0n;
  let size = 0;
  for (let i = 0; i + 1 < ascending.length && i + 1 <= maxLosers; i++) {
    sum += votes[ascending[i] as number] as bigint;
    if (sum < (votes[ascending[i + 1] as number] as bigint)) size = i + 1;
  }
  return ascending.slice(0, size);
}
