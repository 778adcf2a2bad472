import type { Provenance } from './types.ts';

/**
 * A mutable allocation with the running sums that the heuristic's checks need in O(n) per
 * change: count of races per member in each count group, and for WEF1 each member's value of
 * every bundle (`bundleValue[i * n + j]` = v_i(A_j)) and its most valued race in it.
 */
export class AllocationState {
  readonly owner: Int32Array;
  readonly provenance: Provenance[];
  readonly counts: Int32Array;
  readonly bundleValue: Float64Array;
  private readonly bundleMax: Float64Array;
  private readonly maxStale: Uint8Array;
  private readonly bundles: number[][];
  private readonly slot: Int32Array;

  constructor(
    readonly raceCount: number,
    readonly n: number,
    /** value[race * n + member]: expected wins of the member's candidate in the race. */
    readonly value: Float64Array,
    readonly groupsOfRace: readonly (readonly number[])[],
    groupCount: number,
  ) {
    this.owner = new Int32Array(raceCount).fill(-1);
    this.provenance = new Array<Provenance>(raceCount).fill({ kind: 'open', reason: 'no-room' });
    this.counts = new Int32Array(groupCount * n);
    this.bundleValue = new Float64Array(n * n);
    this.bundleMax = new Float64Array(n * n);
    this.maxStale = new Uint8Array(n * n);
    this.bundles = Array.from({ length: n }, () => []);
    this.slot = new Int32Array(raceCount).fill(-1);
  }

  count(group: number, member: number): number {
    return this.counts[group * this.n + member] ?? 0;
  }

  /** Races currently held by the member (do not mutate). */
  bundle(member: number): readonly number[] {
    return this.bundles[member] ?? [];
  }

  /** A member's expected wins: its own value of its own bundle. */
  wins(member: number): number {
    return this.bundleValue[member * this.n + member] ?? 0;
  }

  /** Gives the race to `member` (-1 leaves it open), updating every running sum. */
  set(race: number, member: number, provenance: Provenance): void {
    const previous = this.owner[race] ?? -1;
    this.provenance[race] = provenance;
    if (previous === member) return;
    if (previous !== -1) this.detach(race, previous);
    this.owner[race] = member;
    if (member !== -1) this.attach(race, member);
  }

  /** max over g in A_j of v_i(g), recomputed lazily after the previous maximum left the bundle. */
  maxInBundle(i: number, j: number): number {
    const at = i * this.n + j;
    if (this.maxStale[at] === 1) {
      let best = 0;
      for (const race of this.bundle(j)) best = Math.max(best, this.value[race * this.n + i] ?? 0);
      this.bundleMax[at] = best;
      this.maxStale[at] = 0;
    }
    return this.bundleMax[at] ?? 0;
  }

  private attach(race: number, member: number): void {
    const n = this.n;
    const bundle = this.bundles[member];
    if (bundle === undefined) return;
    this.slot[race] = bundle.length;
    bundle.push(race);
    for (const group of this.groupsOfRace[race] ?? [])
      this.counts[group * n + member] = this.count(group, member) + 1;
    for (let i = 0; i < n; i += 1) {
      const v = this.value[race * n + i] ?? 0;
      const at = i * n + member;
      this.bundleValue[at] = (this.bundleValue[at] ?? 0) + v;
      if (this.maxStale[at] === 0 && v > (this.bundleMax[at] ?? 0)) this.bundleMax[at] = v;
    }
  }

  private detach(race: number, member: number): void {
    const n = this.n;
    const bundle = this.bundles[member];
    const slot = this.slot[race] ?? -1;
    if (bundle === undefined || slot === -1) return;
    const last = bundle.pop();
    if (last !== undefined && last !== race) {
      bundle[slot] = last;
      this.slot[last] = slot;
    }
    this.slot[race] = -1;
    for (const group of this.groupsOfRace[race] ?? [])
      this.counts[group * n + member] = this.count(group, member) - 1;
    for (let i = 0; i < n; i += 1) {
      const v = this.value[race * n + i] ?? 0;
      const at = i * n + member;
      this.bundleValue[at] = (this.bundleValue[at] ?? 0) - v;
      if (v >= (this.bundleMax[at] ?? 0)) this.maxStale[at] = 1;
    }
  }
}
