import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stateByName, stateByUsps } from '../../map/index.ts';

/**
 * County names (as CRM exports write them: "Wayne", "Wayne County", "St. Clair") to FIPS codes,
 * from the us-atlas county list the map already draws (so a supporter's county joins the map).
 */
let byStateAndName: Map<string, string> | null = null;

const simplify = (name: string) =>
  name
    .toLowerCase()
    .replace(/\b(county|parish|borough|census area|city and borough|municipality)\b/g, '')
    .replace(/\bsaint\b/g, 'st')
    .replace(/[^a-z0-9]/g, '');

function table(): Map<string, string> {
  if (byStateAndName) return byStateAndName;
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('us-atlas/counties-10m.json'), 'utf8')) as {
    objects: { counties: { geometries: { id: string; properties: { name: string } }[] } };
  };
  byStateAndName = new Map();
  for (const county of topology.objects.counties.geometries) {
    byStateAndName.set(`${county.id.slice(0, 2)}:${simplify(county.properties.name)}`, county.id);
  }
  return byStateAndName;
}

export type CountyResult = { fips: string | null } | { problem: string };

/** A 5-digit FIPS passes through; a name needs the state (USPS code or name). Blank is no county. */
export function resolveCounty(county: string, state: string): CountyResult {
  const value = county.trim();
  if (value === '') return { fips: null };
  if (/^\d{5}$/.test(value)) return { fips: value };
  const stateRow = stateByUsps(state.trim()) ?? stateByName(state.trim());
  if (!stateRow)
    return { problem: `county "${value}" needs a known state to find its FIPS code (state is "${state}")` };
  const fips = table().get(`${stateRow.fips}:${simplify(value)}`);
  return fips ? { fips } : { problem: `no county "${value}" in ${stateRow.name}` };
}
