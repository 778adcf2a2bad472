import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { areaShares, ringsOf, ScanShape } from '../../core/geo/area-share.ts';
import { type CrosswalkRow, readShippedCrosswalk } from './crosswalk-file.ts';
import { dataDir } from './datasets/dataset-files.ts';
import { readAtlas, usAtlasVersion } from './datasets/us-atlas.ts';
import { usStates } from './datasets/us-states.ts';

export type { CrosswalkRow } from './crosswalk-file.ts';

/**
 * An AREA-BASED county ↔ House district crosswalk: for each county, the share of its area inside
 * each congressional district, from the shipped district shapes (data/us-congress-districts, ACLU,
 * from Census TIGER/Line) and us-atlas counties. Area, not population: a county whose people live
 * in one corner shows the corner's share of land, not of voters. The map is the latest one shipped
 * per state (116th Congress: elections 2018 and 2020, except North Carolina's 2020 districts, which
 * are not in the data).
 *
 * The server never computes it: it reads the result shipped in data/us-house-county-crosswalk
 * (crosswalk-file.ts), which `npm run data:crosswalk` writes from `computeCrosswalk` and
 * `crosswalk.test.ts` checks against it.
 */
export const crosswalkLabel =
  'area-based (share of the county’s area), 116th Congress districts: elections 2018 and 2020 (not North Carolina 2020)';

type Area = Polygon | MultiPolygon;

const districtsRoot = `${dataDir}us-congress-districts/data/`;

/** The district files of each state's latest map: the highest first congress in the file names. */
export async function latestDistricts(): Promise<
  { state: string; district: number; firstCongress: number; geometry: Area }[]
> {
  const root = districtsRoot;
  const out: { state: string; district: number; firstCongress: number; geometry: Area }[] = [];
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
        firstCongress: latest,
        geometry: parsed.geometry,
      });
    }
  }
  return out;
}

/** The files `computeCrosswalk` may read, by name: every district file (the latest are picked among them) and the counties. */
export async function crosswalkInputs(): Promise<{ name: string; text: string }[]> {
  const inputs: { name: string; text: string }[] = [];
  for (const state of (await readdir(districtsRoot)).sort())
    for (const file of (await readdir(`${districtsRoot}${state}`)).sort())
      inputs.push({
        name: `us-congress-districts/data/${state}/${file}`,
        text: await readFile(`${districtsRoot}${state}/${file}`, 'utf8'),
      });
  inputs.push({
    name: `us-atlas@${usAtlasVersion}/counties-10m.json`,
    text: (await readAtlas('counties-10m')).text,
  });
  return inputs;
}

/** sha256 over the inputs' names and contents: the shipped file records it, the test compares. */
export async function crosswalkInputsHash(): Promise<{ sha256: string; files: number; describe: string }> {
  const hash = createHash('sha256');
  const inputs = await crosswalkInputs();
  for (const { name, text } of inputs) hash.update(name).update('\u0000').update(text).update('\u0000');
  return {
    sha256: hash.digest('hex'),
    files: inputs.length,
    describe: `every file of data/us-congress-districts/data by path, then us-atlas@${usAtlasVersion}/counties-10m.json; each as its name, NUL, its bytes, NUL`,
  };
}

/** A congress's first election year: the 113th was elected in 2012. */
const electionOfCongress = (congress: number) => 1786 + 2 * congress;

/** USPS → the first election held on the state's latest shipped map; null where the seat is the whole state. */
export async function mapFirstElection(): Promise<Record<string, number | null>> {
  const out: Record<string, number | null> = {};
  for (const s of usStates) if (!s.territory) out[s.usps] = null;
  for (const d of await latestDistricts()) out[d.state] = electionOfCongress(d.firstCongress);
  return out;
}

export async function computeCrosswalk(): Promise<CrosswalkRow[]> {
  const { topology } = await readAtlas('counties-10m');
  const counties: ScanShape[] = [];
  const countyFeatures = topology.objects.counties
    ? feature(topology, topology.objects.counties).features
    : [];
  for (const f of countyFeatures) {
    if (
      typeof f.id === 'string' &&
      f.geometry &&
      (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')
    )
      counties.push(new ScanShape(f.id, ringsOf(f.geometry)));
  }
  const uspsOf = new Map(usStates.map((s) => [s.fips, s.usps]));
  const byState = new Map<string, ScanShape[]>();
  for (const d of await latestDistricts()) {
    const shape = new ScanShape(`${d.state}-${d.district}`, ringsOf(d.geometry));
    byState.set(d.state, [...(byState.get(d.state) ?? []), shape]);
  }
  const rows: CrosswalkRow[] = [];
  // ~1 s of CPU in all: run by scripts/data-crosswalk.ts and the test, never by a server.
  for (const county of counties) {
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

let cached: Map<string, Map<string, number>> | null = null;

/**
 * county FIPS → district code → share, read from the shipped file once per process on first use
 * (synchronously, ~15–30 ms once: the 94 KB file, parsed and checked by its schema). Async so
 * that callers need not change if it is ever read otherwise.
 */
export async function loadCrosswalk(): Promise<Map<string, Map<string, number>>> {
  if (!cached) {
    const byCounty = new Map<string, Map<string, number>>();
    for (const [county, districts] of Object.entries(readShippedCrosswalk().counties))
      byCounty.set(county, new Map(districts));
    cached = byCounty;
  }
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
