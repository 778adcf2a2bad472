import { quotas } from './apportion.ts';
import type { Entitlement } from './entitlement.ts';
import type { AllocationState } from './state.ts';
import type { Pact, Provenance } from './types.ts';
import { wef1PairHolds } from './wef1.ts';

/** A change of owners: each race goes to `to`. */
export interface Reassignment {
  race: number;
  to: number;
}

/**
 * The rules an improving change must keep: count bounds (never leave the band, or at least never
 * move away from it), the expected-wins band when wins are apportioned, and WEF1 for every pair
 * the change touches (a pair that held keeps holding).
 */
export class ChangeGuard {
  readonly weights: number[];
  private readonly shares: number[];
  private readonly guardWins: boolean;
  /** holds[i * n + j] = 1 when i does not envy j beyond one race, as of the last accepted change. */
  private readonly holds: Uint8Array;

  constructor(
    private readonly state: AllocationState,
    pact: Pact,
    private readonly entitlement: Entitlement,
  ) {
    this.weights = pact.members.map((member) => member.weight);
    this.shares = quotas(this.weights, 1);
    this.guardWins = pact.settings.apportionBy === 'expectedWins' && pact.settings.entitlement === 'enforce';
    this.holds = new Uint8Array(state.n * state.n);
    this.recordPairs(Array.from({ length: state.n }, (_, member) => member));
  }

  /**
   * Applies the change if it keeps the count bounds, the expected-wins band and `accept` (by
   * default: every pair that held WEF1 still does); returns whether it did.
   */
  tryApply(
    changes: readonly Reassignment[],
    provenance: (change: Reassignment, from: number) => Provenance,
    accept: (touched: Set<number>) => boolean = (touched) => this.keepsWef1(touched),
  ): boolean {
    const { state } = this;
    if (!this.countsAllow(changes)) return false;
    const touched = new Set<number>();
    for (const change of changes) {
      touched.add(change.to);
      touched.add(state.owner[change.race] ?? -1);
    }
    touched.delete(-1);
    const excessBefore = this.guardWins ? this.winsExcess() : 0;
    const previous = changes.map((change) => ({
      race: change.race,
      owner: state.owner[change.race] ?? -1,
      provenance: state.provenance[change.race] ?? { kind: 'fill' as const },
    }));
    for (const change of changes) {
      state.set(change.race, change.to, provenance(change, state.owner[change.race] ?? -1));
    }
    if (accept(touched) && (!this.guardWins || this.winsExcess() <= excessBefore + 1e-12)) {
      this.recordPairs(touched);
      return true;
    }
    for (const undo of previous.reverse()) state.set(undo.race, undo.owner, undo.provenance);
    return false;
  }

  /** Whether some race could move from `from` to `to` without leaving a count band (one group suffices). */
  canShift(from: number, to: number): boolean {
    const { state, entitlement } = this;
    return (
      entitlement.groups.length === 0 ||
      entitlement.groups.some((group, g) => {
        return (
          state.count(g, from) - 1 >= (group.lo[from] ?? 0) &&
          state.count(g, to) + 1 <= (group.hi[to] ?? Number.POSITIVE_INFINITY)
        );
      })
    );
  }

  /** Whether i did not envy j beyond one race after the last accepted change. */
  held(i: number, j: number): boolean {
    return this.holds[i * this.state.n + j] === 1;
  }

  /**
   * No pair that held WEF1 before fails now. The touched members' own envy is checked first (their
   * own bundle changed, the usual failure), and the first failure ends the check.
   */
  private keepsWef1(touched: Set<number>): boolean {
    const n = this.state.n;
    for (const t of touched) {
      for (let other = 0; other < n; other += 1) {
        if (this.holds[t * n + other] === 1 && !wef1PairHolds(this.state, this.weights, t, other))
          return false;
      }
    }
    for (const t of touched) {
      for (let other = 0; other < n; other += 1) {
        if (this.holds[other * n + t] === 1 && !wef1PairHolds(this.state, this.weights, other, t))
          return false;
      }
    }
    return true;
  }

  private recordPairs(touched: Iterable<number>): void {
    const n = this.state.n;
    for (const t of touched) {
      for (let other = 0; other < n; other += 1) {
        this.holds[t * n + other] = wef1PairHolds(this.state, this.weights, t, other) ? 1 : 0;
        this.holds[other * n + t] = wef1PairHolds(this.state, this.weights, other, t) ? 1 : 0;
      }
    }
  }

  private countsAllow(changes: readonly Reassignment[]): boolean {
    const { state, entitlement } = this;
    const n = state.n;
    const delta = new Map<number, number>();
    for (const change of changes) {
      const from = state.owner[change.race] ?? -1;
      for (const group of entitlement.groupsOfRace[change.race] ?? []) {
        if (from !== -1) delta.set(group * n + from, (delta.get(group * n + from) ?? 0) - 1);
        delta.set(group * n + change.to, (delta.get(group * n + change.to) ?? 0) + 1);
      }
    }
    for (const [at, change] of delta) {
      if (change === 0) continue;
      const group = entitlement.groups[Math.floor(at / n)];
      const member = at % n;
      const lo = group?.lo[member] ?? 0;
      const hi = group?.hi[member] ?? Number.POSITIVE_INFINITY;
      const before = state.counts[at] ?? 0;
      const after = before + change;
      const distance = (count: number) => Math.max(0, lo - count, count - hi);
      if (distance(after) > 0 && distance(after) >= distance(before)) return false;
    }
    return true;
  }

  /** How far, in total, members' expected wins stray beyond one of their share of the total. */
  private winsExcess(): number {
    const n = this.state.n;
    let total = 0;
    for (let member = 0; member < n; member += 1) total += this.state.wins(member);
    let excess = 0;
    for (let member = 0; member < n; member += 1) {
      excess += Math.max(0, Math.abs(this.state.wins(member) - total * (this.shares[member] ?? 0)) - 1);
    }
    return excess;
  }
}
