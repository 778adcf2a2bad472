import { formatRatio, formatScaled } from './decimal.ts';
import { checkQuorum, describeMissedQuorum, type QuorumCheck } from './quorum.ts';
import {
  type Fraction,
  type MajorityBallot,
  type MajorityMethod,
  type OrganizationId,
  type Split,
  wholeSplit,
  type YesNoOption,
} from './types.ts';
import type { VoterWeight } from './weights.ts';

export type MajorityOutcome = 'passed' | 'rejected' | 'no_quorum';

export interface OptionTotals {
  yes: string;
  no: string;
  abstain: string;
}

/** The published tally of a yes/no/abstain decision: every figure an exact decimal string. */
export interface MajorityTally {
  method: MajorityMethod['kind'];
  quorum: QuorumCheck;
  /** Weighted votes: Σ weight × split, in the voters' weight units, 3 exact decimals. */
  weighted: OptionTotals;
  /** Organizations counted one each (split ballots count fractionally), 3 exact decimals. */
  organizations: OptionTotals;
  /** Weighted yes / (yes + no), rounded to 4 places: for display; the outcome uses exact integers. */
  yesShare: string;
  threshold: string;
  vetoes: number;
  outcome: MajorityOutcome;
  explanation: string;
}

interface Sums {
  yes: bigint;
  no: bigint;
  abstain: bigint;
}

const zero = (): Sums => ({ yes: 0n, no: 0n, abstain: 0n });
const options: readonly YesNoOption[] = ['yes', 'no', 'abstain'];

/**
 * Counts yes/no/abstain ballots (possibly split) under one of the majority-style methods.
 * Abstentions count towards the quorum and never towards the majority.
 */
export function tallyMajority(input: {
  method: MajorityMethod;
  quorum: Fraction;
  weights: readonly VoterWeight[];
  ballots: readonly MajorityBallot[];
}): MajorityTally {
  const weightOf = new Map<OrganizationId, bigint>(input.weights.map((w) => [w.organizationId, w.weight]));
  const weighted = zero();
  const orgs = zero();
  let vetoes = 0;
  for (const ballot of input.ballots) {
    const weight = weightOf.get(ballot.organizationId);
    if (weight === undefined) throw new Error(`tallyMajority: ballot from a non-eligible voter`);
    assertSplit(ballot.split);
    for (const option of options) {
      weighted[option] += weight * BigInt(ballot.split[option]);
      orgs[option] += BigInt(ballot.split[option]);
    }
    if (ballot.split.no > 0) vetoes += 1;
  }
  const quorum = checkQuorum(input.weights.length, input.ballots.length, input.quorum);
  const verdict = quorum.met
    ? judge(input.method, weighted, orgs, vetoes)
    : { passed: false, why: describeMissedQuorum(quorum) };
  return {
    method: input.method.kind,
    quorum,
    weighted: format(weighted),
    organizations: format(orgs),
    yesShare: formatRatio(weighted.yes, weighted.yes + weighted.no, 4),
    threshold: describeThreshold(input.method),
    vetoes,
    outcome: quorum.met ? (verdict.passed ? 'passed' : 'rejected') : 'no_quorum',
    explanation: verdict.why,
  };
}

/**
 * Whether a majority-style method passes on exact sums (weighted and per-organization totals in
 * thousandths, the number of ballots with any "no"). Quorum is checked apart.
 */
export function majorityPasses(
  method: MajorityMethod,
  weighted: { yes: bigint; no: bigint },
  orgs: { yes: bigint; no: bigint },
  vetoes: number,
): boolean {
  // Same rules as judge() below, without building its explanation (this runs once per tally when
  // the secrecy rule counts assignments).
  switch (method.kind) {
    case 'majority':
      return weighted.yes > weighted.no;
    case 'supermajority':
      return (
        weighted.yes > 0n &&
        weighted.yes * BigInt(method.threshold.den) >=
          BigInt(method.threshold.num) * (weighted.yes + weighted.no)
      );
    case 'double_majority':
      return orgs.yes > orgs.no && weighted.yes > weighted.no;
    case 'consensus':
      return vetoes === 0 && weighted.yes > 0n;
  }
}

function judge(
  method: MajorityMethod,
  weighted: Sums,
  orgs: Sums,
  vetoes: number,
): { passed: boolean; why: string } {
  const w = `weighted yes ${formatScaled(weighted.yes, 3)} vs no ${formatScaled(weighted.no, 3)}`;
  switch (method.kind) {
    case 'majority':
      return { passed: weighted.yes > weighted.no, why: `${w}: a simple majority needs yes > no` };
    case 'supermajority': {
      const { num, den } = method.threshold;
      const passed =
        weighted.yes > 0n && weighted.yes * BigInt(den) >= BigInt(num) * (weighted.yes + weighted.no);
      return { passed, why: `${w}: needs yes ≥ ${num}/${den} of yes + no` };
    }
    case 'double_majority': {
      const byOrgs = orgs.yes > orgs.no;
      const byWeight = weighted.yes > weighted.no;
      const o = `organizations yes ${formatScaled(orgs.yes, 3)} vs no ${formatScaled(orgs.no, 3)}`;
      return {
        passed: byOrgs && byWeight,
        why: `${o} (${byOrgs ? 'majority' : 'no majority'}); ${w} (${byWeight ? 'majority' : 'no majority'}): both are needed`,
      };
    }
    case 'consensus':
      if (vetoes > 0) return { passed: false, why: `${vetoes} veto(es): consensus needs no ballot against` };
      return {
        passed: weighted.yes > 0n,
        why: `no veto; ${w}: consensus needs no vote against and some yes`,
      };
  }
}

function describeThreshold(method: MajorityMethod): string {
  switch (method.kind) {
    case 'majority':
      return 'yes > no';
    case 'supermajority':
      return `yes ≥ ${method.threshold.num}/${method.threshold.den} of (yes + no)`;
    case 'double_majority':
      return 'organizations: yes > no, and weighted: yes > no';
    case 'consensus':
      return 'no ballot against, at least one for';
  }
}

function assertSplit(split: Split): void {
  const parts = options.map((o) => split[o]);
  if (parts.some((p) => !Number.isInteger(p) || p < 0) || parts.reduce((a, b) => a + b, 0) !== wholeSplit) {
    throw new Error(`tallyMajority: a split must be whole thousandths summing to ${wholeSplit}`);
  }
}

function format(sums: Sums): OptionTotals {
  return {
    yes: formatScaled(sums.yes, 3),
    no: formatScaled(sums.no, 3),
    abstain: formatScaled(sums.abstain, 3),
  };
}
