import { type MajorityTally, tallyMajority } from './majority.ts';
import type { Fraction, MajorityBallot, MajorityMethod, Voter, Weighting } from './types.ts';
import { type PublishedWeight, publishWeights, weighVoters } from './weights.ts';

export type { PublishedWeight };

export interface MajorityDecisionResult {
  kind: 'majority';
  weights: PublishedWeight[];
  capNote: string | null;
  tally: MajorityTally;
}

/**
 * The result of a yes/no/abstain decision from the eligible voters and their ballots: weights
 * (with the cap applied), quorum, totals and outcome. Pure and exact: same input, same bytes.
 */
export function decideMajority(input: {
  method: MajorityMethod;
  weighting: Weighting;
  quorum: Fraction;
  voters: readonly Voter[];
  ballots: readonly MajorityBallot[];
}): MajorityDecisionResult {
  const { weights, capNote } = weighVoters(input.voters, input.weighting);
  const eligible = new Set(weights.map((w) => w.organizationId));
  const counted = input.ballots.filter((b) => eligible.has(b.organizationId));
  return {
    kind: 'majority',
    weights: publishWeights(weights),
    capNote,
    tally: tallyMajority({ method: input.method, quorum: input.quorum, weights, ballots: counted }),
  };
}
