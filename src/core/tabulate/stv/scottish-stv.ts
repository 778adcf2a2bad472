import { formatScaled } from '../../decide/decimal.ts';
import type { CompiledBallots } from '../compile.ts';
import { byTallyDescending, type CountContext, namesOf } from '../count-context.ts';
import { type MethodResult, stoppedOnTie } from '../method-result.ts';
import type { PastRound } from '../tiebreak.ts';
import type { Round } from '../types.ts';
import { valueScale, WigmCount } from './wigm-count.ts';

/**
 * STV by the Scottish Local Government Elections Order 2007 (SSI 2007/42, schedule 1, rules
 * 45–52), a weighted inclusive Gregory method:
 * - quota = ⌊valid papers / (seats + 1)⌋ + 1 (rule 46); a candidate reaching it is elected (47);
 * - one surplus per stage, the largest first (49), transferring *all* the candidate's papers, each
 *   at value = surplus × its value ÷ the candidate's votes, truncated to 5 decimals (48(3));
 *   papers with no further choice are non-transferable (exhausted) at that value, and what the
 *   truncation drops is reported as `lost`; the elected candidate keeps exactly the quota;
 * - with no surplus to transfer, the lowest candidate is excluded and their papers move at the
 *   value they carry (50); ties by the most recent stage where the tied differed, then lot (49(2),
 *   51) — our `previous-round` rule, or whatever `--tiebreak` says;
 * - when the continuing candidates are no more than the seats left, they are elected (52).
 * Weighted ballots count as `weight` papers. Votes are exact decimals with weight decimals + 5 places.
 */
export function countScottishStv(ballots: CompiledBallots, ctx: CountContext): MethodResult {
  const count = new WigmCount(ballots);
  const seats = ctx.options.seats;
  const decimals = ctx.weightDecimals + 5;
  const paperUnit = 10n ** BigInt(ctx.weightDecimals) * valueScale;
  const valid = count.tallies.reduce((sum, tally) => sum + tally, 0n);
  const quota = (valid / (paperUnit * BigInt(seats + 1)) + 1n) * paperUnit;
  const format = (value: bigint) => formatScaled(value, decimals);
  const rounds: Round<string>[] = [];
  const history: PastRound[] = [];
  const elected: number[] = [];
  const excluded: number[] = [];
  const pending: number[] = [];
  let lost = 0n;
  const hopefulList = () => ctx.names.map((_, c) => c).filter((c) => count.hopeful[c] === 1);
  const elect = (candidates: readonly number[]) => {
    for (const candidate of candidates) {
      elected.push(candidate);
      count.retire(candidate);
      if ((count.tallies[candidate] as bigint) > quota) pending.push(candidate);
    }
  };
  const finish = (outcome: MethodResult['outcome']): MethodResult => ({
    winners: elected,
    ranking: [...elected, ...byTallyDescending(hopefulList(), count.tallies), ...[...excluded].reverse()],
    rounds,
    outcome,
    quota: format(quota),
  });

  for (let round = 1; ; round++) {
    const reached = hopefulList().filter((c) => (count.tallies[c] as bigint) >= quota);
    const newlyElected = byTallyDescending(reached, count.tallies).slice(0, seats - elected.length);
    elect(newlyElected);
    const standing = ctx.names.map((_, c) => c).filter((c) => !excluded.includes(c));
    const record: Round<string> = {
      round,
      tallies: Object.fromEntries(
        standing.map((c) => [ctx.names[c] as string, format(count.tallies[c] as bigint)]),
      ),
      exhausted: format(count.exhausted),
      elected: namesOf(ctx, newlyElected),
      eliminated: [],
      quota: format(quota),
      lost: format(lost),
    };
    rounds.push(record);
    const snapshot: PastRound = { round, tallies: [...count.tallies] };
    if (elected.length === seats) return finish({ kind: 'complete' });
    const hopeful = hopefulList();
    if (hopeful.length <= seats - elected.length) {
      const rest = byTallyDescending(hopeful, count.tallies);
      elect(rest);
      record.elected.push(...namesOf(ctx, rest));
      return finish({ kind: 'complete' });
    }
    if (pending.length > 0) {
      const largest = pick(ctx, pending, count.tallies, 'highest', 'surplus', round, history);
      if (largest === null) return finish(stoppedOnTie(ctx, round, 'surplus'));
      pending.splice(pending.indexOf(largest), 1);
      record.surplusOf = ctx.names[largest];
      const total = count.tallies[largest] as bigint;
      const surplus = total - quota;
      const moved = count.transferPile(largest, (value) => Number((BigInt(value) * surplus) / total));
      lost += surplus - moved;
      count.tallies[largest] = quota;
    } else {
      const lowest = pick(ctx, hopeful, count.tallies, 'lowest', 'elimination', round, history);
      if (lowest === null) return finish(stoppedOnTie(ctx, round, 'elimination'));
      excluded.push(lowest);
      record.eliminated = namesOf(ctx, [lowest]);
      count.retire(lowest);
      count.transferPile(lowest, (value) => value);
      count.tallies[lowest] = 0n;
    }
    history.push(snapshot);
  }
}

/** The highest (or lowest) candidate by tally, breaking an exact tie by the tiebreak rule. */
function pick(
  ctx: CountContext,
  candidates: readonly number[],
  tallies: readonly bigint[],
  want: 'highest' | 'lowest',
  purpose: 'surplus' | 'elimination',
  round: number,
  history: readonly PastRound[],
): number | null {
  const ordered = byTallyDescending(candidates, tallies);
  const target = tallies[(want === 'highest' ? ordered[0] : ordered.at(-1)) as number];
  const tied = ordered.filter((c) => tallies[c] === target);
  if (tied.length === 1) return tied[0] as number;
  return ctx.tiebreaker.pick({ tied, want, purpose, round, history: [...history] });
}
