import type { RankedParts, Split } from '../../api/types.ts';
import { permille } from '../../components/labels.ts';

/** "Yes", or "70% yes, 30% no" for a split ballot. */
export function describeSplit(split: Split): string {
  const parts = (['yes', 'no', 'abstain'] as const).filter((k) => split[k] > 0);
  if (parts.length === 1 && parts[0]) return parts[0].charAt(0).toUpperCase() + parts[0].slice(1);
  return parts.map((k) => `${permille(split[k])} ${k}`).join(', ');
}

/** "A > B > C", or "70%: A > B; 30%: B > A" for a delegation that split its rankings. */
export function describeRanking(parts: RankedParts): string {
  const one = (ranking: readonly string[]) =>
    ranking.length > 0 ? ranking.join(' > ') : 'blank (no option ranked)';
  const [only] = parts;
  if (parts.length === 1 && only) return one(only.ranking);
  return parts.map((p) => `${permille(p.share)}: ${one(p.ranking)}`).join('; ');
}

/** Any ballot as the API shows it: a split for yes/no methods, parts for ranked ones. */
export function describeBallot(ballot: { split: Split | null; parts?: RankedParts | null }): string {
  if (ballot.split) return describeSplit(ballot.split);
  return ballot.parts ? describeRanking(ballot.parts) : 'Cast';
}
