import { normalCdf } from '../normal.ts';
/** z for a two-sided 95% interval (the 97.5th percentile of the standard normal). */
export const z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3). Chosen
 * over the Wald interval because it stays inside [0, 1] and keeps its coverage with the small
 * samples a single circulator's packets give.
 */
export function wilsonInterval(successes: number, trials: number, z = z95): Interval {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new RangeError(`wilsonInterval: need 0 ≤ successes ≤ trials, got ${successes}/${trials}`);
  }
  if (trials === 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** P(X ≥ threshold) for X ~ Normal(mean, sd); a point mass when sd is 0. */
export function probabilityAtLeast(mean: number, sd: number, threshold: number): number {
  if (sd <= 0) return mean >= threshold ? 1 : 0;
  return 1 - normalCdf((threshold - mean) / sd);
}
