/**
 * Straightforward counts, the baselines of the benchmark: no merging, no piles, no path groups.
 * They follow the same rules as the engine's defaults so that their results can be compared.
 */

export interface NaiveBallots {
  ballots: string[][];
  weights: number[];
}

/** Splits the CSV plainly (the bench file has no quotes); cells stay strings. */
export function parseNaively(text: string): NaiveBallots {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').split(',');
  const weightColumn = header.indexOf('weight');
  const ballots: string[][] = [];
  const weights: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const cells = line.split(',');
    weights.push(weightColumn < 0 ? 1 : Number(cells[weightColumn]));
    ballots.push(weightColumn < 0 ? cells : cells.filter((_, column) => column !== weightColumn));
  }
  return { ballots, weights };
}

/**
 * IRV that reads every ballot from its first rank in every round: blanks are skipped, an overvote
 * exhausts the ballot, the first continuing candidate gets it. Lowest eliminated; ties by name.
 */
export function naiveIrv({ ballots, weights }: NaiveBallots): {
  winner: string;
  rounds: Map<string, number>[];
} {
  const continuing = new Set(ballots.flat().filter((cell) => cell !== '' && !cell.includes('=')));
  const rounds: Map<string, number>[] = [];
  for (;;) {
    const tallies = new Map([...continuing].map((name) => [name, 0]));
    let active = 0;
    ballots.forEach((ballot, i) => {
      for (const cell of ballot) {
        if (cell === '') continue;
        if (cell.includes('=')) return;
        if (continuing.has(cell)) {
          tallies.set(cell, (tallies.get(cell) ?? 0) + (weights[i] as number));
          active += weights[i] as number;
          return;
        }
      }
    });
    rounds.push(tallies);
    const standing = [...tallies].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [leader, votes] = standing[0] as [string, number];
    if (2 * votes > active || standing.length === 1) return { winner: leader, rounds };
    continuing.delete((standing.at(-1) as [string, number])[0]);
  }
}

/**
 * Meek STV walking every ballot at every iteration, with the engine's fixed-point rules: values
 * at `precision` decimals, kept share rounded up, quota truncated plus one unit, keep factors
 * ⌈k·q/v⌉, stop when the surplus is ≤ omega or stops falling, lowest hopeful excluded.
 * Ballots are rank lists of candidate indices, weights whole numbers.
 */
export function naiveMeek(
  ballots: readonly number[][],
  candidates: number,
  seats: number,
  precision: number,
): number[] {
  const one = 10n ** BigInt(precision);
  const omega = 10n ** BigInt(precision - Math.floor((2 * precision) / 3));
  const state = new Array<'hopeful' | 'elected' | 'excluded'>(candidates).fill('hopeful');
  const keep = new Array<bigint>(candidates).fill(one);
  const elected: number[] = [];
  const hopeful = () => state.flatMap((s, c) => (s === 'hopeful' ? [c] : []));
  while (elected.length < seats && hopeful().length > seats - elected.length) {
    let last: bigint | null = null;
    let votes: bigint[] = [];
    let newly: number[] = [];
    let surplus = 0n;
    for (;;) {
      votes = new Array<bigint>(candidates).fill(0n);
      for (const ballot of ballots) {
        let value = one;
        for (const c of ballot) {
          if (state[c] === 'excluded') continue;
          if (state[c] === 'hopeful') {
            votes[c] = (votes[c] as bigint) + value;
            break;
          }
          const kept = (value * (keep[c] as bigint) + one - 1n) / one;
          votes[c] = (votes[c] as bigint) + kept;
          value -= kept;
        }
      }
      const quota = votes.reduce((sum, v) => sum + v, 0n) / BigInt(seats + 1) + 1n;
      newly = hopeful().filter((c) => (votes[c] as bigint) >= quota);
      if (newly.length > 0) break;
      surplus = elected.reduce((sum, c) => sum + (votes[c] as bigint) - quota, 0n);
      if (surplus <= omega || (last !== null && surplus >= last)) break;
      last = surplus;
      for (const c of elected)
        keep[c] = ((keep[c] as bigint) * quota + (votes[c] as bigint) - 1n) / (votes[c] as bigint);
    }
    if (newly.length > 0) {
      newly.sort((a, b) =>
        (votes[b] as bigint) > (votes[a] as bigint)
          ? 1
          : (votes[b] as bigint) < (votes[a] as bigint)
            ? -1
            : a - b,
      );
      for (const c of newly.slice(0, seats - elected.length)) {
        state[c] = 'elected';
        elected.push(c);
      }
      continue;
    }
    const lowest = hopeful().reduce((low, c) => ((votes[c] as bigint) < (votes[low] as bigint) ? c : low));
    state[lowest] = 'excluded';
    keep[lowest] = 0n;
  }
  if (elected.length < seats) elected.push(...hopeful().slice(0, seats - elected.length));
  return elected;
}
