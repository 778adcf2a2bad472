import { describe, expect, it } from 'vitest';
import type { Bundle } from './bundle.ts';
import { parseCountyFile, parseCountyFile0816, parseCountyFile2016 } from './county-president.ts';
import { atlasCoverageIssues } from './coverage.ts';

const header2024 =
  'state_name,county_fips,county_name,votes_gop,votes_dem,total_votes,diff,per_gop,per_dem,per_point_diff';

const unitOf = (bundle: Bundle, key: string) => bundle.units.find((u) => u.jurisdiction === key);
const votesOf = (bundle: Bundle, key: string) =>
  Object.fromEntries(bundle.votes.filter((v) => v.jurisdiction === key).map((v) => [v.party, v.votes]));
const issueCodes = (bundle: Bundle) => bundle.issues.map((i) => `${i.resolution} ${i.code} ${i.subject}`);

describe('county files: the 2024 traps', () => {
  const bundle = parseCountyFile(
    [
      header2024,
      'Alabama,01001,Autauga County,20484,7439,28190,13045.0,0.72,0.26,0.46',
      // 02013, 02016 and 02020 are borough FIPS in us-atlas, but house districts in this file.
      'Alaska,02013,State House District 13,3589,3682,7271,-93.0,0.49,0.50,-0.01',
      'Alaska,02020,State House District 20,3041,3924,6965,-883.0,0.43,0.56,-0.12',
      // 11001 is DC's own FIPS, but here it is Ward 1 only.
      'District of Columbia,11001,Ward 1,2056,36882,40463,-34826.0,0.05,0.91,-0.86',
      'District of Columbia,11002,Ward 2,2982,33571,37959,-30589.0,0.07,0.88,-0.80',
      'Connecticut,09110,Capitol Planning Region,181038,285105,474268,-104067.0,0.38,0.60,-0.21',
    ].join('\n'),
    'fixture-2024.csv',
    2024,
  );

  it('joins a plain county by its FIPS', () => {
    expect(unitOf(bundle, 'county:01001')?.totalVotes).toBe(28190);
    expect(votesOf(bundle, 'county:01001')).toEqual({ DEM: 7439, REP: 20484 });
  });

  it('keeps Alaska house districts as their own jurisdictions, never as the borough with the same code', () => {
    expect(unitOf(bundle, 'county:02013')).toBeUndefined();
    expect(unitOf(bundle, 'county:02020')).toBeUndefined();
    expect(votesOf(bundle, 'state_legislative_district:AK-HD-13')).toEqual({ DEM: 3682, REP: 3589 });
    expect(bundle.jurisdictions).toContainEqual(
      expect.objectContaining({ kind: 'state_legislative_district', code: 'AK-HD-20', parent: 'state:02' }),
    );
    expect(issueCodes(bundle)).toContain('kept_separate alaska.house_district 02013');
  });

  it('keeps DC wards apart from DC, nested in it (Ward 1 never becomes DC)', () => {
    expect(unitOf(bundle, 'county:11001')).toBeUndefined();
    expect(votesOf(bundle, 'ward:DC-W1')).toEqual({ DEM: 36882, REP: 2056 });
    expect(bundle.jurisdictions).toContainEqual(
      expect.objectContaining({ kind: 'ward', code: 'DC-W2', parent: 'county:11001' }),
    );
  });

  it('keeps Connecticut planning regions as county-equivalents of their own', () => {
    expect(unitOf(bundle, 'county:09110')?.totalVotes).toBe(474268);
    expect(bundle.jurisdictions).toContainEqual(
      expect.objectContaining({
        kind: 'county',
        code: '09110',
        name: 'Capitol Planning Region',
        parent: 'state:09',
      }),
    );
    expect(issueCodes(bundle)).toContain('kept_separate connecticut.planning_region 09110');
  });

  it('attaches every unit to its state’s presidential race', () => {
    expect(unitOf(bundle, 'ward:DC-W1')?.race).toBe('us-2024-general|us_president|state:11|general');
    expect(bundle.elections).toEqual([
      {
        slug: 'us-2024-general',
        name: 'United States general election 2024',
        country: 'US',
        date: '2024-11-05',
      },
    ]);
  });

  it('lists every us-atlas county it does not join, with the reason', () => {
    const atlas = [
      { id: '01001', name: 'Autauga' },
      { id: '02020', name: 'Anchorage' },
      { id: '09003', name: 'Hartford' },
      { id: '11001', name: 'District of Columbia' },
      { id: '15005', name: 'Kalawao' },
      { id: '72001', name: 'Adjuntas' },
    ];
    const coverage = atlasCoverageIssues(bundle, atlas).map((i) => `${i.resolution} ${i.code} ${i.subject}`);
    expect(coverage).toEqual([
      'unmapped atlas.alaska_borough 02020',
      'unmapped atlas.connecticut_old_county 09003',
      'rolled_up atlas.from_wards 11001',
      'unmapped atlas.reported_elsewhere 15005',
      'unmapped atlas.territory 72001',
    ]);
  });
});

describe('county files: 2020 and 2016', () => {
  it('reads 2020 Alaska codes 029NN as house districts and 11001 as all of DC', () => {
    const bundle = parseCountyFile(
      [
        header2024,
        'Alaska,02901,District 1,3511,3477,7360,34,0.47,0.47,0.0',
        'District of Columbia,11001,District of Columbia,18586,317323,344356,-298737,0.05,0.92,-0.86',
      ].join('\n'),
      'fixture-2020.csv',
      2020,
    );
    expect(votesOf(bundle, 'state_legislative_district:AK-HD-1')).toEqual({ DEM: 3477, REP: 3511 });
    expect(votesOf(bundle, 'county:11001')).toEqual({ DEM: 317323, REP: 18586 });
  });

  it('pads 2016’s integer FIPS, maps renamed counties and counts Alaska’s repeated total once', () => {
    const akRow = (index: number, fips: number) =>
      `${index},93003.0,130413.0,246588.0,0.377,0.528,"37,410",15.17%,AK,Alaska,${fips}`;
    const bundle = parseCountyFile2016(
      [
        ',votes_dem,votes_gop,total_votes,per_dem,per_gop,diff,per_point_diff,state_abbr,county_name,combined_fips',
        akRow(0, 2013),
        akRow(1, 2016),
        akRow(2, 2270),
        '3,4739.0,1581.0,6391.0,0.74,0.24,"3,158",49.41%,AL,Sumter County,1119',
        '4,2504.0,241.0,2896.0,0.86,0.08,"2,263",78.14%,SD,Oglala County,46113',
      ].join('\n'),
      'fixture-2016.csv',
    );
    expect(votesOf(bundle, 'county:01119')).toEqual({ DEM: 4739, REP: 1581 });
    expect(votesOf(bundle, 'county:46102')).toEqual({ DEM: 2504, REP: 241 });
    expect(votesOf(bundle, 'state:02')).toEqual({ DEM: 93003, REP: 130413 });
    expect(bundle.units.filter((u) => u.jurisdiction.includes(':02'))).toHaveLength(1);
    expect(issueCodes(bundle)).toEqual(
      expect.arrayContaining([
        'mapped fips.unpadded 4 rows',
        'mapped county.renamed 46113 → 46102',
        'rolled_up alaska.repeated_statewide_total AK',
      ]),
    );
  });

  it('refuses to sum Alaska 2016 rows that do not repeat one total, and says so', () => {
    const bundle = parseCountyFile2016(
      [
        ',votes_dem,votes_gop,total_votes,per_dem,per_gop,diff,per_point_diff,state_abbr,county_name,combined_fips',
        '0,10.0,20.0,30.0,0,0,"1",1%,AK,Alaska,2013',
        '1,11.0,20.0,31.0,0,0,"1",1%,AK,Alaska,2016',
      ].join('\n'),
      'fixture-2016.csv',
    );
    expect(bundle.units).toHaveLength(0);
    expect(issueCodes(bundle)).toEqual([
      'mapped fips.unpadded 2 rows',
      'unmapped alaska.rows_differ 02013',
      'unmapped alaska.rows_differ 02016',
    ]);
  });

  it('reads 2008 and 2012 from the 08-16 file with its column for the others, and lists bad rows', () => {
    const bundle = parseCountyFile0816(
      [
        'fips_code,county,total_2008,dem_2008,gop_2008,oth_2008,total_2012,dem_2012,gop_2012,oth_2012,total_2016,dem_2016,gop_2016,oth_2016',
        '46113,Shannon County,3350,2971,331,48,3130,2922,188,20,2896,2504,241,151',
        '26041,Delta County,19064,9974,8763,327,18043,8330,x,180,18467,6431,11112,924',
      ].join('\n'),
      'fixture-0816.csv',
    );
    expect(bundle.resultSets.map((s) => s.slug)).toEqual([
      'us-president-2008-county',
      'us-president-2012-county',
    ]);
    expect(
      bundle.votes.filter((v) => v.set === 'us-president-2008-county' && v.jurisdiction === 'county:46102'),
    ).toEqual(expect.arrayContaining([expect.objectContaining({ party: 'OTH', votes: 48 })]));
    expect(issueCodes(bundle)).toContain('unmapped county.invalid_row 26041');
    expect(bundle.units.filter((u) => u.set === 'us-president-2008-county')).toHaveLength(2);
    expect(bundle.units.filter((u) => u.set === 'us-president-2012-county')).toHaveLength(1);
  });
});
