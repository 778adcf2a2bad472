import type { RctabCvr } from '../../../core/rctab/types.ts';

export interface ReaderOptions {
  /** Infinity for "max". */
  maxRankingsAllowed: number;
}

/** A source that cannot be read: the file and each problem, with its row or record. */
export class CvrReadError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${file}: ${problems.slice(0, 20).join('; ')}${problems.length > 20 ? ` (and ${problems.length - 20} more)` : ''}`,
    );
    this.name = 'CvrReadError';
  }
}

/** RCTab's CandidateRankingsList: rankings sorted by rank, candidates of one rank grouped in order. */
export function toRankings(ranked: ReadonlyArray<readonly [number, string]>): RctabCvr['rankings'] {
  const byRank = new Map<number, string[]>();
  for (const [rank, candidate] of [...ranked].sort((a, b) => a[0] - b[0])) {
    const list = byRank.get(rank);
    if (list) list.push(candidate);
    else byRank.set(rank, [candidate]);
  }
  return [...byRank.entries()].sort((a, b) => a[0] - b[0]);
}

export { sanitizeForOutput } from '../../../core/rctab/sanitize.ts';

/** String.split(Pattern.quote(delimiter)): like JavaScript's split, but trailing empty parts dropped. */
export function javaSplit(text: string, delimiter: string): string[] {
  const parts = text.split(delimiter);
  while (parts.length > 1 && parts.at(-1) === '') parts.pop();
  return parts;
}
