import {
  type Disclosure,
  type PublishedMajorityTally,
  publishSecretMajority,
} from '../secrecy/disclosure.ts';
import { tallyMajority } from './majority.ts';
import type { Fraction, MajorityBallot, MajorityMethod, Voter, Weighting } from './types.ts';
import { type PublishedWeight, publishWeights, weighVoters } from './weights.ts';

export type { PublishedWeight };

export interface MajorityDecisionResult {
  kind: 'majority';
  weights: PublishedWeight[];
  capNote: string | null;
  /** Every figure for an open ballot; for a secret one, what may be published (see core/secrecy). */
  tally: PublishedMajorityTally;
  /** Secret ballots only: how much of the tally is published and why. */
  secrecy: Disclosure | null;
}

/**
 * The result of a yes/no/abstain decision from the eligible voters and their ballots: weights
 * (with the cap applied), quorum, totals and outcome. Pure and exact: same input, same bytes.
 * With `secretK`, the figures are coarsened until at least k ballot assignments fit them.
 */
export function decideMajority(input: {
  method: MajorityMethod;
  weighting: Weighting;
  quorum: Fraction;
  voters: readonly Voter[];
  ballots: readonly MajorityBallot[];
  secretK?: number | null;
}): MajorityDecisionResult {
  const { weights, capNote } = weighVoters(input.voters, input.weighting);
  const eligible = new Set(weights.map((w) => w.organizationId));
  const counted = input.ballots.filter((b) => eligible.has(b.organizationId));
  const tally = tallyMajority({ method: input.method, quorum: input.quorum, weights, ballots: counted });
  const published = { kind: 'majority' as const, weights: publishWeights(weights), capNote };
  if (input.secretK === undefined || input.secretK === null) {
    return { ...published, tally: { ...tally, shares: null }, secrecy: null };
  }
  const secret = publishSecretMajority({
    method: input.method,
    tally,
    weights,
    ballots: counted,
    k: input.secretK,
  });
  return { ...published, tally: secret.tally, secrecy: secret.disclosure };
}
