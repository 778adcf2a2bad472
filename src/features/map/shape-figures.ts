import { type LeanFigures, leanFigures, type PartyTotals, sumTotals } from './lean.ts';

/**
 * What the map paints on each us-atlas shape, computed from a result set's units. A shape gets its
 * own unit's figures when there is one, the sum of units that nest in it (DC's wards), or else the
 * statewide sum, marked `leanLevel: 'state'`, so nothing is painted with another place's numbers.
 */

export interface ShapeUnit {
  kind: string;
  code: string;
  /** The unit's state (2-digit FIPS), or null outside the US. */
  stateFips: string | null;
  /** The county a sub-county unit (a ward) nests in. */
  countyFips: string | null;
  totals: PartyTotals;
  publishedLean: number | null;
}

export interface ShapeProperties {
  name: string;
  leanLevel: 'county' | 'state' | null;
  lean: number | null;
  margin: number | null;
  twoPartyDemShare: number | null;
  thirdShare: number | null;
  dem: number | null;
  rep: number | null;
  total: number | null;
  /** Why a county shows the statewide figure or nothing (a `concord data check` code). */
  note: string | null;
}

const empty = (name: string, note: string | null): ShapeProperties => ({
  name,
  leanLevel: null,
  lean: null,
  margin: null,
  twoPartyDemShare: null,
  thirdShare: null,
  dem: null,
  rep: null,
  total: null,
  note,
});

function paint(
  name: string,
  level: 'county' | 'state',
  totals: PartyTotals | null,
  published: number | null,
  reference: number | null,
  note: string | null,
): ShapeProperties {
  if (!totals || totals.dem + totals.rep === 0) {
    return published === null
      ? empty(name, note)
      : { ...empty(name, note), leanLevel: level, lean: published };
  }
  const f: LeanFigures = leanFigures(totals, reference);
  return {
    name,
    leanLevel: level,
    lean: published ?? f.lean,
    margin: f.margin,
    twoPartyDemShare: f.twoPartyDemShare,
    thirdShare: f.thirdShare,
    dem: totals.dem,
    rep: totals.rep,
    total: totals.total,
    note,
  };
}

export class ShapeIndex {
  private readonly counties = new Map<string, ShapeUnit>();
  private readonly countyChildren = new Map<string, ShapeUnit[]>();
  private readonly statesDirect = new Map<string, ShapeUnit>();
  private readonly byState = new Map<string, ShapeUnit[]>();

  constructor(
    units: readonly ShapeUnit[],
    private readonly reference: number | null,
    private readonly notes: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const unit of units) {
      if (unit.kind === 'county') this.counties.set(unit.code, unit);
      if (unit.kind === 'state') this.statesDirect.set(unit.code, unit);
      if (unit.countyFips && unit.kind !== 'county') {
        this.countyChildren.set(unit.countyFips, [...(this.countyChildren.get(unit.countyFips) ?? []), unit]);
      }
      if (unit.stateFips)
        this.byState.set(unit.stateFips, [...(this.byState.get(unit.stateFips) ?? []), unit]);
    }
  }

  county(fips: string, name: string): ShapeProperties {
    const note = this.notes.get(fips) ?? null;
    const own = this.counties.get(fips);
    if (own) return paint(name, 'county', own.totals, own.publishedLean, this.reference, null);
    const children = this.countyChildren.get(fips);
    if (children) {
      return paint(name, 'county', sumTotals(children.map((c) => c.totals)), null, this.reference, note);
    }
    const state = this.stateFigures(fips.slice(0, 2), name, note);
    return state.leanLevel ? state : empty(name, note ?? 'atlas.no_result');
  }

  state(fips: string, name: string): ShapeProperties {
    return this.stateFigures(fips, name, this.notes.get(fips) ?? null);
  }

  private stateFigures(fips: string, name: string, note: string | null): ShapeProperties {
    const direct = this.statesDirect.get(fips);
    if (direct) return paint(name, 'state', direct.totals, direct.publishedLean, this.reference, note);
    const units = this.byState.get(fips);
    if (!units || units.length === 0) return empty(name, note);
    return paint(name, 'state', sumTotals(units.map((u) => u.totals)), null, this.reference, note);
  }
}
