import { type BallotStore, BLANK } from './ballot-store.ts';

/**
 * Head-to-head preferences d[x·n + y]: the weight of ballots ranking x above y. A ballot is read
 * as a weak order: blank ranks are ignored, candidates sharing a rank (an overvote) are tied,
 * a candidate's first mark counts, and every ranked candidate is above every unranked one.
 */
export function pairwisePreferences(store: BallotStore): Float64Array {
  const n = store.candidates.length;
  // d[x][y] = (weight of ballots ranking x at all, above everyone not yet seen) minus
  // (weight of those where y was seen at or above x's rank); this costs O(ranks²) per ballot, not O(n²).
  const ranked = new Float64Array(n);
  const notBelow = new Float64Array(n * n);
  const seenBy = new Int32Array(n).fill(-1);
  const seen = new Int32Array(n);
  const { tokens, offsets, weights } = store;
  for (let ballot = 0; ballot < store.size; ballot++) {
    const weight = weights[ballot] as number;
    if (weight === 0) continue;
    const end = offsets[ballot + 1] as number;
    let seenCount = 0;
    for (let i = offsets[ballot] as number; i < end; ) {
      const token = tokens[i] as number;
      if (token === BLANK) {
        i += 1;
        continue;
      }
      const first = token >= 0 ? i : i + 1;
      const stop = token >= 0 ? i + 1 : i + 1 - token;
      i = stop;
      const groupStart = seenCount;
      for (let k = first; k < stop; k++) {
        const candidate = tokens[k] as number;
        if (seenBy[candidate] === ballot) continue;
        seenBy[candidate] = ballot;
        seen[seenCount++] = candidate;
      }
      for (let g = groupStart; g < seenCount; g++) {
        const x = seen[g] as number;
        ranked[x] = (ranked[x] as number) + weight;
        const row = x * n;
        for (let s = 0; s < seenCount; s++) {
          const y = row + (seen[s] as number);
          notBelow[y] = (notBelow[y] as number) + weight;
        }
      }
    }
  }
  const d = new Float64Array(n * n);
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      if (x !== y) d[x * n + y] = (ranked[x] as number) - (notBelow[x * n + y] as number);
    }
  }
  return d;
}

/** The candidate who beats every other one head to head, or -1. */
export function condorcetWinner(d: Float64Array, n: number): number {
  for (let x = 0; x < n; x++) {
    let beatsAll = true;
    for (let y = 0; y < n && beatsAll; y++) {
      if (x !== y && !((d[x * n + y] as number) > (d[y * n + x] as number))) beatsAll = false;
    }
    if (beatsAll) return x;
  }
  return -1;
}
