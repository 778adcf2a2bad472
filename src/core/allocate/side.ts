import type { HardRules } from './rules.ts';
import type { AllocationState } from './state.ts';

/** Races below 2^20 and gains quantized to 2^-23 pack into one exact double (2^33 × 2^20 = 2^53). */
const raceBits = 2 ** 20;
const gainScale = 2 ** 23;
const gainSpan = 2 ** 32;
export const maxRacesForSearch = raceBits;

/** A ranked list: the first `length` entries of `races` and `gains`, best gain first. */
export interface Ranked {
  races: Int32Array;
  gains: Float64Array;
  length: number;
}

/**
 * One side of a pair search: the races member `from` could give to `to` (not locked, not vetoed
 * for `to`) and what each move gains. Buffers are allocated once per search and reused for every
 * pair of members in every pass, so the search allocates nothing per pair.
 */
export class SideBuffer {
  private readonly races: Int32Array;
  private readonly gains: Float64Array;
  private readonly keys: Float64Array;
  private readonly out: Ranked;
  private length = 0;
  private value: Float64Array = new Float64Array(0);
  private n = 0;
  private from = 0;
  private to = 0;
  best = Number.NEGATIVE_INFINITY;

  constructor(capacity: number) {
    this.races = new Int32Array(capacity);
    this.gains = new Float64Array(capacity);
    this.keys = new Float64Array(capacity);
    this.out = { races: new Int32Array(capacity), gains: new Float64Array(capacity), length: 0 };
  }

  get size(): number {
    return this.length;
  }

  fill(state: AllocationState, rules: HardRules, from: number, to: number): this {
    const n = state.n;
    const value = state.value;
    this.value = value;
    this.n = n;
    this.from = from;
    this.to = to;
    this.length = 0;
    this.best = Number.NEGATIVE_INFINITY;
    for (const race of state.bundle(from)) {
      if (rules.lockedTo[race] !== -1 || rules.vetoed[race * n + to] === 1) continue;
      const gain = (value[race * n + to] ?? 0) - (value[race * n + from] ?? 0);
      this.races[this.length] = race;
      this.gains[this.length] = gain;
      this.length += 1;
      if (gain > this.best) this.best = gain;
    }
    return this;
  }

  /**
   * The races gaining more than `floor`, best first, at most `limit`. Sorted natively (no
   * comparator) on keys that pack the negated gain, quantized to 1.2e-7, above the race index: gains
   * closer than that count as tied and go to the lower race index. Valid until the next call.
   */
  rank(floor: number, limit: number): Ranked {
    let kept = 0;
    for (let at = 0; at < this.length; at += 1) {
      const gain = this.gains[at] ?? 0;
      if (gain <= floor) continue;
      const quantized = Math.min(gainSpan - 1, Math.max(0, Math.round(gainSpan / 2 - gain * gainScale)));
      this.keys[kept] = quantized * raceBits + (this.races[at] ?? 0);
      kept += 1;
    }
    const sorted = this.keys.subarray(0, kept).sort();
    const count = Math.min(kept, limit);
    for (let at = 0; at < count; at += 1) {
      const race = (sorted[at] ?? 0) % raceBits;
      this.out.races[at] = race;
      this.out.gains[at] = this.gainOf(race);
    }
    this.out.length = count;
    return this.out;
  }

  private gainOf(race: number): number {
    return (this.value[race * this.n + this.to] ?? 0) - (this.value[race * this.n + this.from] ?? 0);
  }
}
