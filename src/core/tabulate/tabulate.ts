import { formatScaled } from '../decide/decimal.ts';
import { invalid } from '../errors.ts';
import type { BallotStore } from './ballot-store.ts';
import { compileBallots } from './compile.ts';
import { type CountContext, namesOf, unitsToVotes } from './count-context.ts';
import type { MethodResult } from './method-result.ts';
import { condorcetWinner, pairwisePreferences } from './pairwise.ts';
import { countBottomsUp } from './runoff/bottoms-up.ts';
import { countIrv } from './runoff/irv.ts';
import { countSchulze } from './schulze.ts';
import { countApproval, countPlurality } from './single-round.ts';
import { countMeek } from './stv/meek.ts';
import { countScottishStv } from './stv/scottish-stv.ts';
import { Tiebreaker } from './tiebreak.ts';
import {
  type CandidateName,
  defaultOptions,
  type TabulationOptions,
  type TabulationResult,
} from './types.ts';

/** Head-to-head tables grow with candidates²; beyond this Condorcet detection is skipped (null). */
export const maxPairwiseCandidates = 2000;

/** Counts the ballots by the chosen method. Pure and deterministic: same input, same result. */
export function tabulate(store: BallotStore, options: Partial<TabulationOptions> = {}): TabulationResult {
  const resolved = resolveOptions(options);
  const names = store.candidates;
  const ctx: CountContext = {
    names,
    weightDecimals: store.weightDecimals,
    options: resolved,
    tiebreaker: new Tiebreaker(resolved.tiebreak, resolved.seed, names),
  };
  const n = names.length;
  const ranked = resolved.method !== 'approval';
  if (resolved.method === 'schulze' && n > maxPairwiseCandidates) {
    throw invalid(
      'tabulate.too_many_candidates',
      `Schulze counts at most ${maxPairwiseCandidates} candidates`,
      {
        candidates: n,
      },
    );
  }
  const d = ranked && n <= maxPairwiseCandidates ? pairwisePreferences(store) : null;
  const result: TabulationResult = {
    method: resolved.method,
    seats: resolved.seats,
    candidates: [...names],
    winners: [],
    ranking: [],
    rounds: [],
    tiebreaks: ctx.tiebreaker.records,
    condorcetWinner: d === null ? null : (names[condorcetWinner(d, n)] ?? null),
    outcome: { kind: 'complete' },
    totalWeight: unitsToVotes(store.totalWeight, store.weightDecimals),
  };
  let counted: MethodResult;
  switch (resolved.method) {
    case 'plurality':
      counted = countPlurality(compileBallots(store, resolved), ctx);
      break;
    case 'approval':
      counted = countApproval(store, ctx);
      break;
    case 'irv':
      counted = countIrv(compileBallots(store, resolved), ctx);
      break;
    case 'bottoms-up':
      counted = countBottomsUp(compileBallots(store, resolved), ctx);
      break;
    case 'stv':
      counted = countScottishStv(compileBallots(store, resolved), ctx);
      result.totalWeight = formatScaled(BigInt(store.totalWeight) * 100_000n, store.weightDecimals + 5);
      break;
    case 'meek':
      counted = countMeek(compileBallots(store, resolved), ctx);
      result.totalWeight = formatScaled(
        BigInt(store.totalWeight) * 10n ** BigInt(resolved.precision),
        store.weightDecimals + resolved.precision,
      );
      break;
    case 'schulze': {
      const schulze = countSchulze(d ?? new Float64Array(0), ctx);
      counted = schulze;
      result.pairwise = table(names, d ?? new Float64Array(0), store.weightDecimals);
      result.strongestPaths = table(names, schulze.paths, store.weightDecimals);
      break;
    }
  }
  result.winners = namesOf(ctx, counted.winners);
  result.ranking = namesOf(ctx, counted.ranking);
  result.rounds = counted.rounds;
  result.outcome = counted.outcome;
  if (counted.quota !== undefined) result.quota = counted.quota;
  return result;
}

function table(names: readonly CandidateName[], cells: Float64Array, decimals: number) {
  const n = names.length;
  return Object.fromEntries(
    names.map((x, i) => [
      x,
      Object.fromEntries(
        names.flatMap((y, j) => (i === j ? [] : [[y, unitsToVotes(cells[i * n + j] as number, decimals)]])),
      ),
    ]),
  );
}

/** Fills defaults and rejects options no count can honour. */
export function resolveOptions(options: Partial<TabulationOptions>): TabulationOptions {
  const resolved = { ...defaultOptions, ...options };
  const bad = (field: string, reason: string) =>
    invalid('tabulate.invalid_option', `invalid ${field}: ${reason}`, { field, reason });
  if (!Number.isInteger(resolved.seats) || resolved.seats < 1) throw bad('seats', 'a whole number ≥ 1');
  if (resolved.maxSkipped !== null && (!Number.isInteger(resolved.maxSkipped) || resolved.maxSkipped < 0)) {
    throw bad('maxSkipped', 'a whole number ≥ 0 or unlimited');
  }
  if (!Number.isInteger(resolved.precision) || resolved.precision < 3 || resolved.precision > 30) {
    throw bad('precision', 'a whole number of decimals from 3 to 30');
  }
  return resolved;
}
