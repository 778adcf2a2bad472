import { majorityPasses } from '../decide/majority.ts';
import type { MajorityMethod, Split } from '../decide/types.ts';
import { type DisclosureLevel, disclosureLevels, saturatingAdd, saturatingMul } from './levels.ts';

/**
 * Which figures of a secret yes/no/abstain decision may be published so that at least k ballot
 * assignments fit them. See docs/security.md, "Secret ballots: what a published result can reveal".
 *
 * An assignment gives each organization that voted one choice from `domain` (yes, no, abstain and
 * every split that was cast). Everything else in a result is fixed and public: the weights, who
 * voted (the quorum needs it), who was excluded. Published figures are a function of the
 * aggregate (Y, N, how many ballots of each choice), so a dynamic programme over the voters
 * counts, for every reachable aggregate, how many assignments produce it: exactly, without
 * enumerating the |domain|^n assignments themselves.
 *
 * The level is chosen for every aggregate at once, finest first: at each level the aggregates not
 * yet placed are grouped by what that level would publish, and a group with at least k
 * assignments is published at that level. Because the rule is applied to every aggregate, not
 * only the real one, an observer who knows the rule learns nothing from which level was chosen:
 * the assignments consistent with a published result are exactly its group.
 */
export interface SecretMajorityInput {
  method: MajorityMethod;
  quorumMet: boolean;
  /** Organizations whose ballot counted: weight and the index of their ballot in `domain`. */
  voters: readonly { weight: bigint; choice: number }[];
  /** The choices an organization might have made: yes, no, abstain, then each split cast. */
  domain: readonly Split[];
  k: number;
  /** Largest number of distinct aggregates kept; beyond it only the outcome is published. */
  stateBudget?: number;
}

export interface MajorityDisclosure {
  level: DisclosureLevel;
  /** At least k assignments fit what is published. False only when even the outcome alone is that rare. */
  kMet: boolean;
  /** Why the level was chosen: counted exactly, or too many distinct tallies to count. */
  basis: 'counted' | 'too_many_tallies';
}

/** About ten organizations of distinct weight (3^10 aggregates): keeps a close well under a second on an idle machine. */
export const defaultStateBudget = 60_000;

interface Aggregate {
  yes: bigint;
  no: bigint;
  counts: number[];
  ways: number;
}

const keyOf = (yes: bigint, no: bigint, counts: readonly number[]) => `${yes}|${no}|${counts.join(',')}`;

/**
 * Every reachable aggregate with how many assignments produce it, or null past the budget (or
 * when sums would exceed exact integer arithmetic in doubles, which no real weights come near).
 * Runs on doubles holding exact integers, with the counts per choice packed in one number
 * (base n + 1), because this inner loop is the whole cost of the rule.
 */
function countAggregates(
  weights: readonly bigint[],
  domain: readonly Split[],
  budget: number,
): Map<string, Aggregate> | null {
  const total = weights.reduce((sum, w) => sum + w * 1000n, 0n);
  const base = weights.length + 1;
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || base ** domain.length > Number.MAX_SAFE_INTEGER) return null;
  const ws = weights.map(Number);
  const place = domain.map((_, d) => base ** d);
  interface Cell {
    yes: number;
    no: number;
    code: number;
    ways: number;
  }
  let states = new Map<string, Cell>([['0|0|0', { yes: 0, no: 0, code: 0, ways: 1 }]]);
  for (const weight of ws) {
    const next = new Map<string, Cell>();
    for (const state of states.values()) {
      for (let d = 0; d < domain.length; d++) {
        const choice = domain[d] as Split;
        const yes = state.yes + weight * choice.yes;
        const no = state.no + weight * choice.no;
        const code = state.code + (place[d] as number);
        const key = `${yes}|${no}|${code}`;
        const found = next.get(key);
        if (found) found.ways = saturatingAdd(found.ways, state.ways);
        else next.set(key, { yes, no, code, ways: state.ways });
      }
      if (next.size > budget) return null;
    }
    states = next;
  }
  const result = new Map<string, Aggregate>();
  for (const cell of states.values()) {
    const counts = domain.map((_, d) => Math.floor(cell.code / (place[d] as number)) % base);
    const yes = BigInt(cell.yes);
    const no = BigInt(cell.no);
    result.set(keyOf(yes, no, counts), { yes, no, counts, ways: cell.ways });
  }
  return result;
}

/** The quantities every published figure is computed from. */
export interface MajoritySums {
  yes: bigint;
  no: bigint;
  abstain: bigint;
  /** Σ weight × 1000 over the organizations that voted. */
  total: bigint;
  outcome: 'passed' | 'rejected' | 'no_quorum';
}

function sumsOf(
  state: Aggregate,
  input: Pick<SecretMajorityInput, 'domain' | 'method' | 'quorumMet'>,
  total: bigint,
): MajoritySums {
  let orgYes = 0n;
  let orgNo = 0n;
  let vetoes = 0;
  input.domain.forEach((choice, d) => {
    const n = state.counts[d] ?? 0;
    orgYes += BigInt(n * choice.yes);
    orgNo += BigInt(n * choice.no);
    if (choice.no > 0) vetoes += n;
  });
  const passed = majorityPasses(input.method, state, { yes: orgYes, no: orgNo }, vetoes);
  return {
    yes: state.yes,
    no: state.no,
    abstain: total - state.yes - state.no,
    total,
    outcome: input.quorumMet ? (passed ? 'passed' : 'rejected') : 'no_quorum',
  };
}

/** Index of the bucket a share falls in: ⌊100·part / (percent·total)⌋ (0 when nothing was weighed). */
export function bucketOf(part: bigint, total: bigint, percent: number): number {
  if (total === 0n) return 0;
  return Number((100n * part) / (BigInt(percent) * total));
}

/**
 * What a level publishes of an aggregate, as a comparable key. Every level also publishes which
 * splits were cast (not by whom): the domain depends on them, so the rule stays a function of
 * what is published.
 */
function viewAt(level: DisclosureLevel, entry: Placed): string {
  const { sums } = entry;
  switch (level.kind) {
    case 'exact':
      return `${sums.outcome}|${entry.key}`;
    case 'buckets': {
      const b = (part: bigint) => bucketOf(part, sums.total, level.percent);
      return `${sums.outcome}|${entry.splitsCast}|${b(sums.yes)}|${b(sums.no)}|${b(sums.abstain)}`;
    }
    case 'outcome':
      return `${sums.outcome}|${entry.splitsCast}`;
  }
}

interface Placed {
  key: string;
  ways: number;
  sums: MajoritySums;
  splitsCast: string;
  placed: { level: DisclosureLevel; kMet: boolean } | null;
}

/** yes, no and abstain come first in every domain. */
export const wholeChoices = 3;

export function discloseMajority(input: SecretMajorityInput): MajorityDisclosure {
  const placement = placeAggregates(input);
  if (placement === null) {
    // Decided from the weights alone, so it tells nothing about the ballots.
    return { level: { kind: 'outcome' }, kMet: false, basis: 'too_many_tallies' };
  }
  const placed = placement.get(aggregateOf(input));
  if (!placed) throw new Error('discloseMajority: the real tally was not among the reachable ones');
  return { ...placed, basis: 'counted' };
}

/**
 * The level of every reachable aggregate (keyed as aggregateOf keys them), or null when there are
 * more than the budget. Finest level first; at each, the aggregates not yet placed are grouped by
 * what the level publishes, and groups of at least k assignments are placed there.
 */
export function placeAggregates(
  input: Omit<SecretMajorityInput, 'voters'> & { voters: readonly { weight: bigint }[] },
): Map<string, { level: DisclosureLevel; kMet: boolean }> | null {
  const weights = input.voters.map((v) => v.weight);
  const total = weights.reduce((sum, w) => sum + w * 1000n, 0n);
  const states = countAggregates(weights, input.domain, input.stateBudget ?? defaultStateBudget);
  if (states === null) return null;
  const entries: Placed[] = [...states.entries()].map(([key, state]) => ({
    key,
    ways: state.ways,
    sums: sumsOf(state, input, total),
    splitsCast: state.counts
      .slice(wholeChoices)
      .map((n) => (n > 0 ? 1 : 0))
      .join(''),
    placed: null,
  }));
  for (const level of disclosureLevels) {
    const groups = new Map<string, { ways: number; members: Placed[] }>();
    for (const entry of entries) {
      if (entry.placed) continue;
      // At the exact level every aggregate is its own group: no need to build a view.
      if (level.kind === 'exact') {
        if (entry.ways >= input.k) entry.placed = { level, kMet: true };
        continue;
      }
      const view = viewAt(level, entry);
      const group = groups.get(view);
      if (group) {
        group.ways = saturatingAdd(group.ways, entry.ways);
        group.members.push(entry);
      } else groups.set(view, { ways: entry.ways, members: [entry] });
    }
    for (const group of groups.values()) {
      const kMet = group.ways >= input.k;
      if (kMet || level.kind === 'outcome') for (const entry of group.members) entry.placed = { level, kMet };
    }
  }
  return new Map(
    entries.map((entry) => [entry.key, entry.placed ?? { level: { kind: 'outcome' }, kMet: false }]),
  );
}

function aggregateOf(input: SecretMajorityInput): string {
  let yes = 0n;
  let no = 0n;
  const counts = input.domain.map(() => 0);
  for (const voter of input.voters) {
    const choice = input.domain[voter.choice];
    if (!choice) throw new Error('discloseMajority: a ballot outside the domain');
    yes += voter.weight * BigInt(choice.yes);
    no += voter.weight * BigInt(choice.no);
    counts[voter.choice] = (counts[voter.choice] ?? 0) + 1;
  }
  return keyOf(yes, no, counts);
}

/** Yes, no, abstain, then every distinct split that was cast, in a canonical order. */
export function majorityDomain(cast: readonly Split[]): Split[] {
  const whole: Split[] = [
    { yes: 1000, no: 0, abstain: 0 },
    { yes: 0, no: 1000, abstain: 0 },
    { yes: 0, no: 0, abstain: 1000 },
  ];
  const seen = new Set(whole.map(splitKey));
  const extra: Split[] = [];
  for (const split of cast) {
    const key = splitKey(split);
    if (!seen.has(key)) {
      seen.add(key);
      extra.push({ yes: split.yes, no: split.no, abstain: split.abstain });
    }
  }
  extra.sort((a, b) => b.yes - a.yes || b.no - a.no);
  return [...whole, ...extra];
}

export const splitKey = (s: Split) => `${s.yes}/${s.no}/${s.abstain}`;

/** Number of assignments of `n` voters over `choices` options: used by the creation warning. */
export const assignmentsOf = (n: number, choices: number): number =>
  Array.from({ length: n }).reduce<number>((acc) => saturatingMul(acc, choices), 1);
