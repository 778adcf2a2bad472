import { describe, expect, it } from 'vitest';
import type { ResultSetView } from '../../api/map.ts';
import { districtArea, houseSeatName, latestDistrictSet } from './place-races.ts';

const set = (slug: string, office: string | null, measure: 'votes' | 'lean'): ResultSetView =>
  ({
    id: `00000000-0000-4000-8000-${String(slug.length).padStart(12, '0')}`,
    slug,
    name: slug,
    electionId: null,
    office,
    unitKind: 'congressional_district',
    measure,
    datasetId: null,
    scope: 'reference',
  }) as ResultSetView;

describe('latestDistrictSet', () => {
  it('takes the latest House election over later district data, and labels its year', () => {
    const sets = [
      set('us-house-2018', 'us_house', 'votes'),
      set('us-house-2020', 'us_house', 'votes'),
      set('538-partisan-lean-2022-district', null, 'lean'),
    ];
    expect(latestDistrictSet(sets)).toMatchObject({
      year: 2020,
      label: '2020 election',
      set: { slug: 'us-house-2020' },
    });
  });

  it('falls back to the latest district lines without House results, and to nothing without districts', () => {
    expect(
      latestDistrictSet([
        set('538-partisan-lean-2021-district', null, 'lean'),
        set('538-partisan-lean-2022-district', null, 'lean'),
      ]),
    ).toMatchObject({
      year: 2022,
      label: '2022 district lines',
    });
    expect(latestDistrictSet([])).toBeUndefined();
  });
});

describe('districtArea', () => {
  const district = (code: string, share: number) =>
    ({ code, share, basis: 'area-based', election: 2020, jurisdictionId: null }) as const;
  it('labels a county’s share of a district as area-based, with the election of its lines', () => {
    expect(districtArea(district('MI-12', 0.4134), 'Wayne', 'Michigan district 12')).toBe(
      'Michigan district 12: 41% of Wayne’s area (area-based, 2020 election)',
    );
    expect(districtArea(district('MI-1', 0.999), 'Marquette', undefined)).toBe(
      'MI-1: all of Marquette (area-based, 2020 election)',
    );
  });
});

describe('houseSeatName', () => {
  it('names a seat by its state and ordinal, at-large seats as such', () => {
    expect(houseSeatName('MI-12', 'Michigan')).toBe('Michigan’s 12th congressional district');
    expect(houseSeatName('MI-1', 'Michigan')).toBe('Michigan’s 1st congressional district');
    expect(houseSeatName('CA-22', 'California')).toBe('California’s 22nd congressional district');
    expect(houseSeatName('NY-13', 'New York')).toBe('New York’s 13th congressional district');
    expect(houseSeatName('TX-11', 'Texas')).toBe('Texas’s 11th congressional district');
    expect(houseSeatName('CA-43', 'California')).toBe('California’s 43rd congressional district');
    expect(houseSeatName('WY-AL', 'Wyoming')).toBe('Wyoming at-large');
    expect(houseSeatName('AK-0', 'Alaska')).toBe('Alaska at-large');
  });
});
