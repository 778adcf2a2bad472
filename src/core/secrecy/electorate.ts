import type { MajorityMethod } from '../decide/types.ts';
import { majorityDomain, placeAggregates } from './majority-secrecy.ts';
import { multinomial } from './ranked-secrecy.ts';

export interface SecrecyWarning {
  code: 'too_few_voters' | 'unique_tallies' | 'too_many_to_count';
  message: string;
}

/**
 * Before a secret decision opens: can its electorate keep a ballot secret at all? Assumes every
 * organization on the roll votes yes, no or abstain (for ranked methods: any ballot). Warns when
 * there are fewer than k + 1 voters, or when the weights make every exact tally identify fewer
 * than k assignments (so only coarsened figures, or only the outcome, could ever be published).
 */
export function checkElectorate(input: {
  weights: readonly bigint[];
  method: MajorityMethod | { kind: 'ranked' };
  k: number;
  stateBudget?: number;
}): SecrecyWarning[] {
  const n = input.weights.length;
  const warnings: SecrecyWarning[] = [];
  if (n < input.k + 1) {
    warnings.push({
      code: 'too_few_voters',
      message: `${n} organization(s) vote; a secret ballot needs at least ${input.k + 1} (k = ${input.k}) for its result not to reveal how they voted.`,
    });
  }
  if (input.method.kind === 'ranked') {
    if (bestSwapBound(input.weights) < input.k) {
      warnings.push({
        code: 'unique_tallies',
        message: `Too few organizations share a weight: the round-by-round tallies will not be published, only the winners.`,
      });
    }
    return warnings;
  }
  const placement = placeAggregates({
    method: input.method,
    quorumMet: true,
    voters: input.weights.map((weight) => ({ weight })),
    domain: majorityDomain([]),
    k: input.k,
    ...(input.stateBudget === undefined ? {} : { stateBudget: input.stateBudget }),
  });
  if (placement === null) {
    warnings.push({
      code: 'too_many_to_count',
      message:
        'Too many organizations with distinct weights to count the ways they could vote: only the outcome will be published.',
    });
  } else if (![...placement.values()].some((p) => p.level.kind === 'exact')) {
    const someOutcomeExposed = [...placement.values()].some((p) => !p.kMet);
    warnings.push({
      code: 'unique_tallies',
      message: someOutcomeExposed
        ? `With these weights every exact tally, and for some votes even the outcome alone, fits fewer than ${input.k} ways to have voted: figures will be coarsened, and some results cannot be kept secret at all.`
        : `With these weights every exact tally fits fewer than ${input.k} ways to have voted: only rounded shares or the outcome will be published.`,
    });
  }
  return warnings;
}

/** The largest swap bound any vote could reach: Π (size of each equal-weight group)!. */
function bestSwapBound(weights: readonly bigint[]): number {
  const groups = new Map<bigint, number>();
  for (const w of weights) groups.set(w, (groups.get(w) ?? 0) + 1);
  let bound = 1;
  for (const size of groups.values()) bound = Math.min(2 ** 50, bound * multinomial(Array(size).fill(1)));
  return bound;
}
