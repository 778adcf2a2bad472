import type { MajorityTally, OptionTotals } from '../decide/majority.ts';
import type { MajorityBallot, MajorityMethod } from '../decide/types.ts';
import type { VoterWeight } from '../decide/weights.ts';
import { type DisclosureLevel, describeLevel } from './levels.ts';
import { bucketOf, discloseMajority, majorityDomain, splitKey, wholeChoices } from './majority-secrecy.ts';

/** What a secret decision's result says about its own secrecy (shown with the result). */
export interface Disclosure {
  level: DisclosureLevel;
  k: number;
  /** At least k ballot assignments fit what is published. */
  kMet: boolean;
  /** `counted`: exact count over every tally; `swap_bound`: lower bound (ranked methods); `too_many_tallies`: not counted. */
  basis: 'counted' | 'swap_bound' | 'too_many_tallies';
  /** Whether the list of ballots by receipt (with their content) is published. */
  ballotsPublished: boolean;
  /** Split delegations that were cast (not by whom): the counting treats them as choices anyone might have made. */
  splitsCast: { yes: number; no: number; abstain: number }[];
  note: string;
}

/** A share rounded down to its bucket, in percent: `{from: "40", to: "50"}`. */
export interface ShareBucket {
  from: string;
  to: string;
}

export interface PublishedMajorityTally
  extends Omit<MajorityTally, 'weighted' | 'organizations' | 'yesShare' | 'vetoes'> {
  weighted: OptionTotals | null;
  organizations: OptionTotals | null;
  yesShare: string | null;
  vetoes: number | null;
  /** Weighted shares of yes, no and abstain in buckets, when exact figures would reveal ballots. */
  shares: { yes: ShareBucket; no: ShareBucket; abstain: ShareBucket } | null;
}

export function describeDisclosure(level: DisclosureLevel, k: number, kMet: boolean, voted = 1): string {
  if (voted === 0) return 'Secret ballot: no counted ballot, so only the outcome is published.';
  if (level.kind === 'exact')
    return `Secret ballot: the full tally fits at least ${k} ways the organizations could have voted.`;
  const what = describeLevel(level);
  if (kMet)
    return `Secret ballot: exact figures would single out how organizations voted, so ${what} ${level.kind === 'outcome' ? 'is' : 'are'} published (at least ${k} ways to have voted fit).`;
  return `Secret ballot: even ${what} fits fewer than ${k} ways to have voted; nothing more is published. The electorate is too small or too unevenly weighted for a secret ballot.`;
}

/**
 * The tally of a secret yes/no/abstain decision as it may be published: exact when at least k
 * assignments fit it, otherwise coarsened (see majority-secrecy.ts for the counting).
 */
export function publishSecretMajority(input: {
  method: MajorityMethod;
  tally: MajorityTally;
  weights: readonly VoterWeight[];
  ballots: readonly MajorityBallot[];
  k: number;
  stateBudget?: number;
}): { tally: PublishedMajorityTally; disclosure: Disclosure } {
  const weightOf = new Map(input.weights.map((w) => [w.organizationId, w.weight]));
  const domain = majorityDomain(input.ballots.map((b) => b.split));
  const index = new Map(domain.map((split, i) => [splitKey(split), i]));
  const voters = input.ballots.map((b) => ({
    weight: weightOf.get(b.organizationId) ?? 0n,
    choice: index.get(splitKey(b.split)) ?? 0,
  }));
  const chosen = discloseMajority({
    method: input.method,
    quorumMet: input.tally.quorum.met,
    voters,
    domain,
    k: input.k,
    ...(input.stateBudget === undefined ? {} : { stateBudget: input.stateBudget }),
  });
  const disclosure: Disclosure = {
    level: chosen.level,
    k: input.k,
    kMet: chosen.kMet,
    basis: chosen.basis,
    ballotsPublished: chosen.level.kind === 'exact',
    splitsCast: domain.slice(wholeChoices),
    note: describeDisclosure(chosen.level, input.k, chosen.kMet, input.ballots.length),
  };
  const { level } = chosen;
  if (level.kind === 'exact') return { tally: { ...input.tally, shares: null }, disclosure };
  const outcomeOnly = `${input.tally.outcome === 'no_quorum' ? input.tally.explanation : input.tally.outcome}; figures withheld for ballot secrecy`;
  const base = {
    ...input.tally,
    weighted: null,
    organizations: null,
    yesShare: null,
    vetoes: null,
    shares: null,
    explanation: outcomeOnly,
  };
  if (level.kind === 'outcome') return { tally: base, disclosure };
  const sums = weightedSums(voters, domain);
  const bucket = (part: bigint): ShareBucket => {
    const b = bucketOf(part, sums.total, level.percent);
    return { from: String(b * level.percent), to: String(Math.min(100, (b + 1) * level.percent)) };
  };
  return {
    tally: {
      ...base,
      shares: {
        yes: bucket(sums.yes),
        no: bucket(sums.no),
        abstain: bucket(sums.total - sums.yes - sums.no),
      },
      explanation: `${input.tally.outcome}; weighted shares rounded to ${level.percent}-point buckets for ballot secrecy`,
    },
    disclosure,
  };
}

function weightedSums(
  voters: readonly { weight: bigint; choice: number }[],
  domain: readonly MajorityBallot['split'][],
) {
  let yes = 0n;
  let no = 0n;
  let total = 0n;
  for (const voter of voters) {
    const split = domain[voter.choice];
    if (!split) continue;
    yes += voter.weight * BigInt(split.yes);
    no += voter.weight * BigInt(split.no);
    total += voter.weight * 1000n;
  }
  return { yes, no, total };
}
