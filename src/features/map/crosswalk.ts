import { readdir, readFile } from 'node:fs/promises';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { areaShares, ringsOf, ScanShape } from '../../core/geo/area-share.ts';
import { dataDir } from './datasets/dataset-files.ts';
import { readAtlas } from './datasets/us-atlas.ts';
import { usStates } from './datasets/us-states.ts';

/**
 * An AREA-BASED county ↔ House district crosswalk: for each county, the share of its area inside
 * each congressional district, from the shipped district shapes (data/us-congress-districts, ACLU,
 * from Census TIGER/Line) and us-atlas counties. Area, not population: a county whose people live
 * in one corner shows the corner's share of land, not of voters. The map is the latest one shipped
 * per state (116th Congress: elections 2018 and 2020, except North Carolina's 2020 districts, which
 * are not in the data).
 */
export const crosswalkLabel =
  'area-based (share of the county’s area), 116th Congress districts: elections 2018 and 2020 (not North Carolina 2020)';

export interface CrosswalkRow {
  county: string;
  /** Map code of the district: `MI-13`, at-large seats `WY-AL`. */
  district: string;
  share: number;
}

type Area = Polygon | MultiPolygon;

/** The district files of each state's latest map: the highest first congress in the file names. */
export async function latestDistricts(): Promise<{ state: string; district: number; geometry: Area }[]> {
  const root = `${dataDir}us-congress-districts/data/`;
  const out: { state: string; district: number; geometry: Area }[] = [];
  for (const state of (await readdir(root)).sort()) {
    const files = (await readdir(`${root}${state}`)).filter((f) => f.endsWith('.display.geojson'));
    const first = (f: string) => Number(/_(\d+)_to_\d+_\d+\.display/.exec(f)?.[1] ?? 0);
    const latest = Math.max(...files.map(first));
    for (const file of files.filter((f) => first(f) === latest)) {
      const parsed = JSON.parse(await readFile(`${root}${state}/${file}`, 'utf8')) as Feature<
        Area,
        { district: number }
      >;
      out.push({
        state: state.toUpperCase(),
        district: Number(parsed.properties.district),
        geometry: parsed.geometry,
      });
    }
  }
  return out;
}

/** Lets a server answer the requests waiting while the crosswalk is computed in the background. */
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

export async function computeCrosswalk(): Promise<CrosswalkRow[]> {
  const { topology } = await readAtlas('counties-10m');
  const counties: ScanShape[] = [];
  const countyFeatures = topology.objects.counties
    ? feature(topology, topology.objects.counties).features
    : [];
  for (const [index, f] of countyFeatures.entries()) {
    // Building the scan shapes of every county at once blocks the event loop for ~130 ms.
    if (index % 25 === 24) await yieldToEventLoop();
    if (
      typeof f.id === 'string' &&
      f.geometry &&
      (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')
    )
      counties.push(new ScanShape(f.id, ringsOf(f.geometry)));
  }
  const uspsOf = new Map(usStates.map((s) => [s.fips, s.usps]));
  const byState = new Map<string, ScanShape[]>();
  for (const [index, d] of (await latestDistricts()).entries()) {
    if (index % 5 === 4) await yieldToEventLoop();
    const shape = new ScanShape(`${d.state}-${d.district}`, ringsOf(d.geometry));
    byState.set(d.state, [...(byState.get(d.state) ?? []), shape]);
  }
  const rows: CrosswalkRow[] = [];
  for (const [index, county] of counties.entries()) {
    // ~1 s of CPU in all: let the server answer requests in between (it computes this in the background).
    if (index % 25 === 24) await yieldToEventLoop();
    const usps = uspsOf.get(county.id.slice(0, 2));
    if (!usps) continue;
    const districts = byState.get(usps);
    // A single-seat state has no district file: its one seat is the whole state.
    if (!districts) {
      rows.push({ county: county.id, district: `${usps}-AL`, share: 1 });
      continue;
    }
    for (const [district, share] of areaShares(county, districts)) {
      // Slivers from display-simplified borders are not overlaps.
      if (share >= 0.01) rows.push({ county: county.id, district, share });
    }
  }
  return rows;
}

let cached: Promise<Map<string, Map<string, number>>> | null = null;

/** county FIPS → district code → share, computed once per process on first use. */
export function loadCrosswalk(): Promise<Map<string, Map<string, number>>> {
  cached ??= computeCrosswalk().then((rows) => {
    const byCounty = new Map<string, Map<string, number>>();
    for (const r of rows)
      byCounty.set(r.county, (byCounty.get(r.county) ?? new Map()).set(r.district, r.share));
    return byCounty;
  });
  return cached;
}

/** The House districts of a county (area-based), the largest share first; empty outside the data. */
export async function countyDistricts(countyFips: string): Promise<{ district: string; share: number }[]> {
  const districts = (await loadCrosswalk()).get(countyFips) ?? new Map<string, number>();
  return [...districts.entries()]
    .map(([district, share]) => ({ district, share }))
    .sort((a, b) => b.share - a.share || a.district.localeCompare(b.district, 'en', { numeric: true }));
}

/** The House election whose districts the crosswalk's map is: 2020 everywhere but North Carolina (2018). */
export const crosswalkElection = (usps: string): number => (usps === 'NC' ? 2018 : 2020);
