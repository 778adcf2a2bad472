import { describe, expect, it } from 'vitest';
import type { Bundle } from './bundle.ts';
import { parseHouseFile } from './house-district.ts';
import { parseStatePresident1976, parseStatePresident2024 } from './state-president.ts';

const linesOf = (bundle: Bundle, jurisdiction: string, set?: string) =>
  bundle.votes
    .filter((v) => v.jurisdiction === jurisdiction && (!set || v.set === set))
    .map((v) => `${v.candidate} | ${v.line} | ${v.party} | ${v.votes}`);
const byParty = (bundle: Bundle, jurisdiction: string, set?: string) => {
  const sums: Record<string, number> = {};
  for (const v of bundle.votes) {
    if (v.jurisdiction !== jurisdiction || (set && v.set !== set)) continue;
    sums[v.party] = (sums[v.party] ?? 0) + v.votes;
  }
  return sums;
};

describe('MEDSL president 1976–2020', () => {
  const header =
    'year,state,state_po,state_fips,state_cen,state_ic,office,candidate,party_detailed,writein,candidatevotes,totalvotes,version,notes,party_simplified';
  const bundle = parseStatePresident1976(
    [
      header,
      '1976,NEW YORK,NY,36,21,13,US PRESIDENT,"CARTER, JIMMY",DEMOCRAT,FALSE,3244165,6534170,20210113,NA,DEMOCRAT',
      '1976,NEW YORK,NY,36,21,13,US PRESIDENT,"CARTER, JIMMY",LIBERAL PARTY,FALSE,145393,6534170,20210113,NA,OTHER',
      '1976,NEW YORK,NY,36,21,13,US PRESIDENT,"FORD, GERALD",REPUBLICAN,FALSE,2825913,6534170,20210113,NA,REPUBLICAN',
      '1976,NEW YORK,NY,36,21,13,US PRESIDENT,"FORD, GERALD",CONSERVATIVE,FALSE,274878,6534170,20210113,NA,OTHER',
      '1976,NEW YORK,NY,36,21,13,US PRESIDENT,,,TRUE,43821,6534170,20210113,NA,OTHER',
      '2000,NEVADA,NV,32,88,65,US PRESIDENT,OVER VOTE,,FALSE,300,609000,20210113,NA,OTHER',
      '2000,NEVADA,NV,32,88,65,US PRESIDENT,"GORE, AL",DEMOCRAT,FALSE,279978,609000,20210113,NA,DEMOCRAT',
      '2000,NEVADA,NV,32,88,65,US PRESIDENT,"BUSH, GEORGE W.",REPUBLICAN,FALSE,301575,609000,20210113,NA,REPUBLICAN',
      '2000,NEVADA,NV,32,88,65,US PRESIDENT,NONE OF THESE CANDIDATES,,FALSE,27147,609000,20210113,NA,OTHER',
    ].join('\n'),
    'fixture-president.csv',
  );

  it('sums a fusion candidate’s lines for their party and keeps each line', () => {
    expect(byParty(bundle, 'state:36')).toEqual({ DEM: 3389558, REP: 3100791, OTH: 43821 });
    expect(linesOf(bundle, 'state:36')).toEqual([
      'CARTER, JIMMY | DEMOCRAT | DEM | 3244165',
      'CARTER, JIMMY | LIBERAL PARTY | DEM | 145393',
      'FORD, GERALD | REPUBLICAN | REP | 2825913',
      'FORD, GERALD | CONSERVATIVE | REP | 274878',
      ' | WRITE-IN | OTH | 43821',
    ]);
    expect(bundle.issues.filter((i) => i.code === 'fusion.candidate_lines').map((i) => i.subject)).toEqual([
      '1976 NY CARTER, JIMMY',
      '1976 NY FORD, GERALD',
    ]);
  });

  it('keeps over votes out of the valid total, but not "none of these candidates"', () => {
    const nevada = bundle.units.find((u) => u.jurisdiction === 'state:32');
    expect(nevada).toMatchObject({ totalVotes: 279978 + 301575 + 27147, invalidVotes: 300 });
    expect(bundle.issues).toContainEqual(
      expect.objectContaining({
        code: 'votes.not_a_candidate',
        resolution: 'excluded',
        subject: '2000 NV OVER VOTE',
      }),
    );
  });

  it('makes one state race per year and state', () => {
    expect(bundle.races.map((r) => `${r.election} ${r.jurisdiction}`)).toEqual([
      'us-1976-general state:36',
      'us-2000-general state:32',
    ]);
  });
});

describe('MEDSL president 2024', () => {
  it('excludes OVERVOTES/UNDERVOTES rows that totalvotes counts, and notes unofficial states', () => {
    const bundle = parseStatePresident2024(
      [
        'year,state,state_po,state_fips,state_ic,office,candidate,party_detailed,party_simplified,writein,mode,votes,totalvotes,stage,special,unofficial,version',
        '2024,"HAWAII","HI","15","82","US PRESIDENT","HARRIS, KAMALA D.","DEMOCRAT","DEMOCRAT",FALSE,"TOTAL",313044,524000,"GEN",FALSE,FALSE,2025-11-20',
        '2024,"HAWAII","HI","15","82","US PRESIDENT","TRUMP, DONALD J.","REPUBLICAN","REPUBLICAN",FALSE,"TOTAL",193661,524000,"GEN",FALSE,FALSE,2025-11-20',
        '2024,"HAWAII","HI","15","82","US PRESIDENT","UNDERVOTES","","OTHER",FALSE,"TOTAL",17295,524000,"GEN",FALSE,FALSE,2025-11-20',
        '2024,"ARIZONA","AZ","04","61","US PRESIDENT","HARRIS, KAMALA D.","DEMOCRAT","DEMOCRAT",FALSE,"NA",1582860,3390161,"GEN",FALSE,TRUE,2025-11-20',
        '2024,"ARIZONA","AZ","04","61","US PRESIDENT","TRUMP, DONALD J.","REPUBLICAN","REPUBLICAN",FALSE,"NA",1770242,3390161,"GEN",FALSE,TRUE,2025-11-20',
      ].join('\n'),
      'fixture-2024.csv',
    );
    expect(bundle.units.find((u) => u.jurisdiction === 'state:15')).toMatchObject({
      totalVotes: 313044 + 193661,
      invalidVotes: 17295,
    });
    expect(bundle.issues.map((i) => `${i.code} ${i.subject}`)).toEqual(
      expect.arrayContaining(['president.unofficial 2024 AZ', 'president.total_differs 2024 AZ']),
    );
  });
});

describe('MEDSL House 1976–2020', () => {
  const header =
    'year,state,state_po,state_fips,state_cen,state_ic,office,district,stage,runoff,special,candidate,party,writein,mode,candidatevotes,totalvotes,unofficial,version,fusion_ticket';
  const bundle = parseHouseFile(
    [
      header,
      `2020,ALASKA,AK,2,94,81,US HOUSE,0,GEN,FALSE,FALSE,DON YOUNG,REPUBLICAN,FALSE,TOTAL,192126,353165,FALSE,20220331,FALSE`,
      `2020,ALASKA,AK,2,94,81,US HOUSE,0,GEN,FALSE,FALSE,ALYSE S GALVIN,INDEPENDENT,FALSE,TOTAL,159856,353165,FALSE,20220331,FALSE`,
      `2020,ALASKA,AK,2,94,81,US HOUSE,0,GEN,FALSE,FALSE,WRITEIN,,TRUE,TOTAL,1183,353165,FALSE,20220331,FALSE`,
      `2020,NEW YORK,NY,36,21,13,US HOUSE,1,GEN,,FALSE,LEE M ZELDIN,REPUBLICAN,FALSE,TOTAL,180855,389014,FALSE,20220331,TRUE`,
      `2020,NEW YORK,NY,36,21,13,US HOUSE,1,GEN,,FALSE,LEE M ZELDIN,CONSERVATIVE,FALSE,TOTAL,21611,389014,FALSE,20220331,TRUE`,
      `2020,NEW YORK,NY,36,21,13,US HOUSE,1,GEN,,FALSE,NANCY S GOROFF,DEMOCRAT,FALSE,TOTAL,160978,389014,FALSE,20220331,TRUE`,
      `2020,NEW YORK,NY,36,21,13,US HOUSE,1,GEN,,FALSE,NANCY S GOROFF,WORKING FAMILIES,FALSE,TOTAL,8316,389014,FALSE,20220331,TRUE`,
      `2020,NEW YORK,NY,36,21,13,US HOUSE,1,GEN,,FALSE,BLANK/VOID/SCATTERING,,FALSE,TOTAL,17254,389014,FALSE,20220331,FALSE`,
      `2020,FLORIDA,FL,12,59,43,US HOUSE,25,GEN,FALSE,FALSE,MARIO DIAZ-BALART,REPUBLICAN,FALSE,TOTAL,-1,-1,FALSE,20220331,FALSE`,
      `2020,GEORGIA,GA,13,58,44,US HOUSE,5,GEN,FALSE,TRUE,KWANZA HALL,DEMOCRAT,FALSE,TOTAL,100000,120000,FALSE,20220331,FALSE`,
      `2020,GEORGIA,GA,13,58,44,US HOUSE,5,GEN,FALSE,TRUE,ROBERT FRANKLIN,DEMOCRAT,FALSE,TOTAL,20000,120000,FALSE,20220331,FALSE`,
    ].join('\n'),
    'fixture-house.csv',
  );

  it('codes district 0 as the at-large seat ST-AL', () => {
    expect(bundle.jurisdictions).toContainEqual(
      expect.objectContaining({
        kind: 'congressional_district',
        code: 'AK-AL',
        name: 'Alaska at-large district',
      }),
    );
    expect(byParty(bundle, 'congressional_district:AK-AL', 'us-house-2020-district')).toEqual({
      REP: 192126,
      IND: 159856,
      OTH: 1183,
    });
  });

  it('counts fusion lines for the candidate’s party and keeps the per-line votes', () => {
    expect(byParty(bundle, 'congressional_district:NY-1', 'us-house-2020-district')).toEqual({
      REP: 202466,
      DEM: 169294,
      OTH: 17254,
    });
    expect(linesOf(bundle, 'congressional_district:NY-1')).toContain(
      'NANCY S GOROFF | WORKING FAMILIES | DEM | 8316',
    );
  });

  it('gives a special election its own race and result set, and notes an unopposed -1', () => {
    expect(bundle.resultSets.map((s) => s.slug).sort()).toEqual([
      'us-house-2020-district',
      'us-house-2020-district-special',
    ]);
    expect(bundle.races.find((r) => r.jurisdiction === 'congressional_district:GA-5')?.stage).toBe('special');
    expect(
      bundle.units.find((u) => u.jurisdiction === 'congressional_district:FL-25')?.totalVotes,
    ).toBeNull();
    expect(bundle.issues.map((i) => `${i.code} ${i.subject}`)).toContain(
      'house.no_count 2020 FL-25 MARIO DIAZ-BALART',
    );
  });
});
