import { formatScaled } from '../../decide/decimal.ts';
import type { CompiledBallots } from '../compile.ts';
import { byTallyDescending, type CountContext, namesOf } from '../count-context.ts';
import { type MethodResult, stoppedOnTie } from '../method-result.ts';
import type { PastRound } from '../tiebreak.ts';
import type { Round } from '../types.ts';
import { lowestWithin, sureLosers } from './meek-exclusion.ts';
import {
  ceilDiv,
  distributeMeek,
  ELECTED,
  EXCLUDED,
  groupMeekPaths,
  HOPEFUL,
  type MeekDistribution,
  type MeekPaths,
} from './meek-paths.ts';

const maxIterations = 10_000;

type RoundEnd =
  | { kind: 'elected'; candidates: number[] }
  | { kind: 'converged' | 'stable'; surplus: bigint }
  | { kind: 'batch'; losers: number[] };

/**
 * Meek STV after Hill, Wichmann & Woodall, "Algorithm 123" (Computer Journal 30(3), 1987), in the
 * fixed-point form of the Reference Meek rule: keep factors and ballot values at `precision`
 * decimals (default 9), omega = 10^-⌊2·precision/3⌋.
 * Each round iterates: distribute every ballot through the keep factors; quota = (votes for
 * candidates) / (seats + 1), truncated, plus one unit of the last place; any hopeful candidate with
 * at least the quota is elected (the round ends); else, once the total surplus of the elected is
 * ≤ omega or stops falling, the lowest hopeful candidate is excluded (candidates within the surplus
 * of the lowest count as tied); otherwise every elected keep factor becomes ⌈k·quota / votes⌉.
 * When the hopeful candidates are no more than the seats left, they are elected.
 */
export function countMeek(ballots: CompiledBallots, ctx: CountContext): MethodResult {
  return new MeekCount(ballots, ctx).run();
}

class MeekCount {
  private readonly one: bigint;
  private readonly omega: bigint;
  private readonly decimals: number;
  private readonly state: Uint8Array;
  private readonly keep: bigint[];
  private readonly elected: number[] = [];
  private readonly excluded: number[] = [];
  private readonly rounds: Round<string>[] = [];
  private readonly history: PastRound[] = [];
  private latest: MeekDistribution;
  private quota = 0n;

  constructor(
    private readonly ballots: CompiledBallots,
    private readonly ctx: CountContext,
  ) {
    const n = ctx.names.length;
    const precision = ctx.options.precision;
    this.one = 10n ** BigInt(precision);
    this.decimals = ctx.weightDecimals + precision;
    this.omega = 10n ** BigInt(this.decimals - Math.floor((2 * precision) / 3));
    this.state = new Uint8Array(n).fill(HOPEFUL);
    this.keep = new Array<bigint>(n).fill(this.one);
    this.latest = { votes: new Array<bigint>(n).fill(0n), exhausted: 0n };
  }

  run(): MethodResult {
    const seats = this.ctx.options.seats;
    for (let round = 1; ; round++) {
      const hopeful = this.list(HOPEFUL);
      if (hopeful.length <= seats - this.elected.length) {
        // Nothing left to decide: one distribution shows the final standing.
        this.distribute(groupMeekPaths(this.ballots, this.state));
        const rest = byTallyDescending(hopeful, this.latest.votes);
        this.record(round, 1).elected = namesOf(this.ctx, rest);
        this.elect(rest);
        return this.finish({ kind: 'complete' });
      }
      const { end, iterations } = this.iterate();
      const record = this.record(round, iterations);
      const past: PastRound = { round, tallies: [...this.latest.votes] };
      if (end.kind === 'elected') {
        const newly = end.candidates.slice(0, seats - this.elected.length);
        this.elect(newly);
        record.elected = namesOf(this.ctx, newly);
      } else {
        const losers =
          end.kind === 'batch'
            ? end.losers
            : lowestWithin(this.ctx, hopeful, this.latest.votes, end.surplus, round, this.history);
        if (losers === null) return this.finish(stoppedOnTie(this.ctx, round, 'elimination'));
        this.exclude(losers);
        record.eliminated = namesOf(this.ctx, losers);
      }
      record.keepFactors = Object.fromEntries(
        this.elected.map((c) => [
          this.ctx.names[c] as string,
          formatScaled(this.keep[c] as bigint, this.ctx.options.precision),
        ]),
      );
      this.history.push(past);
      if (this.elected.length === seats) return this.finish({ kind: 'complete' });
    }
  }

  /** Iterates the keep factors until someone is elected or the surplus has settled. */
  private iterate(): { end: RoundEnd; iterations: number } {
    const paths = groupMeekPaths(this.ballots, this.state);
    let lastSurplus: bigint | null = null;
    for (let iteration = 1; ; iteration++) {
      this.distribute(paths);
      const votes = this.latest.votes;
      const reached = this.list(HOPEFUL).filter((c) => (votes[c] as bigint) >= this.quota);
      if (reached.length > 0) {
        return {
          end: { kind: 'elected', candidates: byTallyDescending(reached, votes) },
          iterations: iteration,
        };
      }
      const surplus = this.elected.reduce((sum, c) => sum + (votes[c] as bigint) - this.quota, 0n);
      if (surplus <= this.omega) return { end: { kind: 'converged', surplus }, iterations: iteration };
      if ((lastSurplus !== null && surplus >= lastSurplus) || iteration >= maxIterations) {
        return { end: { kind: 'stable', surplus }, iterations: iteration };
      }
      if (this.ctx.options.batchElimination) {
        const hopeful = this.list(HOPEFUL);
        const losers = sureLosers(
          hopeful,
          votes,
          surplus,
          hopeful.length - (this.ctx.options.seats - this.elected.length),
        );
        if (losers.length > 0) return { end: { kind: 'batch', losers }, iterations: iteration };
      }
      lastSurplus = surplus;
      for (const c of this.elected) {
        if ((votes[c] as bigint) > 0n)
          this.keep[c] = ceilDiv((this.keep[c] as bigint) * this.quota, votes[c] as bigint);
      }
    }
  }

  private distribute(paths: MeekPaths): void {
    this.latest = distributeMeek(paths, this.keep, this.one, this.ctx.names.length);
    const total = this.latest.votes.reduce((sum, votes) => sum + votes, 0n);
    this.quota = total / BigInt(this.ctx.options.seats + 1) + 1n;
  }

  private record(round: number, iterations: number): Round<string> {
    const format = (value: bigint) => formatScaled(value, this.decimals);
    const standing = this.ctx.names.map((_, c) => c).filter((c) => this.state[c] !== EXCLUDED);
    const record: Round<string> = {
      round,
      tallies: Object.fromEntries(
        standing.map((c) => [this.ctx.names[c] as string, format(this.latest.votes[c] as bigint)]),
      ),
      exhausted: format(this.latest.exhausted),
      elected: [],
      eliminated: [],
      quota: format(this.quota),
      iterations,
    };
    this.rounds.push(record);
    return record;
  }

  private elect(candidates: readonly number[]): void {
    for (const c of candidates) {
      this.state[c] = ELECTED;
      this.elected.push(c);
    }
  }

  private exclude(candidates: readonly number[]): void {
    for (const c of candidates) {
      this.state[c] = EXCLUDED;
      this.keep[c] = 0n;
      this.excluded.push(c);
    }
  }

  private list(status: number): number[] {
    return this.ctx.names.map((_, c) => c).filter((c) => this.state[c] === status);
  }

  private finish(outcome: MethodResult['outcome']): MethodResult {
    return {
      winners: this.elected,
      ranking: [
        ...this.elected,
        ...byTallyDescending(this.list(HOPEFUL), this.latest.votes),
        ...[...this.excluded].reverse(),
      ],
      rounds: this.rounds,
      outcome,
      quota: formatScaled(this.quota, this.decimals),
    };
  }
}
