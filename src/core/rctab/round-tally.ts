import { javaHashOrder } from './java-collections.ts';
import { JavaDecimal } from './java-decimal.ts';
import { getOrCreate } from './maps.ts';
import { type BallotStatus, INACTIVE_STATUSES } from './types.ts';

const ALL_STATUSES: readonly BallotStatus[] = [
  'active',
  'didNotRankAnyCandidates',
  'exhaustedChoices',
  'overvotes',
  'skippedRankings',
  'repeatedRankings',
  'finalRoundSurplus',
];

/**
 * One round's tallies, as RCTab keeps them: candidate tallies (iterated in Java HashMap order,
 * which decides the order of tied rows in its reports), ballots by status, the threshold, and the
 * "locked in" value that past winners hold in multi-seat counts.
 */
/**
 * A running sum with Java's scale rule (the sum's scale is the largest scale added), fast for the
 * common case of whole ballots: a count of ones beside an exact sum of the fractional values.
 */
export class DecimalSum {
  private ones = 0;
  private rest = 0n;
  private scale = 0;

  add(value: JavaDecimal): void {
    if (value.scale === 0 && value.unscaled === 1n) {
      this.ones += 1;
      return;
    }
    if (value.scale > this.scale) {
      this.rest *= 10n ** BigInt(value.scale - this.scale);
      this.scale = value.scale;
    }
    this.rest += value.unscaled * 10n ** BigInt(this.scale - value.scale);
  }

  /** Adds another sum's values (as if each had been added here). */
  merge(other: DecimalSum): void {
    this.ones += other.ones;
    if (other.scale > this.scale) {
      this.rest *= 10n ** BigInt(other.scale - this.scale);
      this.scale = other.scale;
    }
    this.rest += other.rest * 10n ** BigInt(this.scale - other.scale);
  }

  value(start: JavaDecimal): JavaDecimal {
    const scale = Math.max(this.scale, start.scale);
    const unscaled =
      start.unscaled * 10n ** BigInt(scale - start.scale) +
      BigInt(this.ones) * 10n ** BigInt(scale) +
      this.rest * 10n ** BigInt(scale - this.scale);
    return JavaDecimal.of(unscaled, scale);
  }
}

export class RoundTally {
  private readonly tallies = new Map<string, JavaDecimal>();
  /** Sums collected while the round is counted, folded into `tallies` when it locks. */
  private pending: Map<string, DecimalSum> | null = new Map();
  private pendingStatus: Map<BallotStatus, DecimalSum> | null = new Map();
  private orderCache: string[] | null = null;
  private readonly statusTallies = new Map<BallotStatus, JavaDecimal>(
    ALL_STATUSES.map((status) => [status, JavaDecimal.ZERO]),
  );
  private lockedIn = JavaDecimal.ZERO;
  threshold: JavaDecimal = JavaDecimal.ZERO;
  private active = JavaDecimal.ZERO;
  private inactive = JavaDecimal.ZERO;

  constructor(
    readonly round: number,
    candidates: readonly string[],
  ) {
    for (const candidate of candidates) this.tallies.set(candidate, JavaDecimal.ZERO);
  }

  /** Candidates in Java HashMap iteration order. */
  candidates(): string[] {
    this.orderCache ??= javaHashOrder(this.tallies.keys());
    return this.orderCache;
  }

  has(candidate: string): boolean {
    return this.tallies.has(candidate);
  }

  tally(candidate: string): JavaDecimal | undefined {
    return this.tallies.get(candidate);
  }

  tallyOf(candidate: string): JavaDecimal {
    const value = this.tallies.get(candidate);
    if (!value) throw new Error(`no tally for ${candidate} in round ${this.round}`);
    return value;
  }

  candidateCount(): number {
    return this.tallies.size;
  }

  addToCandidate(candidate: string, value: JavaDecimal): void {
    this.addStatus('active', value);
    if (!this.pending) throw new Error(`round ${this.round} is already locked`);
    if (!this.tallies.has(candidate)) throw new Error(`no tally for ${candidate} in round ${this.round}`);
    getOrCreate(this.pending, candidate, () => new DecimalSum()).add(value);
  }

  addInactive(status: BallotStatus, value: JavaDecimal): void {
    this.addStatus(status, value);
  }

  /** Counts a whole group of ballots at once: `sum` holds the values of ballots resting with `candidate`. */
  addCandidateSum(candidate: string, sum: DecimalSum): void {
    if (!this.pending || !this.pendingStatus) throw new Error(`round ${this.round} is already locked`);
    if (!this.tallies.has(candidate)) throw new Error(`no tally for ${candidate} in round ${this.round}`);
    this.mergeInto(this.pending, candidate, sum);
    this.mergeInto(this.pendingStatus, 'active', sum);
  }

  addStatusSum(status: BallotStatus, sum: DecimalSum): void {
    if (!this.pendingStatus) throw new Error(`round ${this.round} is already locked`);
    this.mergeInto(this.pendingStatus, status, sum);
  }

  private mergeInto<K>(map: Map<K, DecimalSum>, key: K, sum: DecimalSum): void {
    getOrCreate(map, key, () => new DecimalSum()).merge(sum);
  }

  /** Surplus adjustment: a winner's tally set directly, the difference counted as locked in. */
  setViaSurplusAdjustment(candidate: string, value: JavaDecimal): void {
    const previous = this.tallies.get(candidate) ?? JavaDecimal.ZERO;
    if (!this.tallies.has(candidate)) this.orderCache = null;
    this.tallies.set(candidate, value);
    this.lockedIn = this.lockedIn.add(value.subtract(previous));
  }

  addViaSurplusAdjustment(candidate: string, value: JavaDecimal): void {
    this.setViaSurplusAdjustment(candidate, this.tallyOf(candidate).add(value));
  }

  statusTally(status: BallotStatus): JavaDecimal {
    return this.statusTallies.get(status) ?? JavaDecimal.ZERO;
  }

  /** Recomputes the active and inactive sums (RCTab's countBallots, run when a round locks). */
  lock(): void {
    if (this.pending) {
      for (const [candidate, sum] of this.pending)
        this.tallies.set(candidate, sum.value(this.tallyOf(candidate)));
      this.pending = null;
    }
    if (this.pendingStatus) {
      for (const [status, sum] of this.pendingStatus)
        this.statusTallies.set(status, sum.value(this.statusTally(status)));
      this.pendingStatus = null;
    }
    this.active = JavaDecimal.ZERO;
    this.inactive = JavaDecimal.ZERO;
    for (const [status, value] of this.statusTallies) {
      if (INACTIVE_STATUSES.has(status)) this.inactive = this.inactive.add(value);
      else this.active = this.active.add(value);
    }
  }

  activeSum(): JavaDecimal {
    return this.active;
  }

  inactiveSum(): JavaDecimal {
    return this.inactive;
  }

  activeAndLockedInSum(): JavaDecimal {
    return this.active.add(this.lockedIn);
  }

  /** Candidates by descending tally, undeclared write-ins last; ties keep HashMap order (stable). */
  sortedByTally(uwiLabel: string): string[] {
    return [...this.candidates()].sort((a, b) => {
      if (a === uwiLabel) return 1;
      if (b === uwiLabel) return -1;
      return this.tallyOf(b).compareTo(this.tallyOf(a));
    });
  }

  private addStatus(status: BallotStatus, value: JavaDecimal): void {
    if (!this.pendingStatus) throw new Error(`round ${this.round} is already locked`);
    getOrCreate(this.pendingStatus, status, () => new DecimalSum()).add(value);
  }
}

/** Transfers per round: source → target → value ("uncounted" source in round 1, "exhausted" target). */
export class TallyTransfers {
  private readonly rounds = new Map<number, Map<string, Map<string, JavaDecimal>>>();

  add(round: number, source: string | null, target: string | null, value: JavaDecimal): void {
    const from = source ?? 'uncounted';
    const to = target ?? 'exhausted';
    const byRound = getOrCreate(this.rounds, round, () => new Map<string, Map<string, JavaDecimal>>());
    const bySource = getOrCreate(byRound, from, () => new Map<string, JavaDecimal>());
    bySource.set(to, (bySource.get(to) ?? JavaDecimal.ZERO).add(value));
  }

  forRound(round: number): ReadonlyMap<string, ReadonlyMap<string, JavaDecimal>> | undefined {
    return this.rounds.get(round);
  }
}
