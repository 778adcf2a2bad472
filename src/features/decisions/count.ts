import { decideMajority, type PublishedWeight } from '../../core/decide/decide.ts';
import { decideRanked } from '../../core/decide/ranked.ts';
import {
  asOrganizationId,
  type MajorityMethod,
  type Voter,
  type Weighting,
} from '../../core/decide/types.ts';
import { type DecisionResult, type DecisionRules, isRankedMethod } from './decisions.schema.ts';
import type { BallotContentView } from './views.ts';

export interface Counted {
  weights: PublishedWeight[];
  capNote: string | null;
  tally: DecisionResult['tally'];
  ranked: DecisionResult['ranked'];
  outcome: NonNullable<DecisionResult['tally']>['outcome'] | NonNullable<DecisionResult['ranked']>['outcome'];
  secrecy: DecisionResult['secrecy'];
}

export function majorityMethodOf(method: string, threshold: DecisionRules['threshold']): MajorityMethod {
  switch (method) {
    case 'supermajority':
      return { kind: 'supermajority', threshold: threshold ?? { num: 2, den: 3 } };
    case 'double_majority':
      return { kind: 'double_majority' };
    case 'consensus':
      return { kind: 'consensus' };
    default:
      return { kind: 'majority' };
  }
}

/**
 * Hands the eligible voters and their ballots to the pure counting rules of the decision's
 * method: the majority-style tally, or the tabulation engine for ranked methods.
 */
export function countDecision(input: {
  decisionId: string;
  method: string;
  rules: DecisionRules;
  voters: Voter[];
  ballots: { organizationId: string; ballot: BallotContentView }[];
  /** Secret ballots: k of the k-assignments rule; null for an open ballot. */
  secretK: number | null;
}): Counted {
  const { rules } = input;
  const weighting: Weighting =
    rules.weighting === 'equal'
      ? { kind: 'equal' }
      : { kind: 'strength', capPermille: rules.weightCapPermille };
  if (isRankedMethod(input.method)) {
    const options = rules.options ?? [];
    const decided = decideRanked({
      method: input.method,
      seats: rules.seats ?? 1,
      options,
      weighting,
      quorum: rules.quorum,
      voters: input.voters,
      ballots: input.ballots.map((b) => ({
        organizationId: asOrganizationId(b.organizationId),
        parts: (b.ballot.parts ?? []).map((p) => ({
          ranking: p.ranking.map((o) => options.indexOf(o)),
          share: p.share,
        })),
      })),
      // The decision id seeds any random tiebreak: anyone recounting gets the same draw.
      seed: input.decisionId,
      secretK: input.secretK,
    });
    const { weights, capNote, quorum, count, winners, outcome, explanation, secrecy } = decided;
    return {
      weights,
      capNote,
      tally: null,
      ranked: {
        method: input.method,
        seats: rules.seats ?? 1,
        options,
        winners,
        outcome,
        explanation,
        quorum,
        // Spread: the engine's interfaces become plain JSON-shaped objects for the stored result.
        count: count && { ...count, rounds: count.rounds.map((round) => ({ ...round })) },
      },
      outcome,
      secrecy,
    };
  }
  const decided = decideMajority({
    method: majorityMethodOf(input.method, rules.threshold),
    weighting,
    quorum: rules.quorum,
    voters: input.voters,
    ballots: input.ballots.flatMap((b) =>
      b.ballot.split ? [{ organizationId: asOrganizationId(b.organizationId), split: b.ballot.split }] : [],
    ),
    secretK: input.secretK,
  });
  const { tally, secrecy } = decided;
  return {
    weights: decided.weights,
    capNote: decided.capNote,
    tally,
    ranked: null,
    outcome: tally.outcome,
    secrecy,
  };
}
