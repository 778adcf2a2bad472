/**
 * RCTab's round-by-round count, rule for rule (its Tabulator.java), so that its reports can be
 * reproduced exactly: thresholds, surplus fractions truncated to the configured decimal places,
 * undeclared write-ins dropped first, batch and cutoff elimination, every tiebreak mode, inactive
 * ballots by reason, transfers, residual and final-round surplus, and tallies by precinct or batch.
 */
import { type JavaRandom, javaHashOrder } from './java-collections.ts';
import { JavaDecimal } from './java-decimal.ts';
import { getOrCreate } from './maps.ts';
import { DecimalSum, RoundTally, TallyTransfers } from './round-tally.ts';
import { type TallyGroups, tallyToCandidates } from './tally-groups.ts';
import { breakTie } from './tiebreak.ts';
import {
  type BallotStatus,
  OVERVOTE_LABEL,
  type RctabContest,
  type RctabCvr,
  type Slice,
  type TallyDecision,
  UWI_LABEL,
} from './types.ts';

interface CvrState {
  cvr: RctabCvr;
  recipient: string | null;
  status: BallotStatus;
  winnerShares: Map<string, JavaDecimal>;
  /** Round → where the ballot's value sat when it last moved (kept only for CDF output). */
  snapshots: Map<number, Array<[string, JavaDecimal]>> | null;
}

/** Where each ballot's value went, by round, in the order RCTab logs it (for its CDF CVR output). */
export type BallotSnapshots = ReadonlyArray<
  ReadonlyMap<number, ReadonlyArray<readonly [string, JavaDecimal]>>
>;

export interface SliceResult {
  rounds: RoundTally[];
  transfers: TallyTransfers;
}

export interface TabulationResult {
  rounds: RoundTally[];
  transfers: TallyTransfers;
  decisions: Map<number, TallyDecision[]>;
  residualSurplus: JavaDecimal[];
  winners: string[];
  /** slice → slice id → its rounds and transfers */
  slices: Map<Slice, Map<string, SliceResult>>;
  /** Candidate order of the reports: round 1 by descending tally. */
  candidateOrder: string[];
  /** Present when asked for (`recordSnapshots`), one entry per ballot in input order. */
  snapshots: BallotSnapshots | null;
}

export interface TabulateOptions {
  /** Keep each ballot's allocation per round, as RCTab's CDF CVR output needs. */
  recordSnapshots?: boolean;
}

export class TabulationAborted extends Error {}

export function tabulate(
  contest: RctabContest,
  cvrs: readonly RctabCvr[],
  random: JavaRandom | null,
  options: TabulateOptions = {},
): TabulationResult {
  return new Count(contest, cvrs, random, options.recordSnapshots === true).run();
}

class Count {
  private readonly rules;
  private readonly states: CvrState[];
  private readonly rounds: RoundTally[] = [];
  private readonly transfers = new TallyTransfers();
  private readonly decisions = new Map<number, TallyDecision[]>();
  private readonly residual: JavaDecimal[] = [];
  private readonly winnerRound = new Map<string, number>();
  private readonly eliminatedRound = new Map<string, number>();
  private readonly sliceIds = new Map<Slice, string[]>();
  private readonly sliceRounds = new Map<Slice, Map<string, RoundTally[]>>();
  private readonly sliceTransfers = new Map<Slice, Map<string, TallyTransfers>>();
  private readonly hashOrderedNames: string[];
  /** Ballots counting for each continuing candidate, by index. */
  private readonly resting = new Map<string, number[]>();
  private readonly carried: CarriedSums;
  private round = 0;

  constructor(
    private readonly contest: RctabContest,
    cvrs: readonly RctabCvr[],
    private readonly random: JavaRandom | null,
    private readonly recordSnapshots: boolean,
  ) {
    this.rules = contest.rules;
    this.states = cvrs.map((cvr) => ({
      cvr,
      recipient: null,
      status: 'active',
      winnerShares: new Map(),
      snapshots: recordSnapshots ? new Map() : null,
    }));
    this.hashOrderedNames = javaHashOrder(contest.candidateNames);
    this.carried = new CarriedSums(contest.slices);
    for (const slice of contest.slices) {
      const ids = new Set<string>();
      for (const { cvr } of this.states) {
        const id = sliceOf(cvr, slice);
        if (id !== null) ids.add(id);
      }
      if (ids.size === 0) {
        throw new TabulationAborted(
          `"Tabulate by ${sliceTitle(slice)}" enabled, but CVRs don't list ${slice}s.`,
        );
      }
      const ordered = javaHashOrder(ids);
      this.sliceIds.set(slice, ordered);
      this.sliceRounds.set(slice, new Map(ordered.map((id) => [id, []])));
      this.sliceTransfers.set(slice, new Map(ordered.map((id) => [id, new TallyTransfers()])));
    }
  }

  run(): TabulationResult {
    while (this.shouldContinue()) {
      this.round += 1;
      const tally = this.computeTallies();
      this.rounds.push(tally);
      this.residual.push(this.round === 1 ? JavaDecimal.ZERO : (this.residual.at(-1) ?? JavaDecimal.ZERO));
      if (this.shouldRecomputeThreshold()) this.setThreshold(this.computeThreshold(tally));
      else this.setThreshold((this.rounds.at(-2) as RoundTally).threshold);

      const byTally = tallyToCandidates(tally, tally.candidates());
      const winners = this.identifyWinners(tally, byTally);
      if (winners.length > 0) {
        for (const winner of winners) this.winnerRound.set(winner.candidate, this.round);
        this.addDecisions(winners);
        if (this.usesSurpluses()) this.transferSurpluses(tally, winners);
      } else if (this.needsElimination()) {
        let eliminated = this.dropUndeclaredWriteIns(tally);
        if (eliminated.length === 0) eliminated = this.cutoffElimination(tally);
        if (eliminated.length === 0) eliminated = this.batchElimination(byTally);
        if (eliminated.length === 0) eliminated = this.regularElimination(byTally);
        if (eliminated.length === 0) throw new TabulationAborted('Failed to eliminate any candidates!');
        for (const loser of eliminated) this.eliminatedRound.set(loser.candidate, this.round);
        this.addDecisions(eliminated);
      }
      if (this.rules.numberOfWinners > 1) this.updateWinnerTallies();
    }
    const first = this.rounds[0];
    if (!first) throw new TabulationAborted('No round was tabulated.');
    return {
      rounds: this.rounds,
      transfers: this.transfers,
      decisions: this.decisions,
      residualSurplus: this.residual,
      winners: [...this.winnerRound.keys()],
      slices: this.sliceResults(),
      candidateOrder: first.sortedByTally(UWI_LABEL),
      snapshots: this.recordSnapshots ? this.states.map((state) => state.snapshots ?? new Map()) : null,
    };
  }

  private sliceResults(): Map<Slice, Map<string, SliceResult>> {
    const result = new Map<Slice, Map<string, SliceResult>>();
    for (const [slice, byId] of this.sliceRounds) {
      const transfers = this.sliceTransfers.get(slice) as Map<string, TallyTransfers>;
      result.set(
        slice,
        new Map(
          [...byId].map(([id, rounds]) => [id, { rounds, transfers: transfers.get(id) as TallyTransfers }]),
        ),
      );
    }
    return result;
  }

  private addDecisions(decisions: TallyDecision[]): void {
    const list = this.decisions.get(this.round) ?? [];
    list.push(...decisions);
    this.decisions.set(this.round, list);
  }

  private usesSurpluses(): boolean {
    return this.rules.numberOfWinners > 1 && this.rules.winnerMode !== 'bottomsUp';
  }

  private bottomsUpWithThreshold(): boolean {
    return this.rules.winnerMode === 'bottomsUpUsingPercentageThreshold';
  }

  private numCandidates(): number {
    return this.contest.candidateNames.length - this.contest.excluded.size;
  }

  private numDeclaredCandidates(): number {
    return this.contest.candidateNames.length - (this.contest.candidateNames.includes(UWI_LABEL) ? 1 : 0);
  }

  private needsElimination(): boolean {
    return (
      this.winnerRound.size < this.rules.numberOfWinners ||
      (this.rules.continueUntilTwoCandidatesRemain && this.eliminatedRound.size < this.numCandidates() - 2) ||
      this.bottomsUpWithThreshold()
    );
  }

  private shouldContinue(): boolean {
    const eliminated = this.eliminatedRound.size;
    const winners = this.winnerRound.size;
    if (this.round >= this.rules.stopTabulationEarlyAfterRound) return false;
    if (winners === this.numDeclaredCandidates() && this.rules.numberOfWinners > this.numCandidates())
      return false;
    if (this.rules.continueUntilTwoCandidatesRemain) {
      return (
        eliminated + winners + 1 < this.numCandidates() ||
        [...this.eliminatedRound.values()].includes(this.round)
      );
    }
    if (this.bottomsUpWithThreshold()) return winners === 0;
    return (
      winners < this.rules.numberOfWinners ||
      (this.usesSurpluses() && [...this.winnerRound.values()].includes(this.round))
    );
  }

  private shouldRecomputeThreshold(): boolean {
    if (this.rules.numberOfWinners > 1) return this.round === 1;
    if (this.round === 1) return true;
    if (this.rules.firstRoundDeterminesThreshold) return false;
    if (this.rules.continueUntilTwoCandidatesRemain) return this.winnerRound.size === 0;
    return true;
  }

  private computeThreshold(tally: RoundTally): JavaDecimal {
    const total = tally.activeSum();
    if (this.bottomsUpWithThreshold()) {
      return total.multiply(this.rules.bottomsUpPercentageThreshold ?? JavaDecimal.ZERO);
    }
    const divisor = JavaDecimal.fromInt(
      this.rules.hareQuota ? this.rules.numberOfWinners : this.rules.numberOfWinners + 1,
    );
    const decimals = this.rules.nonIntegerWinningThreshold ? this.rules.decimalPlaces : 0;
    if (this.rules.hareQuota) return total.divide(divisor, decimals, 'up');
    // BigDecimal.ONE.divide(BigDecimal.TEN.pow(decimals)): scale `decimals`.
    const augend = JavaDecimal.of(1n, decimals);
    return total.divide(divisor, decimals, 'down').add(augend);
  }

  private setThreshold(threshold: JavaDecimal): void {
    const current = this.rounds.at(-1) as RoundTally;
    current.threshold = threshold;
    for (const byId of this.sliceRounds.values()) {
      for (const rounds of byId.values()) (rounds[this.round - 1] as RoundTally).threshold = threshold;
    }
  }

  private status(candidate: string): 'continuing' | 'winner' | 'eliminated' | 'invalid' | 'excluded' {
    if (this.contest.excluded.has(candidate)) return 'excluded';
    if (this.winnerRound.has(candidate)) return 'winner';
    if (this.eliminatedRound.has(candidate)) return 'eliminated';
    if (candidate === OVERVOTE_LABEL) return 'invalid';
    return 'continuing';
  }

  private isContinuing(candidate: string | undefined | null): boolean {
    if (candidate === undefined || candidate === null) return false;
    const status = this.status(candidate);
    return status === 'continuing' || (status === 'winner' && this.rules.continueUntilTwoCandidatesRemain);
  }

  private identifyWinners(tally: RoundTally, byTally: TallyGroups): TallyDecision[] {
    const uwi = tally.tally(UWI_LABEL);
    if (uwi && uwi.signum() !== 0) return [];
    let names: string[] = [];
    if (this.bottomsUpWithThreshold()) {
      const above = tally.candidates().filter((c) => tally.tallyOf(c).compareTo(tally.threshold) > 0);
      if (above.length === tally.candidateCount()) names = [...tally.candidates()];
      return names.map((candidate) => ({ candidate, kind: 'elected', byTiebreak: false }));
    }
    const unfilled = this.rules.numberOfWinners - this.winnerRound.size;
    if (unfilled > 0) {
      if (tally.candidateCount() <= unfilled) names = [...tally.candidates()];
      else if (
        this.rules.firstRoundDeterminesThreshold &&
        tally.candidateCount() - 1 === this.rules.numberOfWinners
      ) {
        names = byTally.last().candidates;
      } else if (this.rules.winnerMode !== 'bottomsUp') {
        for (const group of byTally.ascending()) {
          if (group.votes.compareTo(tally.threshold) >= 0) {
            for (const candidate of group.candidates) if (candidate !== UWI_LABEL) names.push(candidate);
          }
        }
      }
    }
    const tieAmongWinners =
      names.length > 1 &&
      (this.rules.winnerMode === 'multiWinnerAllowOnlyOneWinnerPerRound' ||
        this.rules.firstRoundDeterminesThreshold);
    const tieWithNoWinner =
      this.rules.numberOfWinners === 1 &&
      names.length === 0 &&
      tally.candidateCount() === 2 &&
      unfilled === 1;
    if (tieAmongWinners || tieWithNoWinner) {
      const top = byTally.last();
      if (top.candidates.length > 1) {
        const winner = this.breakTie(true, top.candidates, top.votes);
        return [{ candidate: winner, kind: 'elected', byTiebreak: true }];
      }
      names = top.candidates;
    }
    return names.map((candidate) => ({ candidate, kind: 'elected', byTiebreak: false }));
  }

  private breakTie(selectingWinner: boolean, tied: string[], votes: JavaDecimal): string {
    return breakTie({
      selectingWinner,
      tied,
      votes,
      round: this.round,
      mode: this.rules.tiebreakMode,
      rounds: this.rounds,
      permutation: this.contest.candidatePermutation,
      random: this.random,
      ask: this.contest.askTiebreak,
    });
  }

  private dropUndeclaredWriteIns(tally: RoundTally): TallyDecision[] {
    const uwi = tally.tally(UWI_LABEL);
    return uwi && uwi.signum() === 1 ? [{ candidate: UWI_LABEL, kind: 'eliminated', byTiebreak: false }] : [];
  }

  private cutoffElimination(tally: RoundTally): TallyDecision[] {
    if (!this.rules.cutoffElimination) return [];
    return tally
      .candidates()
      .filter((candidate) => tally.tallyOf(candidate).compareTo(tally.threshold) < 0)
      .map((candidate) => ({ candidate, kind: 'eliminated', byTiebreak: false }));
  }

  private batchElimination(byTally: TallyGroups): TallyDecision[] {
    if (!this.rules.batchElimination) return [];
    let running = JavaDecimal.ZERO;
    const seen: string[] = [];
    const eliminated = new Set<string>();
    let eliminations: string[] = [];
    let previous: string[] = [];
    for (const group of byTally.ascending()) {
      const next = [...eliminations];
      if (running.compareTo(group.votes) < 0) {
        for (const candidate of seen) {
          if (!eliminated.has(candidate)) {
            eliminated.add(candidate);
            next.push(candidate);
          }
        }
      }
      running = running.add(this.multiply(group.votes, JavaDecimal.fromInt(group.candidates.length)));
      seen.push(...group.candidates);
      if (next.length > eliminations.length) {
        previous = eliminations;
        eliminations = next;
      }
    }
    if (
      this.rules.continueUntilTwoCandidatesRemain &&
      eliminations.length + this.eliminatedRound.size === this.numCandidates() - 1
    ) {
      eliminations = previous;
    }
    if (eliminations.length <= 1) return [];
    return eliminations.map((candidate) => ({ candidate, kind: 'eliminated', byTiebreak: false }));
  }

  private regularElimination(byTally: TallyGroups): TallyDecision[] {
    const lowest = byTally.first();
    if (lowest.candidates.length > 1) {
      const loser = this.breakTie(false, lowest.candidates, lowest.votes);
      return [{ candidate: loser, kind: 'eliminated', byTiebreak: true }];
    }
    return [{ candidate: lowest.candidates[0] as string, kind: 'eliminated', byTiebreak: false }];
  }

  private divide(a: JavaDecimal, b: JavaDecimal): JavaDecimal {
    return a.divide(b, this.rules.decimalPlaces, 'down');
  }

  private multiply(a: JavaDecimal, b: JavaDecimal): JavaDecimal {
    return a.multiply(b).setScale(this.rules.decimalPlaces, 'down');
  }

  private transferSurpluses(tally: RoundTally, winners: TallyDecision[]): void {
    for (const winner of winners) {
      const votes = tally.tallyOf(winner.candidate);
      const extra = votes.subtract(tally.threshold);
      const fraction = extra.signum() === 1 ? this.divide(extra, votes) : JavaDecimal.ZERO;
      for (const state of this.states) {
        if (state.recipient !== winner.candidate) continue;
        const value = transferValue(state);
        const transferred = this.multiply(value, fraction);
        state.winnerShares.set(winner.candidate, value.subtract(transferred));
      }
    }
  }

  /** Past winners' tallies in this round: recomputed once after their surplus left, then carried. */
  private updateWinnerTallies(): void {
    const tally = this.rounds.at(-1) as RoundTally;
    const previous = this.rounds.at(-2);
    const toProcess: string[] = [];
    const needComputation = new Set<string>();
    for (const winner of javaHashOrder(this.winnerRound.keys())) {
      const round = this.winnerRound.get(winner) as number;
      if (round === this.round) continue;
      toProcess.push(winner);
      if (round === this.round - 1) needComputation.add(winner);
    }
    const slicesThisRound = this.sliceTalliesForRound(this.round);
    for (const winner of toProcess) {
      const carried = (r: RoundTally | undefined) =>
        needComputation.has(winner) ? JavaDecimal.ZERO : (r?.tally(winner) ?? JavaDecimal.ZERO);
      tally.setViaSurplusAdjustment(winner, carried(previous));
      for (const [slice, id, sliceTally] of slicesThisRound) {
        const sliceRounds = this.sliceRounds.get(slice)?.get(id) as RoundTally[];
        sliceTally.setViaSurplusAdjustment(winner, carried(sliceRounds[this.round - 2]));
      }
    }
    if (needComputation.size === 0) {
      tally.lock();
      return;
    }
    for (const state of this.states) {
      for (const [winner, share] of state.winnerShares) {
        if (!needComputation.has(winner)) continue;
        tally.addViaSurplusAdjustment(winner, share);
        for (const slice of this.contest.slices) {
          const id = sliceOf(state.cvr, slice);
          if (id === null) continue;
          const sliceTally = this.sliceRounds.get(slice)?.get(id)?.[this.round - 1];
          sliceTally?.addViaSurplusAdjustment(winner, share);
        }
      }
    }
    for (const [, , sliceTally] of slicesThisRound) sliceTally.lock();
    for (const winner of needComputation) {
      const residual = tally.tallyOf(winner).subtract(tally.threshold);
      if (residual.signum() === 1) {
        this.residual[this.round - 1] = (this.residual[this.round - 1] as JavaDecimal).add(residual);
        tally.setViaSurplusAdjustment(winner, tally.threshold);
        this.transfers.add(this.round, winner, 'residual surplus', residual);
      }
    }
    tally.lock();
  }

  private sliceRoundsOf(slice: Slice, id: string): RoundTally[] {
    const rounds = this.sliceRounds.get(slice)?.get(id);
    if (!rounds) throw new Error(`unknown ${slice} ${id}`);
    return rounds;
  }

  private sliceTalliesForRound(round: number): Array<[Slice, string, RoundTally]> {
    const result: Array<[Slice, string, RoundTally]> = [];
    for (const [slice, byId] of this.sliceRounds) {
      for (const [id, rounds] of byId) result.push([slice, id, rounds[round - 1] as RoundTally]);
    }
    return result;
  }

  private newTally(): RoundTally {
    return new RoundTally(
      this.round,
      this.hashOrderedNames.filter((name) => this.isContinuing(name)),
    );
  }

  /**
   * One round's count. RCTab walks every ballot every round; a ballot whose candidate continues
   * contributes exactly what it did last round, so here only the ballots that move are walked (all
   * of them in round 1, then those of candidates just elected or eliminated) and the rest are
   * carried as exact sums per candidate (and per slice). Java's scale rule — a sum's scale is the
   * largest scale added — holds for carried sums too, so the figures are identical.
   */
  private computeTallies(): RoundTally {
    const movers: number[] = [];
    if (this.round === 1) for (let i = 0; i < this.states.length; i++) movers.push(i);
    for (const [candidate, ballots] of this.resting) {
      if (this.isContinuing(candidate)) continue;
      for (const index of ballots) movers.push(index);
      this.resting.delete(candidate);
      this.carried.dropCandidate(candidate);
    }
    movers.sort((a, b) => a - b);
    for (const index of movers) this.countBallot(this.states[index] as CvrState, index);

    const tally = this.newTally();
    this.carried.fill(tally, null);
    tally.lock();
    for (const [slice, ids] of this.sliceIds) {
      for (const id of ids) {
        const sliceTally = this.newTally();
        this.carried.fill(sliceTally, { slice, id });
        sliceTally.lock();
        this.sliceRoundsOf(slice, id).push(sliceTally);
      }
    }
    return tally;
  }

  /** RCTab's per-ballot step for a ballot that has no continuing candidate (yet). */
  private countBallot(state: CvrState, index: number): void {
    const record = (selected: string | null, status: BallotStatus) => {
      const value = transferValue(state);
      if (value.signum() === 1) {
        this.transfers.add(this.round, state.recipient, selected, value);
        for (const slice of this.contest.slices) {
          const id = sliceOf(state.cvr, slice);
          const transfers = id === null ? undefined : this.sliceTransfers.get(slice)?.get(id);
          if (!transfers)
            throw new TabulationAborted(`${sliceTitle(slice)} "${id}" is not among the known ${slice}s.`);
          transfers.add(this.round, state.recipient, selected, value);
        }
      }
      state.recipient = selected;
      if (selected === null) state.status = status;
      if (state.snapshots) {
        const allocation: Array<[string, JavaDecimal]> = javaHashOrder(state.winnerShares.keys()).map(
          (winner) => [winner, state.winnerShares.get(winner) as JavaDecimal],
        );
        if (selected !== null) allocation.push([selected, transferValue(state)]);
        state.snapshots.set(this.round, allocation);
      }
      if (status !== 'active') this.carried.addInactive(state.cvr, status, value);
    };
    const assign = (candidate: string) => {
      record(candidate, 'active');
      this.carried.addActive(state.cvr, candidate, transferValue(state));
      const list = this.resting.get(candidate);
      if (list) list.push(index);
      else this.resting.set(candidate, [index]);
    };

    const rankings = state.cvr.rankings;
    if (rankings.length === 0) record(null, 'didNotRankAnyCandidates');
    const maxRank = rankings.at(-1)?.[0] ?? 0;
    let lastRankSeen = 0;
    const seen = new Set<string>();
    for (const [rank, candidates] of rankings) {
      if (this.usesSurpluses() && this.rules.numberOfWinners === this.winnerRound.size) {
        record(null, 'finalRoundSurplus');
        return;
      }
      if (
        Number.isFinite(this.rules.maxSkippedRanksAllowed) &&
        rank - lastRankSeen > this.rules.maxSkippedRanksAllowed + 1
      ) {
        record(null, 'skippedRankings');
        return;
      }
      lastRankSeen = rank;
      if (this.rules.exhaustOnDuplicateCandidate) {
        for (const candidate of candidates) {
          if (seen.has(candidate)) {
            record(null, 'repeatedRankings');
            return;
          }
          seen.add(candidate);
        }
      }
      const overvote = this.overvoteDecision(candidates);
      if (overvote === 'exhaust') {
        record(null, 'overvotes');
        return;
      }
      if (overvote === 'skip') {
        if (rank === maxRank) record(null, 'exhaustedChoices');
        continue;
      }
      for (const candidate of candidates) {
        const name = this.contest.nameForAlias.get(candidate);
        if (name !== undefined && this.isContinuing(name)) {
          assign(name);
          return;
        }
      }
      if (rank === maxRank) record(null, 'exhaustedChoices');
    }
  }

  private overvoteDecision(candidates: readonly string[]): 'none' | 'exhaust' | 'skip' {
    const rule = this.rules.overvoteRule;
    if (candidates.includes(OVERVOTE_LABEL)) {
      if (candidates.length !== 1) {
        throw new TabulationAborted('Found multiple candidates when explicit overvote label was provided!');
      }
      if (rule === 'exhaustImmediately') return 'exhaust';
      if (rule === 'alwaysSkipToNextRank') return 'skip';
      throw new TabulationAborted(
        `Invalid overvote rule "${rule}" selected when explicit overvote label was provided!`,
      );
    }
    if (candidates.length <= 1) return 'none';
    if (rule === 'exhaustImmediately') return 'exhaust';
    if (rule === 'alwaysSkipToNextRank') return 'skip';
    let continuing = 0;
    for (const candidate of candidates) {
      if (this.isContinuing(candidate)) {
        continuing += 1;
        if (continuing > 1) return 'exhaust';
      }
    }
    return 'none';
  }
}

type SliceKey = { slice: Slice; id: string } | null;

/** The values of ballots resting with each candidate and of exhausted ballots by reason, overall and per slice. */
class CarriedSums {
  private readonly byKey = new Map<
    string,
    { candidates: Map<string, DecimalSum>; statuses: Map<BallotStatus, DecimalSum> }
  >();

  constructor(private readonly slices: readonly Slice[]) {}

  addActive(cvr: RctabCvr, candidate: string, value: JavaDecimal): void {
    for (const key of this.keysOf(cvr)) sumIn(this.entry(key).candidates, candidate).add(value);
  }

  addInactive(cvr: RctabCvr, status: BallotStatus, value: JavaDecimal): void {
    for (const key of this.keysOf(cvr)) sumIn(this.entry(key).statuses, status).add(value);
  }

  dropCandidate(candidate: string): void {
    for (const entry of this.byKey.values()) entry.candidates.delete(candidate);
  }

  fill(tally: RoundTally, key: SliceKey): void {
    const entry = this.byKey.get(keyText(key));
    if (!entry) return;
    for (const [candidate, sum] of entry.candidates) tally.addCandidateSum(candidate, sum);
    for (const [status, sum] of entry.statuses) tally.addStatusSum(status, sum);
  }

  private keysOf(cvr: RctabCvr): string[] {
    const keys = [keyText(null)];
    for (const slice of this.slices) {
      const id = sliceOf(cvr, slice);
      if (id !== null) keys.push(keyText({ slice, id }));
    }
    return keys;
  }

  private entry(key: string) {
    return getOrCreate(this.byKey, key, () => ({
      candidates: new Map<string, DecimalSum>(),
      statuses: new Map<BallotStatus, DecimalSum>(),
    }));
  }
}

function keyText(key: SliceKey): string {
  return key === null ? '' : `${key.slice}\u0000${key.id}`;
}

function sumIn<K>(map: Map<K, DecimalSum>, key: K): DecimalSum {
  return getOrCreate(map, key, () => new DecimalSum());
}

function transferValue(state: CvrState): JavaDecimal {
  if (state.winnerShares.size === 0) return JavaDecimal.ONE;
  let remaining = JavaDecimal.ONE;
  for (const share of state.winnerShares.values()) remaining = remaining.subtract(share);
  return remaining;
}

function sliceOf(cvr: RctabCvr, slice: Slice): string | null {
  return slice === 'precinct' ? cvr.precinct : cvr.batch;
}

export function sliceTitle(slice: Slice): string {
  return slice === 'precinct' ? 'Precinct' : 'Batch';
}
