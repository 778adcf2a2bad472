import { createHash } from 'node:crypto';
import { crosswalkElection, latestDistricts } from './crosswalk.ts';
import { stateByUsps } from './datasets/us-states.ts';

/**
 * The shipped House district shapes (data/us-congress-districts, the latest map per state: the 2020
 * election's lines, North Carolina's 2018) as a GeoJSON FeatureCollection, one feature per district
 * with the pacts' race key as its id (`MI-12`, at-large seats `WY-AL`). Single-seat states have no
 * district file: their seat is the state (drawn from the states' shapes).
 */
export interface DistrictShapes {
  etag: string;
  body: string;
}

const built = new Map<string, DistrictShapes>();

export async function usDistrictShapes(state: string | undefined): Promise<DistrictShapes> {
  const key = state?.toUpperCase() ?? '';
  const cached = built.get(key);
  if (cached) return cached;
  const districts = (await latestDistricts()).filter((d) => key === '' || d.state === key);
  const collection = {
    type: 'FeatureCollection' as const,
    features: districts.map((d) => ({
      type: 'Feature' as const,
      id: `${d.state}-${d.district}`,
      properties: {
        name: `${stateByUsps(d.state)?.name ?? d.state} district ${d.district}`,
        state: d.state,
        district: d.district,
        election: crosswalkElection(d.state),
      },
      geometry: d.geometry,
    })),
  };
  const body = JSON.stringify(collection);
  const shapes = { etag: `"${createHash('sha1').update(body).digest('base64url')}"`, body };
  built.set(key, shapes);
  return shapes;
}
