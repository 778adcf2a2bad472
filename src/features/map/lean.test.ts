import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leanFigures, sumTotals, twoPartyMargin } from './lean.ts';
import { ShapeIndex, type ShapeUnit } from './shape-figures.ts';

describe('lean figures', () => {
  it('computes margin, two-party share, third-party share and lean against a reference', () => {
    // Autauga County, AL, 2024: 20,484 R, 7,439 D, 28,190 votes.
    const figures = leanFigures({ dem: 7439, rep: 20484, total: 28190 }, -1.5);
    expect(figures).toEqual({
      dem: 7439,
      rep: 20484,
      third: 267,
      thirdShare: 0.9471,
      margin: -46.2753,
      twoPartyDemShare: 0.2664,
      twoPartyMargin: -46.7178,
      lean: -45.2178,
    });
  });

  it('gives null two-party figures where there is no D or R (French nuances), not zeros', () => {
    expect(leanFigures({ dem: 0, rep: 0, total: 1000 }, 2)).toMatchObject({
      third: null,
      margin: null,
      twoPartyDemShare: null,
      lean: null,
    });
  });

  it('keeps third-party votes non-negative and the lean antisymmetric (property)', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), fc.nat(1_000_000), (dem, rep, others) => {
        fc.pre(dem + rep > 0);
        const a = leanFigures({ dem, rep, total: dem + rep + others }, 0);
        const b = leanFigures({ dem: rep, rep: dem, total: dem + rep + others }, 0);
        expect(a.third).toBe(others);
        expect((a.lean ?? 0) + (b.lean ?? 0)).toBeCloseTo(0, 3);
        expect(Math.abs(a.lean ?? 0)).toBeLessThanOrEqual(100);
      }),
      { numRuns: 200 },
    );
  });

  it('sums totals, and a missing total makes the sum unknown', () => {
    expect(
      sumTotals([
        { dem: 1, rep: 2, total: 4 },
        { dem: 3, rep: 4, total: 9 },
      ]),
    ).toEqual({ dem: 4, rep: 6, total: 13 });
    expect(
      sumTotals([
        { dem: 1, rep: 2, total: null },
        { dem: 3, rep: 4, total: 9 },
      ]).total,
    ).toBeNull();
    expect(twoPartyMargin({ dem: 0, rep: 0, total: 5 })).toBeNull();
  });
});

describe('what the map paints on a shape', () => {
  const unit = (
    kind: string,
    code: string,
    state: string,
    dem: number,
    rep: number,
    county: string | null = null,
  ): ShapeUnit => ({
    kind,
    code,
    stateFips: state,
    countyFips: county,
    totals: { dem, rep, total: dem + rep },
    publishedLean: null,
  });
  const index = new ShapeIndex(
    [
      unit('county', '01001', '01', 30, 70),
      unit('ward', 'DC-W1', '11', 90, 10, '11001'),
      unit('ward', 'DC-W2', '11', 80, 20, '11001'),
      unit('state_legislative_district', 'AK-HD-1', '02', 40, 60),
      unit('state_legislative_district', 'AK-HD-2', '02', 50, 50),
    ],
    0,
    new Map([['02020', 'atlas.alaska_borough']]),
  );

  it('paints a county with its own result', () => {
    expect(index.county('01001', 'Autauga')).toMatchObject({
      leanLevel: 'county',
      dem: 30,
      rep: 70,
      lean: -40,
    });
  });

  it('paints DC with the sum of its wards, never with Ward 1 alone', () => {
    expect(index.county('11001', 'District of Columbia')).toMatchObject({
      leanLevel: 'county',
      dem: 170,
      rep: 30,
    });
  });

  it('paints an Alaska borough with the statewide sum, marked as such', () => {
    expect(index.county('02020', 'Anchorage')).toMatchObject({
      leanLevel: 'state',
      dem: 90,
      rep: 110,
      note: 'atlas.alaska_borough',
    });
    expect(index.state('02', 'Alaska')).toMatchObject({ leanLevel: 'state', dem: 90, rep: 110 });
  });

  it('paints nothing where the set has no result for the state', () => {
    expect(index.county('72001', 'Adjuntas')).toMatchObject({
      leanLevel: null,
      lean: null,
      note: 'atlas.no_result',
    });
  });
});
