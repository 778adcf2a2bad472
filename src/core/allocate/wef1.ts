import type { AllocationState } from './state.ts';

/**
 * Weighted envy-freeness up to one good (WEF1), as defined by Chakraborty, Igarashi, Suksompong
 * and Zick, "Weighted Envy-Freeness in Indivisible Item Allocation", ACM Transactions on
 * Economics and Computation 9(3), 2021 (first at AAMAS 2020), in its strong form: an allocation is
 * WEF1 when for every pair of agents i, j with A_j non-empty there is a good g in A_j such that
 *     v_i(A_i) / w_i  ≥  v_i(A_j \ {g}) / w_j
 * (the good is removed from the envied bundle; the paper's weak variant may instead copy it into
 * the envious one, and is not what we check). With additive valuations the best g to remove is
 * i's most valued good in A_j. Agents are members, w is the member's weight, goods are races and
 * v_i is member i's own expected wins. That paper shows a weighted round-robin (the agent with the
 * fewest picks for its weight picks next) is WEF1; Chakraborty, Schmidt-Kraepelin & Suksompong
 * (IJCAI 2021, Theorem 3.1) characterise WEF1 picking sequences, and the orders of D'Hondt and
 * Sainte-Laguë are not among them in general: a light member may get its first pick only after a
 * heavy one has several. Hence the engine checks WEF1 rather than assume it.
 */
export function wef1Holds(
  ownValue: number,
  ownWeight: number,
  otherValue: number,
  otherMax: number,
  otherWeight: number,
) {
  const mine = ownValue / ownWeight;
  const theirs = (otherValue - otherMax) / otherWeight;
  return mine >= theirs - 1e-9 * Math.max(1, Math.abs(theirs));
}

/** Whether i does not envy j beyond one race, on the state's running sums. */
export function wef1PairHolds(
  state: AllocationState,
  weights: readonly number[],
  i: number,
  j: number,
): boolean {
  if (i === j || state.bundle(j).length === 0) return true;
  const n = state.n;
  return wef1Holds(
    state.bundleValue[i * n + i] ?? 0,
    weights[i] ?? 1,
    state.bundleValue[i * n + j] ?? 0,
    state.maxInBundle(i, j),
    weights[j] ?? 1,
  );
}

/** Every pair (envious, envied) breaking WEF1, computed from scratch from the owners. */
export function wef1Violations(
  owner: Int32Array,
  value: Float64Array,
  weights: readonly number[],
): { envious: number; envied: number }[] {
  const n = weights.length;
  const sum = new Float64Array(n * n);
  const max = new Float64Array(n * n);
  const size = new Int32Array(n);
  owner.forEach((j, race) => {
    if (j === -1) return;
    size[j] = (size[j] ?? 0) + 1;
    for (let i = 0; i < n; i += 1) {
      const v = value[race * n + i] ?? 0;
      sum[i * n + j] = (sum[i * n + j] ?? 0) + v;
      max[i * n + j] = Math.max(max[i * n + j] ?? 0, v);
    }
  });
  const violations: { envious: number; envied: number }[] = [];
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      if (i === j || size[j] === 0) continue;
      const holds = wef1Holds(
        sum[i * n + i] ?? 0,
        weights[i] ?? 1,
        sum[i * n + j] ?? 0,
        max[i * n + j] ?? 0,
        weights[j] ?? 1,
      );
      if (!holds) violations.push({ envious: i, envied: j });
    }
  }
  return violations;
}
