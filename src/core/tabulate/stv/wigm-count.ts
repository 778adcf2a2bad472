import { type CompiledBallots, EXHAUSTED, nextChoice } from '../compile.ts';

/** Transfer values carry five decimals: 1.00000 is 100000 (Scottish rule 48(3)). */
export const valueScale = 100_000n;
const fullValue = 100_000;

/**
 * Ballot piles of a Scottish STV count. Each ballot (merged identical papers) carries the value of
 * one paper in 10^-5 units; a pile's votes are Σ weight × value, exact bigints in units of
 * 10^-(weightDecimals + 5). Papers only ever go to continuing (hopeful) candidates.
 */
export class WigmCount {
  readonly hopeful: Uint8Array;
  readonly tallies: bigint[];
  exhausted = 0n;
  private readonly weights: BigInt64Array;
  private readonly values: Int32Array;
  private readonly pileHead: Int32Array;
  private readonly pileNext: Int32Array;
  private readonly resumeAt: Int32Array;
  private readonly cursor = { position: 0 };

  constructor(private readonly ballots: CompiledBallots) {
    const n = ballots.candidateCount;
    this.hopeful = new Uint8Array(n).fill(1);
    this.tallies = new Array<bigint>(n).fill(0n);
    this.pileHead = new Int32Array(n).fill(-1);
    this.weights = new BigInt64Array(ballots.size);
    this.values = new Int32Array(ballots.size).fill(fullValue);
    this.pileNext = new Int32Array(ballots.size);
    this.resumeAt = new Int32Array(ballots.size);
    for (let ballot = 0; ballot < ballots.size; ballot++) {
      this.weights[ballot] = BigInt(ballots.weights[ballot] as number);
      this.place(ballot, ballots.offsets[ballot] as number);
    }
  }

  /** Takes the candidate out of the continuing set (elected or excluded); their pile stays. */
  retire(candidate: number): void {
    this.hopeful[candidate] = 0;
  }

  /**
   * Moves every paper of the candidate to its next continuing choice, re-valued by `revalue`
   * (identity for an exclusion). Returns the total value that arrived anywhere, exhausted included.
   */
  transferPile(candidate: number, revalue: (value: number) => number): bigint {
    let moved = 0n;
    let ballot = this.pileHead[candidate] as number;
    this.pileHead[candidate] = -1;
    while (ballot !== -1) {
      const next = this.pileNext[ballot] as number;
      this.values[ballot] = revalue(this.values[ballot] as number);
      moved += this.place(ballot, this.resumeAt[ballot] as number);
      ballot = next;
    }
    return moved;
  }

  private place(ballot: number, from: number): bigint {
    const { choices, offsets } = this.ballots;
    const votes = (this.weights[ballot] as bigint) * BigInt(this.values[ballot] as number);
    const choice = nextChoice(choices, from, offsets[ballot + 1] as number, this.hopeful, this.cursor);
    if (choice === EXHAUSTED) {
      this.exhausted += votes;
      return votes;
    }
    this.resumeAt[ballot] = this.cursor.position;
    this.pileNext[ballot] = this.pileHead[choice] as number;
    this.pileHead[choice] = ballot;
    this.tallies[choice] = (this.tallies[choice] as bigint) + votes;
    return votes;
  }
}
