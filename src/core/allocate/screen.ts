import type { ChangeGuard } from './guards.ts';
import type { AllocationState } from './state.ts';

const tolerance = (x: number) => 1e-9 * Math.max(1, Math.abs(x));

/**
 * What lets the local search discard a move (race r from a to b) or a swap (r from a to b, s from
 * b to a) in O(n) without applying it: for every pair that holds WEF1 now, a lower bound on the
 * envy the change would cause. The bound is exact unless a removed race was the envious member's
 * favourite in that bundle, so nearly every change the guard would refuse is refused here first,
 * and nothing the guard would accept is. Valid until the next accepted change.
 */
export class PairScreen {
  private readonly n: number;
  private readonly floorA: number;
  private readonly floorB: number;
  /** room[i]: how much i's envy towards a (or b) may grow before WEF1 breaks; ∞ when it already fails. */
  private readonly roomA: Float64Array;
  private readonly roomB: Float64Array;
  private readonly maxA: Float64Array;
  private readonly maxB: Float64Array;
  /**
   * Third members whose WEF1 towards a or b some change could break: growth towards a bundle is
   * at most the member's favourite race in it, so a member with more room than that is safe.
   */
  private readonly exposed: number[];

  constructor(
    private readonly state: AllocationState,
    private readonly guard: ChangeGuard,
    private readonly a: number,
    private readonly b: number,
  ) {
    this.n = state.n;
    this.floorA = this.ownValueFloor(a);
    this.floorB = this.ownValueFloor(b);
    [this.roomA, this.maxA] = this.rooms(a);
    [this.roomB, this.maxB] = this.rooms(b);
    this.exposed = [];
    for (let i = 0; i < this.n; i += 1) {
      if (i === a || i === b) continue;
      if ((this.roomA[i] ?? 0) < (this.maxA[i] ?? 0) || (this.roomB[i] ?? 0) < (this.maxB[i] ?? 0))
        this.exposed.push(i);
    }
    // The tightest members first: a rejection then usually costs one or two checks.
    const tightness = (i: number) => Math.min(this.roomA[i] ?? 0, this.roomB[i] ?? 0);
    this.exposed.sort((x, y) => tightness(x) - tightness(y) || x - y);
  }

  /** True when moving r to b (and s to a, if s ≥ 0) certainly breaks a pair that holds WEF1. */
  rejects(r: number, s: number): boolean {
    const { state, n, a, b } = this;
    const v = state.value;
    const gainA = (s >= 0 ? (v[s * n + a] ?? 0) : 0) - (v[r * n + a] ?? 0);
    const gainB = (v[r * n + b] ?? 0) - (s >= 0 ? (v[s * n + b] ?? 0) : 0);
    if (gainA < this.floorA || gainB < this.floorB) return true;
    for (const i of this.exposed) {
      const vr = v[r * n + i] ?? 0;
      const vs = s >= 0 ? (v[s * n + i] ?? 0) : 0;
      const growthTowardsA = (s >= 0 ? Math.min(vs, this.maxA[i] ?? 0) : 0) - vr;
      if (growthTowardsA > (this.roomA[i] ?? 0) + tolerance(growthTowardsA)) return true;
      const growthTowardsB = Math.min(vr, this.maxB[i] ?? 0) - vs;
      if (growthTowardsB > (this.roomB[i] ?? 0) + tolerance(growthTowardsB)) return true;
    }
    return this.breaksBetween(a, b, r, s, gainA) || this.breaksBetween(b, a, s, r, gainB);
  }

  /** Whether `envious` (gaining `ownGain`) would envy `envied`, which receives `given` and loses `taken`. */
  private breaksBetween(
    envious: number,
    envied: number,
    given: number,
    taken: number,
    ownGain: number,
  ): boolean {
    if (!this.guard.held(envious, envied)) return false;
    const { state, n } = this;
    const v = state.value;
    const weights = this.guard.weights;
    const max = state.maxInBundle(envious, envied);
    const added = given >= 0 ? Math.min(v[given * n + envious] ?? 0, max) : 0;
    const removed = taken >= 0 ? (v[taken * n + envious] ?? 0) : 0;
    const envied_ = (state.bundleValue[envious * n + envied] ?? 0) - max + added - removed;
    const mine = (state.wins(envious) + ownGain) / (weights[envious] ?? 1);
    const theirs = envied_ / (weights[envied] ?? 1);
    return mine < theirs - tolerance(theirs);
  }

  /** The least change of the member's own value that keeps it from envying members outside {a, b}. */
  private ownValueFloor(member: number): number {
    const { state, n } = this;
    const weights = this.guard.weights;
    const own = state.wins(member);
    let floor = Number.NEGATIVE_INFINITY;
    for (let other = 0; other < n; other += 1) {
      if (other === this.a || other === this.b || !this.guard.held(member, other)) continue;
      if (state.bundle(other).length === 0) continue;
      const envied = (state.bundleValue[member * n + other] ?? 0) - state.maxInBundle(member, other);
      floor = Math.max(floor, ((weights[member] ?? 1) * envied) / (weights[other] ?? 1) - own);
    }
    return floor - tolerance(own);
  }

  private rooms(target: number): [Float64Array, Float64Array] {
    const { state, n } = this;
    const weights = this.guard.weights;
    const room = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const max = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      if (i === this.a || i === this.b) continue;
      max[i] = state.maxInBundle(i, target);
      if (!this.guard.held(i, target)) continue;
      const envied = (state.bundleValue[i * n + target] ?? 0) - (max[i] ?? 0);
      room[i] = ((weights[target] ?? 1) * state.wins(i)) / (weights[i] ?? 1) - envied;
    }
    return [room, max];
  }
}
