import type { RaceValues } from './transfer.ts';

export const tierNames = ['safe', 'contested', 'difficult'] as const;
export type TierName = (typeof tierNames)[number];

/**
 * A race's tier comes from the best margin any member could reach there under the pact: safe
 * above +tierMargin, difficult below −tierMargin, contested between. Returns 0, 1 or 2 per race.
 */
export function classifyTiers(values: RaceValues, raceCount: number, tierMargin: number): Int8Array {
  const n = values.memberCount;
  const tiers = new Int8Array(raceCount);
  for (let race = 0; race < raceCount; race += 1) {
    let best = Number.NEGATIVE_INFINITY;
    for (let member = 0; member < n; member += 1)
      best = Math.max(best, values.margin[race * n + member] ?? 0);
    tiers[race] = best > tierMargin ? 0 : best < -tierMargin ? 2 : 1;
  }
  return tiers;
}
