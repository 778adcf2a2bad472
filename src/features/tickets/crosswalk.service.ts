import type { OverlapLookup } from './slate.service.ts';

/** Placeholder until the district crosswalk ships: no county ↔ district overlaps are known. */
export async function districtOverlap(): Promise<OverlapLookup> {
  return () => null;
}
