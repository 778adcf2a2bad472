import { javaHashOrder } from './java-collections.ts';
import { JavaDecimal } from './java-decimal.ts';
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
export class RoundTally {
  private readonly tallies = new Map<string, JavaDecimal>();
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
    this.tallies.set(candidate, this.tallyOf(candidate).add(value));
  }

  addInactive(status: BallotStatus, value: JavaDecimal): void {
    this.addStatus(status, value);
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
    this.statusTallies.set(status, this.statusTally(status).add(value));
  }
}

/** Transfers per round: source → target → value ("uncounted" source in round 1, "exhausted" target). */
export class TallyTransfers {
  private readonly rounds = new Map<number, Map<string, Map<string, JavaDecimal>>>();

  add(round: number, source: string | null, target: string | null, value: JavaDecimal): void {
    const from = source ?? 'uncounted';
    const to = target ?? 'exhausted';
    let byRound = this.rounds.get(round);
    if (!byRound) this.rounds.set(round, (byRound = new Map()));
    let bySource = byRound.get(from);
    if (!bySource) byRound.set(from, (bySource = new Map()));
    bySource.set(to, (bySource.get(to) ?? JavaDecimal.ZERO).add(value));
  }

  forRound(round: number): ReadonlyMap<string, ReadonlyMap<string, JavaDecimal>> | undefined {
    return this.rounds.get(round);
  }
}
