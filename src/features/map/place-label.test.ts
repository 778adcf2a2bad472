import { describe, expect, it } from 'vitest';
import { placeLabel } from './place-label.ts';
import { parsePlaceQuery } from './place-query.ts';

describe('reading a typed place and naming a place', () => {
  it('splits a name from its state, and a county word from the name', () => {
    expect(parsePlaceQuery('Wayne County, Michigan')).toEqual({
      name: 'wayne',
      kind: 'county',
      within: 'michigan',
    });
    expect(parsePlaceQuery(' Wayne ,MI ')).toEqual({ name: 'wayne', kind: null, within: 'mi' });
    expect(parsePlaceQuery('Way')).toEqual({ name: 'way', kind: null, within: null });
    expect(parsePlaceQuery('County')).toEqual({ name: 'county', kind: null, within: null });
    expect(parsePlaceQuery('Orleans Parish, LA').kind).toBe('county');
  });

  it('says County, Parish or city as the state does, and names the parent unless it is the nation', () => {
    const county = (code: string, name: string, parentName: string) =>
      placeLabel({ kind: 'county', code, name, parentName, parentKind: 'state' });
    expect(county('26163', 'Wayne', 'Michigan')).toBe('Wayne County, Michigan');
    expect(county('22071', 'Orleans', 'Louisiana')).toBe('Orleans Parish, Louisiana');
    expect(county('51760', 'Richmond', 'Virginia')).toBe('Richmond city, Virginia');
    expect(county('51159', 'Richmond', 'Virginia')).toBe('Richmond County, Virginia');
    expect(
      placeLabel({
        kind: 'state',
        code: '26',
        name: 'Michigan',
        parentName: 'United States',
        parentKind: 'nation',
      }),
    ).toBe('Michigan');
    expect(
      placeLabel({
        kind: 'congressional_district',
        code: 'MI-12',
        name: 'Michigan district 12',
        parentName: 'Michigan',
        parentKind: 'state',
      }),
    ).toBe('Michigan district 12');
  });
});
