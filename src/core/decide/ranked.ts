import { canonicalJson } from '../audit/canonical-json.ts';
import { type Disclosure, describeDisclosure } from '../secrecy/disclosure.ts';
import { discloseRanked } from '../secrecy/ranked-secrecy.ts';
import { BallotStoreBuilder } from '../tabulate/ballot-store.ts';
import { tabulate } from '../tabulate/tabulate.ts';
import { asCandidateName, type TabulationResult } from '../tabulate/types.ts';
import { checkQuorum, describeMissedQuorum, type QuorumCheck } from './quorum.ts';
import type { Fraction, OrganizationId, Voter, Weighting } from './types.ts';
import { type PublishedWeight, publishWeights, weighVoters } from './weights.ts';

/** Shares are thousandths of a weight, so weight × share is a decimal with three places. */
const shareDecimals = 3;

export const rankedMethods = ['irv', 'stv', 'schulze', 'approval'] as const;
export type RankedMethod = (typeof rankedMethods)[number];

/**
 * One organization's ranked ballot: one or more rankings (option indices, most preferred first;
 * for approval, the approved options), each carrying a share of the organization's weight in
 * thousandths. A delegation that splits puts 700 on one ranking and 300 on another.
 */
export interface RankedBallot {
  organizationId: OrganizationId;
  parts: { ranking: readonly number[]; share: number }[];
}

export type RankedOutcome = 'decided' | 'tie' | 'no_quorum';

export interface RankedDecision {
  weights: PublishedWeight[];
  capNote: string | null;
  quorum: QuorumCheck;
  /** The engine's full count (rounds, transfers, tiebreaks); null without a quorum or votes. */
  count: TabulationResult | null;
  winners: string[];
  outcome: RankedOutcome;
  explanation: string;
  /** Secret ballots only: whether the round tallies and the ballot list are published. */
  secrecy: Disclosure | null;
}

/**
 * Counts a ranked decision with the tabulation engine: each organization's ballot weighs its
 * exact (possibly capped) weight times its shares, given to the engine as exact decimals with
 * three places (weight × thousandths). Ties follow the engine's default (previous round, then a
 * random draw seeded with `seed`, so anyone can recount and get the same draw).
 */
export function decideRanked(input: {
  method: RankedMethod;
  seats: number;
  options: readonly string[];
  weighting: Weighting;
  quorum: Fraction;
  voters: readonly Voter[];
  ballots: readonly RankedBallot[];
  seed: string;
  /** Secret ballot: publish the rounds only when at least k assignments provably fit them. */
  secretK?: number | null;
}): RankedDecision {
  const decided = countRanked(input);
  const k = input.secretK;
  if (k === undefined || k === null) return decided;
  const weightOf = new Map(
    weighVoters(input.voters, input.weighting).weights.map((w) => [w.organizationId, w.weight]),
  );
  const counted = input.ballots
    .filter((b) => weightOf.has(b.organizationId))
    .map((b) => ({ weight: weightOf.get(b.organizationId) ?? 0n, ballot: canonicalJson(b.parts) }));
  const chosen = discloseRanked({ voters: counted, k });
  const secrecy: Disclosure = {
    level: chosen.level,
    k,
    kMet: chosen.kMet,
    basis: 'swap_bound',
    ballotsPublished: chosen.level.kind === 'exact',
    splitsCast: [],
    note: describeDisclosure(chosen.level, k, chosen.kMet, counted.length),
  };
  if (chosen.level.kind === 'exact') return { ...decided, secrecy };
  const explanation =
    decided.outcome === 'no_quorum'
      ? decided.explanation
      : `${decided.explanation}; round tallies withheld for ballot secrecy`;
  return { ...decided, count: null, explanation, secrecy };
}

function countRanked(input: Parameters<typeof decideRanked>[0]): RankedDecision {
  const { weights, capNote } = weighVoters(input.voters, input.weighting);
  const weightOf = new Map(weights.map((w) => [w.organizationId, w.weight]));
  const counted = input.ballots.filter((b) => weightOf.has(b.organizationId));
  const quorum = checkQuorum(weights.length, counted.length, input.quorum);
  const published = { weights: publishWeights(weights), capNote, quorum, secrecy: null };
  if (!quorum.met) {
    return {
      ...published,
      count: null,
      winners: [],
      outcome: 'no_quorum',
      explanation: describeMissedQuorum(quorum),
    };
  }
  const builder = new BallotStoreBuilder();
  let row = 0;
  for (const ballot of counted) {
    const weight = weightOf.get(ballot.organizationId) ?? 0n;
    for (const part of ballot.parts) {
      const units = weight * BigInt(part.share);
      row += 1;
      if (units === 0n) continue;
      builder.beginBallot();
      for (const option of part.ranking) builder.pushCandidate(option);
      builder.endBallot({ units: Number(units), decimals: shareDecimals }, row);
    }
  }
  const store = builder.finish(input.options.map(asCandidateName), null);
  if (store.size === 0) {
    return {
      ...published,
      count: null,
      winners: [],
      outcome: 'no_quorum',
      explanation: 'no ballot carries any weight',
    };
  }
  const count = tabulate(store, { method: input.method, seats: input.seats, seed: input.seed });
  const winners = [...count.winners];
  if (count.outcome.kind === 'tie') {
    const explanation = `a tie the rules cannot break between ${count.outcome.tied.join(', ')}`;
    return { ...published, count, winners, outcome: 'tie', explanation };
  }
  return {
    ...published,
    count,
    winners,
    outcome: 'decided',
    explanation: `${input.method} elects ${winners.join(', ')}`,
  };
}
