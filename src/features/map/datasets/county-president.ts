import type { Bundle, JurisdictionKey } from './bundle.ts';
import { BundleBuilder } from './bundle-builder.ts';
import {
  alaskaHouseDistrict,
  classifyCountyRow,
  countyKey,
  ctPlanningRegion,
  dcWard,
} from './county-crosswalk.ts';
import { type CsvRow, parseCount, readCsv } from './csv.ts';
import { presidentialRace, presidentialResultSet, usGeneralElection } from './us-elections.ts';
import { stateByFips } from './us-states.ts';

/** One reporting unit of a county file, with the FIPS already padded to 5 characters. */
export interface CountyRow {
  row: number;
  fips: string;
  name: string;
  dem: number;
  rep: number;
  total: number;
  /** Only the 2008–2016 file has a column for the others; elsewhere they are total − D − R. */
  other: number | null;
}

const source = 'tonmcg';

/** `2024_…csv` and `2020_…csv`: one row per county-equivalent, FIPS zero-padded. */
export function parseCountyFile(text: string, file: string, year: number): Bundle {
  const table = readCsv(text, {
    file,
    required: ['state_name', 'county_fips', 'county_name', 'votes_gop', 'votes_dem', 'total_votes'],
  });
  const b = new BundleBuilder();
  const rows = table.rows.flatMap((row) =>
    countyRow(b, row, {
      fips: row.values.county_fips ?? '',
      name: row.values.county_name ?? '',
      dem: row.values.votes_dem ?? '',
      rep: row.values.votes_gop ?? '',
      total: row.values.total_votes ?? '',
    }),
  );
  addCountySet(b, year, rows);
  return b.build();
}

/**
 * `2016_…csv`: FIPS written as integers (`1001`, `2013`), votes as floats (`93003.0`), and each of
 * Alaska's 29 rows repeating the statewide total.
 */
export function parseCountyFile2016(text: string, file: string): Bundle {
  const table = readCsv(text, {
    file,
    required: ['votes_dem', 'votes_gop', 'total_votes', 'state_abbr', 'county_name', 'combined_fips'],
  });
  const b = new BundleBuilder();
  let padded = 0;
  const rows = table.rows.flatMap((row) => {
    const raw = row.values.combined_fips ?? '';
    if (/^\d{1,4}$/.test(raw)) padded += 1;
    return countyRow(b, row, {
      fips: /^\d{1,5}$/.test(raw) ? raw.padStart(5, '0') : raw,
      name: row.values.county_name ?? '',
      dem: row.values.votes_dem ?? '',
      rep: row.values.votes_gop ?? '',
      total: row.values.total_votes ?? '',
    });
  });
  if (padded > 0) {
    b.issue({
      code: 'fips.unpadded',
      resolution: 'mapped',
      subject: `${padded} rows`,
      row: null,
      message: 'combined_fips is written without its leading zero (2013 for 02013): padded to 5 digits',
    });
  }
  const alaska = rows.filter((r) => r.fips.startsWith('02'));
  addAlaskaStatewideOnce(b, alaska);
  addCountySet(
    b,
    2016,
    rows.filter((r) => !r.fips.startsWith('02')),
  );
  return b.build();
}

/**
 * `US_County_Level_Presidential_Results_08-16.csv`: 2008 and 2012 (no Alaska rows at all). Its
 * 2016 columns are not loaded: the 2016 file, which has Alaska, is the 2016 county set.
 */
export function parseCountyFile0816(text: string, file: string): Bundle {
  const years = [2008, 2012] as const;
  const table = readCsv(text, {
    file,
    required: ['fips_code', 'county', ...years.flatMap((y) => [`total_${y}`, `dem_${y}`, `gop_${y}`])],
  });
  const b = new BundleBuilder();
  for (const year of years) {
    const rows = table.rows.flatMap((row) =>
      countyRow(b, row, {
        fips: row.values.fips_code ?? '',
        name: row.values.county ?? '',
        dem: row.values[`dem_${year}`] ?? '',
        rep: row.values[`gop_${year}`] ?? '',
        total: row.values[`total_${year}`] ?? '',
        other: row.values[`oth_${year}`] ?? '',
      }),
    );
    addCountySet(b, year, rows);
  }
  b.issue({
    code: 'county.superseded_columns',
    resolution: 'noted',
    subject: 'total_2016, dem_2016, gop_2016, oth_2016',
    row: null,
    message: 'the 2016 columns are not loaded: the 2016 county file (which has Alaska) is the 2016 set',
  });
  b.issue({
    code: 'alaska.not_reported',
    resolution: 'unmapped',
    subject: 'AK',
    row: null,
    message: 'this file has no Alaska rows: the 2008 and 2012 county sets have no Alaska result',
  });
  return b.build();
}

function countyRow(
  b: BundleBuilder,
  row: CsvRow,
  cells: { fips: string; name: string; dem: string; rep: string; total: string; other?: string },
): CountyRow[] {
  const dem = parseCount(cells.dem);
  const rep = parseCount(cells.rep);
  const total = parseCount(cells.total);
  const other = cells.other === undefined ? null : parseCount(cells.other);
  const problem = !/^\d{5}$/.test(cells.fips)
    ? `county FIPS "${cells.fips}" is not 5 digits`
    : dem === null || rep === null || total === null || (cells.other !== undefined && other === null)
      ? 'a vote count is not a whole number'
      : null;
  if (problem || dem === null || rep === null || total === null) {
    b.issue({
      code: 'county.invalid_row',
      resolution: 'unmapped',
      subject: cells.fips || '(no FIPS)',
      row: row.row,
      message: problem ?? 'invalid row',
    });
    return [];
  }
  return [{ row: row.row, fips: cells.fips, name: cells.name, dem, rep, total, other }];
}

/** 2016: Alaska's borough rows all repeat the statewide total; count it once, for the state. */
function addAlaskaStatewideOnce(b: BundleBuilder, rows: CountyRow[]): void {
  const [first] = rows;
  if (!first) return;
  const identical = rows.every((r) => r.dem === first.dem && r.rep === first.rep && r.total === first.total);
  if (!identical) {
    for (const r of rows) {
      b.issue({
        code: 'alaska.rows_differ',
        resolution: 'unmapped',
        subject: r.fips,
        row: r.row,
        message: 'Alaska rows were expected to repeat the statewide total but differ: not loaded',
      });
    }
    return;
  }
  const set = b.resultSet(presidentialResultSet(2016, 'county', source));
  b.election(usGeneralElection(2016));
  const race = b.race(presidentialRace(2016, '02'));
  b.unit({
    set,
    jurisdiction: 'state:02',
    race,
    totalVotes: first.total,
    invalidVotes: null,
    registered: null,
    publishedLean: null,
  });
  addVotes(b, set, 'state:02', first);
  b.issue({
    code: 'alaska.repeated_statewide_total',
    resolution: 'rolled_up',
    subject: 'AK',
    row: first.row,
    message: `${rows.length} borough rows each repeat the statewide total (D ${first.dem}, R ${first.rep}): loaded once, as Alaska statewide`,
  });
}

function addCountySet(b: BundleBuilder, year: number, rows: CountyRow[]): void {
  const set = b.resultSet(presidentialResultSet(year, 'county', source));
  b.election(usGeneralElection(year));
  noteMissingOthers(b, rows);
  for (const r of rows) {
    const stateFips = r.fips.slice(0, 2);
    const state = stateByFips(stateFips);
    if (!state || state.territory) {
      b.issue({
        code: 'county.unknown_state',
        resolution: 'unmapped',
        subject: r.fips,
        row: r.row,
        message: `no state with FIPS ${stateFips}`,
      });
      continue;
    }
    const race = b.race(presidentialRace(year, stateFips));
    const target = classifyCountyRow({ year, fips: r.fips, name: r.name });
    let key = countyKey(r.fips);
    if (target.type === 'county') {
      key = countyKey(target.fips);
      if (target.renamedFrom) {
        b.issue({
          code: 'county.renamed',
          resolution: 'mapped',
          subject: `${target.renamedFrom} → ${target.fips}`,
          row: r.row,
          message: `"${r.name}" (${target.renamedFrom}) is joined to its current code ${target.fips}`,
        });
      }
    } else if (target.type === 'ct_planning_region') {
      key = b.jurisdiction(ctPlanningRegion(target.fips, target.name));
      b.issue({
        code: 'connecticut.planning_region',
        resolution: 'kept_separate',
        subject: target.fips,
        row: r.row,
        message: `${target.name}: a county-equivalent since 2022 with no us-atlas shape (us-atlas draws the 8 old counties, which fall back to the statewide result)`,
      });
    } else if (target.type === 'alaska_house_district') {
      key = b.jurisdiction(alaskaHouseDistrict(target.district));
      b.issue({
        code: 'alaska.house_district',
        resolution: 'kept_separate',
        subject: r.fips,
        row: r.row,
        message: `"${r.name}" is State House district ${target.district}, not a borough: kept as AK-HD-${target.district}; boroughs fall back to the statewide result${target.codeMatches ? '' : ' (its code does not follow the file\u2019s usual pattern)'}`,
      });
    } else {
      key = b.jurisdiction(dcWard(target.ward));
      b.issue({
        code: 'dc.ward',
        resolution: 'rolled_up',
        subject: r.fips,
        row: r.row,
        message: `"${r.name}" is DC Ward ${target.ward} (its code ${r.fips} is not DC's county FIPS here): kept as DC-W${target.ward} and summed into DC (11001) on the map`,
      });
    }
    const added = b.unit({
      set,
      jurisdiction: key,
      race,
      totalVotes: r.total,
      invalidVotes: null,
      registered: null,
      publishedLean: null,
    });
    if (!added) {
      b.issue({
        code: 'county.duplicate',
        resolution: 'unmapped',
        subject: r.fips,
        row: r.row,
        message: `a second row for ${key}: not loaded`,
      });
      continue;
    }
    addVotes(b, set, key, r);
    if (r.dem + r.rep + (r.other ?? 0) > r.total) {
      b.issue({
        code: 'county.total_below_sum',
        resolution: 'noted',
        subject: r.fips,
        row: r.row,
        message: `total_votes ${r.total} is below the sum of the party columns`,
      });
    }
  }
}

/**
 * Where total_votes is exactly D + R the file carries no other votes (2024: all of Alaska and New
 * York): third-party share reads 0 there, which understates it. One note per state when every row
 * of the state is like that, else one per row.
 */
function noteMissingOthers(b: BundleBuilder, rows: readonly CountyRow[]): void {
  const byState = new Map<string, CountyRow[]>();
  for (const r of rows) byState.set(r.fips.slice(0, 2), [...(byState.get(r.fips.slice(0, 2)) ?? []), r]);
  for (const [state, stateRows] of byState) {
    const bare = stateRows.filter((r) => r.other === null && r.total === r.dem + r.rep && r.total > 0);
    if (bare.length === 0) continue;
    const whole = bare.length === stateRows.length;
    for (const r of whole ? bare.slice(0, 1) : bare) {
      b.issue({
        code: 'county.no_other_votes',
        resolution: 'noted',
        subject: whole ? `${stateByFips(state)?.usps ?? state} (${bare.length} rows)` : r.fips,
        row: whole ? null : r.row,
        message:
          'total_votes is exactly D + R: the file reports no other votes here, so the third-party share reads 0',
      });
    }
  }
}

function addVotes(b: BundleBuilder, set: string, jurisdiction: JurisdictionKey, r: CountyRow) {
  const base = { set, jurisdiction, candidate: '', outcome: null };
  b.vote({ ...base, line: 'DEMOCRAT', party: 'DEM', votes: r.dem }, r.row);
  b.vote({ ...base, line: 'REPUBLICAN', party: 'REP', votes: r.rep }, r.row);
  if (r.other !== null) b.vote({ ...base, line: 'OTHER', party: 'OTH', votes: r.other }, r.row);
}
