import { byTallyDescending, type CountContext } from '../count-context.ts';
import type { PastRound } from '../tiebreak.ts';

/**
 * Whom Meek excludes when nobody reaches the quota: the lowest hopeful candidate. Votes are only
 * known to within the surplus still held by the elected, so candidates within that surplus of the
 * lowest count as tied with them (Reference Meek); the tiebreak rule picks among them.
 */
export function lowestWithin(
  ctx: CountContext,
  hopeful: readonly number[],
  votes: readonly bigint[],
  surplus: bigint,
  round: number,
  history: readonly PastRound[],
): number[] | null {
  let low = votes[hopeful[0] as number] as bigint;
  for (const c of hopeful) if ((votes[c] as bigint) < low) low = votes[c] as bigint;
  const margin = surplus > 0n ? surplus : 0n;
  const tied = hopeful.filter((c) => (votes[c] as bigint) <= low + margin);
  if (tied.length === 1) return tied;
  const chosen = ctx.tiebreaker.pick({ tied, want: 'lowest', purpose: 'elimination', round, history });
  return chosen === null ? null : [chosen];
}

/**
 * Batch defeat: the largest group of lowest hopeful candidates whose votes plus the whole surplus
 * stay below the next candidate (so no transfer could save them), leaving enough hopefuls for the
 * open seats.
 */
export function sureLosers(
  hopeful: readonly number[],
  votes: readonly bigint[],
  surplus: bigint,
  maxLosers: number,
): number[] {
  const ascending = byTallyDescending(hopeful, votes).reverse();
  let sum = surplus > 0n ? surplus : 0n;
  let size = 0;
  for (let i = 0; i + 1 < ascending.length && i + 1 <= maxLosers; i++) {
    sum += votes[ascending[i] as number] as bigint;
    if (sum < (votes[ascending[i + 1] as number] as bigint)) size = i + 1;
  }
  return ascending.slice(0, size);
}
