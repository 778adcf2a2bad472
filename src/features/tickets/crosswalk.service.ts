import { loadCrosswalk } from '../map/index.ts';
import type { OverlapLookup } from './slate.service.ts';

/** For the slate: the share of a county's area inside a House district (area-based), or null. */
export async function districtOverlap(): Promise<OverlapLookup> {
  const crosswalk = await loadCrosswalk();
  return (placeKey, raceKey) => {
    const [placeKind, county = ''] = placeKey.split(':');
    const [raceKind, district = ''] = raceKey.split(':');
    if (placeKind !== 'county' || raceKind !== 'congressional_district') return null;
    return crosswalk.get(county)?.get(district) ?? null;
  };
}
