import type { CompiledBallots } from '../compile.ts';

export const EXCLUDED = 0;
export const HOPEFUL = 1;
export const ELECTED = 2;

/**
 * Meek's distribution depends on a ballot only through the ordered elected candidates it passes
 * before reaching a hopeful candidate (where it stops) or running out (exhausted); excluded
 * candidates are skipped. So within a stage, ballots are grouped on a tree of such sequences:
 * node 0 is "no elected candidate passed yet", a child adds one elected candidate. Each keep-factor
 * iteration then walks this tree (a few hundred nodes) instead of every ballot, and gives exactly
 * the numbers a ballot-by-ballot walk gives: the same operations on the same values, summed.
 */
export interface MeekPaths {
  parent: number[];
  /** The elected candidate a node adds (-1 for the root). */
  candidate: number[];
  /** Weight of ballots passing through the node. */
  through: bigint[];
  /** Weight of ballots that run out right after the node's sequence. */
  exhaustedAfter: bigint[];
  /** Ballots stopping at a hopeful candidate: (node, candidate, weight) triples. */
  stopNode: number[];
  stopCandidate: number[];
  stopWeight: bigint[];
}

export function groupMeekPaths(ballots: CompiledBallots, state: Uint8Array): MeekPaths {
  const n = ballots.candidateCount;
  const parent = [-1];
  const candidate = [-1];
  const through = [0];
  const exhaustedAfter = [0];
  const children = new Map<number, number>();
  const stops = new Map<number, number>();
  const { choices, offsets, weights } = ballots;
  for (let ballot = 0; ballot < ballots.size; ballot++) {
    const weight = weights[ballot] as number;
    through[0] = (through[0] as number) + weight;
    const end = offsets[ballot + 1] as number;
    let node = 0;
    let stopped = false;
    for (let i = offsets[ballot] as number; i < end && !stopped; ) {
      const token = choices[i] as number;
      let choice = token;
      if (token >= 0) {
        i += 1;
      } else {
        const stop = i + 1 - token;
        choice = singleContinuing(choices, i + 1, stop, state);
        i = stop;
        if (choice === -2) break;
        if (choice === -1) continue;
      }
      const status = state[choice] as number;
      if (status === EXCLUDED) continue;
      if (status === HOPEFUL) {
        const key = node * n + choice;
        stops.set(key, (stops.get(key) ?? 0) + weight);
        stopped = true;
        continue;
      }
      const key = node * n + choice;
      let child = children.get(key);
      if (child === undefined) {
        child = parent.length;
        children.set(key, child);
        parent.push(node);
        candidate.push(choice);
        through.push(0);
        exhaustedAfter.push(0);
      }
      node = child;
      through[node] = (through[node] as number) + weight;
    }
    if (!stopped) exhaustedAfter[node] = (exhaustedAfter[node] as number) + weight;
  }
  const stopKeys = [...stops.keys()];
  return {
    parent,
    candidate,
    through: through.map(BigInt),
    exhaustedAfter: exhaustedAfter.map(BigInt),
    stopNode: stopKeys.map((key) => Math.floor(key / n)),
    stopCandidate: stopKeys.map((key) => key % n),
    stopWeight: stopKeys.map((key) => BigInt(stops.get(key) as number)),
  };
}

/** In an overvote: its one continuing candidate, -1 if none, -2 if several (the ballot exhausts). */
function singleContinuing(choices: Int16Array, from: number, to: number, state: Uint8Array): number {
  let found = -1;
  for (let k = from; k < to; k++) {
    const candidate = choices[k] as number;
    if (state[candidate] === EXCLUDED) continue;
    if (found >= 0) return -2;
    found = candidate;
  }
  return found;
}

export interface MeekDistribution {
  votes: bigint[];
  exhausted: bigint;
}

/**
 * One Meek distribution (Hill, Wichmann & Woodall 1987): a ballot arriving at an elected candidate
 * with value f leaves them ⌈f·k⌉ (k their keep factor, rounded up at `one` = 10^precision) and
 * carries the rest on; a hopeful candidate keeps it all. Values per unit weight are in 10^-precision;
 * votes (weight × value) are exact, so votes + exhausted always equals the total weight × one.
 */
export function distributeMeek(
  paths: MeekPaths,
  keep: readonly bigint[],
  one: bigint,
  n: number,
): MeekDistribution {
  const votes = new Array<bigint>(n).fill(0n);
  const value = new Array<bigint>(paths.parent.length);
  value[0] = one;
  let exhausted = (paths.exhaustedAfter[0] as bigint) * one;
  for (let node = 1; node < paths.parent.length; node++) {
    const arriving = value[paths.parent[node] as number] as bigint;
    const elected = paths.candidate[node] as number;
    const kept = ceilDiv(arriving * (keep[elected] as bigint), one);
    value[node] = arriving - kept;
    votes[elected] = (votes[elected] as bigint) + (paths.through[node] as bigint) * kept;
    exhausted += (paths.exhaustedAfter[node] as bigint) * (value[node] as bigint);
  }
  for (let i = 0; i < paths.stopNode.length; i++) {
    const hopeful = paths.stopCandidate[i] as number;
    const arriving = value[paths.stopNode[i] as number] as bigint;
    votes[hopeful] = (votes[hopeful] as bigint) + (paths.stopWeight[i] as bigint) * arriving;
  }
  return { votes, exhausted };
}

export const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;
