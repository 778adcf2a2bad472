import type { Split } from '../../api/types.ts';
import { permille } from '../../components/labels.ts';

/** "Yes", or "70% yes, 30% no" for a split ballot. */
export function describeSplit(split: Split): string {
  const parts = (['yes', 'no', 'abstain'] as const).filter((k) => split[k] > 0);
  if (parts.length === 1 && parts[0]) return parts[0].charAt(0).toUpperCase() + parts[0].slice(1);
  return parts.map((k) => `${permille(split[k])} ${k}`).join(', ');
}
