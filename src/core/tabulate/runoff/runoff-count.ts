import { type CompiledBallots, EXHAUSTED, nextChoice } from '../compile.ts';

/**
 * The live state of an elimination count (IRV, bottoms-up): each ballot sits in the pile of the
 * candidate it currently counts for, piles being linked lists threaded through one array. When a
 * candidate is eliminated only their pile is walked, each ballot resuming where it stopped, so a
 * whole count costs about one pass over all ranks instead of one pass over all ballots per round.
 * Weights are exact integers (units of 10^-decimals) held in doubles, exact below 2^53.
 */
export class RunoffCount {
  readonly continuing: Uint8Array;
  readonly tallies: Float64Array;
  exhausted = 0;
  private readonly pileHead: Int32Array;
  private readonly pileNext: Int32Array;
  private readonly resumeAt: Int32Array;
  private readonly cursor = { position: 0 };

  constructor(
    private readonly ballots: CompiledBallots,
    excluded: readonly number[] = [],
  ) {
    const n = ballots.candidateCount;
    this.continuing = new Uint8Array(n).fill(1);
    for (const candidate of excluded) this.continuing[candidate] = 0;
    this.tallies = new Float64Array(n);
    this.pileHead = new Int32Array(n).fill(-1);
    this.pileNext = new Int32Array(ballots.size);
    this.resumeAt = new Int32Array(ballots.size);
    for (let ballot = 0; ballot < ballots.size; ballot++) {
      this.place(ballot, ballots.offsets[ballot] as number);
    }
  }

  /** Continuing candidates, in candidate order. */
  continuingList(): number[] {
    const list: number[] = [];
    this.continuing.forEach((flag, candidate) => {
      if (flag === 1) list.push(candidate);
    });
    return list;
  }

  continuingTotal(): number {
    let total = 0;
    for (let candidate = 0; candidate < this.continuing.length; candidate++) {
      if (this.continuing[candidate] === 1) total += this.tallies[candidate] as number;
    }
    return total;
  }

  /** Eliminates the candidates together, then moves their ballots on (skipping all of them). */
  eliminate(candidates: readonly number[]): void {
    for (const candidate of candidates) this.continuing[candidate] = 0;
    for (const candidate of candidates) {
      let ballot = this.pileHead[candidate] as number;
      this.pileHead[candidate] = -1;
      this.tallies[candidate] = 0;
      while (ballot !== -1) {
        const next = this.pileNext[ballot] as number;
        this.place(ballot, this.resumeAt[ballot] as number);
        ballot = next;
      }
    }
  }

  private place(ballot: number, from: number): void {
    const { choices, offsets, weights } = this.ballots;
    const weight = weights[ballot] as number;
    const choice = nextChoice(choices, from, offsets[ballot + 1] as number, this.continuing, this.cursor);
    if (choice === EXHAUSTED) {
      this.exhausted += weight;
      return;
    }
    this.resumeAt[ballot] = this.cursor.position;
    this.pileNext[ballot] = this.pileHead[choice] as number;
    this.pileHead[choice] = ballot;
    this.tallies[choice] = (this.tallies[choice] as number) + weight;
  }
}
