import { type JurisdictionKey, type JurisdictionSpec, jurisdictionKey } from './bundle.ts';

/**
 * The explicit crosswalk from the county files' reporting units to Concord's jurisdictions.
 * Every rule names the trap it handles (see data/SOURCES.md and docs/map.md); a row that no rule
 * claims is a plain county, joined by its 5-digit FIPS code.
 */

/** Counties renamed (and renumbered) by the Census Bureau; older files still use the old code. */
export const renamedCounties: Record<string, { to: string; note: string }> = {
  // Shannon County, SD became Oglala Lakota County in 2015 (FIPS 46113 → 46102).
  '46113': { to: '46102', note: 'Shannon/Oglala County, SD renamed Oglala Lakota County (2015)' },
  // Wade Hampton Census Area, AK became Kusilvak Census Area in 2015 (FIPS 02270 → 02158).
  '02270': { to: '02158', note: 'Wade Hampton Census Area, AK renamed Kusilvak (2015)' },
};

/**
 * Connecticut's nine planning regions, the Census county-equivalents since 2022 (the 2024 file
 * reports them). They do not nest in the eight old counties that us-atlas draws, so they are kept
 * as their own county-equivalents and the old counties fall back to the statewide result.
 */
export const connecticutPlanningRegions: Record<string, string> = {
  '09110': 'Capitol Planning Region',
  '09120': 'Greater Bridgeport Planning Region',
  '09130': 'Lower Connecticut River Valley Planning Region',
  '09140': 'Naugatuck Valley Planning Region',
  '09150': 'Northeastern Connecticut Planning Region',
  '09160': 'Northwest Hills Planning Region',
  '09170': 'South Central Connecticut Planning Region',
  '09180': 'Southeastern Connecticut Planning Region',
  '09190': 'Western Connecticut Planning Region',
};

/** Counties that no county file reports on its own, and why (listed by `concord data check`). */
export const countiesNeverReported: Record<string, string> = {
  // Kalawao County, HI has no polling place of its own: its few voters vote in Maui County (15009).
  '15005': 'Kalawao County votes are reported with Maui County (15009)',
};

export type CountyTarget =
  /** A county or county-equivalent joined by FIPS (possibly after a rename). */
  | { type: 'county'; fips: string; renamedFrom: string | null }
  /** A Connecticut planning region (2024): its own county-equivalent, no us-atlas shape. */
  | { type: 'ct_planning_region'; fips: string; name: string }
  /** An Alaska State House district (2020 codes 029NN, 2024 codes 020NN). */
  | { type: 'alaska_house_district'; district: number; codeMatches: boolean }
  /** A District of Columbia ward (2024): its code collides with DC's own FIPS 11001. */
  | { type: 'dc_ward'; ward: number };

/**
 * Where one row of a county file belongs. Alaska and DC are recognized by the unit's name, never
 * by its code alone: `02013`, `02016` and `02020` are Alaska house districts in 2024 and boroughs
 * in us-atlas, and `11001` is Ward 1 in 2024 but all of DC in every other file.
 */
export function classifyCountyRow(input: { year: number; fips: string; name: string }): CountyTarget {
  const { year, fips, name } = input;
  const state = fips.slice(0, 2);
  if (state === '02' && year >= 2020) {
    const district = /District (\d+)$/.exec(name);
    if (district?.[1]) {
      const n = Number(district[1]);
      const expected = `02${String((year === 2020 ? 900 : 0) + n).padStart(3, '0')}`;
      return { type: 'alaska_house_district', district: n, codeMatches: expected === fips };
    }
  }
  if (state === '11') {
    const ward = /^Ward (\d)$/.exec(name);
    if (ward?.[1]) return { type: 'dc_ward', ward: Number(ward[1]) };
  }
  const region = connecticutPlanningRegions[fips];
  if (region) return { type: 'ct_planning_region', fips, name: region };
  const renamed = renamedCounties[fips];
  if (renamed) return { type: 'county', fips: renamed.to, renamedFrom: fips };
  return { type: 'county', fips, renamedFrom: null };
}

export const alaskaHouseDistrict = (district: number): JurisdictionSpec => ({
  kind: 'state_legislative_district',
  code: `AK-HD-${district}`,
  name: `Alaska State House District ${district}`,
  parent: jurisdictionKey('state', '02'),
  country: 'US',
  abbr: null,
});

export const dcWard = (ward: number): JurisdictionSpec => ({
  kind: 'ward',
  code: `DC-W${ward}`,
  name: `Ward ${ward}`,
  // Wards nest exactly in DC, so the map sums them back into DC's county-equivalent (11001).
  parent: jurisdictionKey('county', '11001'),
  country: 'US',
  abbr: null,
});

export const ctPlanningRegion = (fips: string, name: string): JurisdictionSpec => ({
  kind: 'county',
  code: fips,
  name,
  parent: jurisdictionKey('state', '09'),
  country: 'US',
  abbr: null,
});

export const countyKey = (fips: string): JurisdictionKey => jurisdictionKey('county', fips);
