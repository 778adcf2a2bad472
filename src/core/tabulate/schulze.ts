import type { CountContext } from './count-context.ts';
import { type MethodResult, stoppedOnTie } from './method-result.ts';

/**
 * Strongest path strengths, winning votes (Schulze 2011, §2.2): a link x→y has strength d[x][y]
 * when x beats y head to head, else none (0); a path is as strong as its weakest link, and
 * p[x][y] is the strongest path from x to y (Floyd–Warshall, widest-path form).
 */
export function strongestPaths(d: Float64Array, n: number): Float64Array {
  const p = new Float64Array(n * n);
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      const forward = d[x * n + y] as number;
      if (x !== y && forward > (d[y * n + x] as number)) p[x * n + y] = forward;
    }
  }
  for (let k = 0; k < n; k++) {
    for (let x = 0; x < n; x++) {
      if (x === k) continue;
      const viaK = p[x * n + k] as number;
      if (viaK === 0) continue;
      for (let y = 0; y < n; y++) {
        if (y === x || y === k) continue;
        const strength = Math.min(viaK, p[k * n + y] as number);
        if (strength > (p[x * n + y] as number)) p[x * n + y] = strength;
      }
    }
  }
  return p;
}

/**
 * The Schulze ranking: repeatedly take the candidates no remaining candidate beats by strongest
 * paths (p[y][x] > p[x][y]); the relation is transitive, so that set is never empty. Several such
 * candidates are tied at that place: the tiebreak rule orders them when the tie decides a seat,
 * the candidate order otherwise. Winners are the first `seats` of the ranking.
 */
export function countSchulze(d: Float64Array, ctx: CountContext): MethodResult & { paths: Float64Array } {
  const n = ctx.names.length;
  const p = strongestPaths(d, n);
  const remaining = ctx.names.map((_, candidate) => candidate);
  const ranking: number[] = [];
  const seats = ctx.options.seats;
  while (remaining.length > 0) {
    const unbeaten = remaining.filter((x) =>
      remaining.every((y) => (p[y * n + x] as number) <= (p[x * n + y] as number)),
    );
    for (const candidate of unbeaten) remaining.splice(remaining.indexOf(candidate), 1);
    const openSeats = seats - ranking.length;
    if (openSeats > 0 && openSeats < unbeaten.length) {
      for (let k = 0; k < openSeats; k++) {
        const chosen = ctx.tiebreaker.pick({
          tied: unbeaten,
          want: 'highest',
          purpose: 'election',
          round: 1,
        });
        if (chosen === null) {
          return {
            winners: [],
            ranking: [],
            rounds: [],
            outcome: stoppedOnTie(ctx, 1, 'election'),
            paths: p,
          };
        }
        ranking.push(chosen);
        unbeaten.splice(unbeaten.indexOf(chosen), 1);
      }
    }
    ranking.push(...unbeaten);
  }
  return { winners: ranking.slice(0, seats), ranking, rounds: [], outcome: { kind: 'complete' }, paths: p };
}
