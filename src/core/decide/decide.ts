import { formatRatio } from './decimal.ts';
import { type MajorityTally, tallyMajority } from './majority.ts';
import type { Fraction, MajorityBallot, MajorityMethod, OrganizationId, Voter, Weighting } from './types.ts';
import { weighVoters } from './weights.ts';

export interface PublishedWeight {
  organizationId: OrganizationId;
  /** Exact relative weight (integer as a string). */
  weight: string;
  /** Share of the total weight, rounded to 6 places: for display. */
  share: string;
  capped: boolean;
}

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
  const total = weights.reduce((sum, w) => sum + w.weight, 0n);
  return {
    kind: 'majority',
    weights: weights.map((w) => ({
      organizationId: w.organizationId,
      weight: w.weight.toString(),
      share: formatRatio(w.weight, total, 6),
      capped: w.capped,
    })),
    capNote,
    tally: tallyMajority({ method: input.method, quorum: input.quorum, weights, ballots: counted }),
  };
}
