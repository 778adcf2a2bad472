/**
 * Two-party lean and margins, in percentage points. Positive means more Democratic, as in 538's
 * partisan lean. Pure functions: the services feed them vote sums.
 */

export interface PartyTotals {
  dem: number;
  rep: number;
  /** Valid votes of the unit; null where the file publishes no count. */
  total: number | null;
}

export interface LeanFigures {
  dem: number;
  rep: number;
  /** total − D − R: every file has a total, not every file has a column for the others. */
  third: number | null;
  thirdShare: number | null;
  /** (D − R) / total × 100. */
  margin: number | null;
  /** D / (D + R). */
  twoPartyDemShare: number | null;
  /** (D − R) / (D + R) × 100. */
  twoPartyMargin: number | null;
  /** The two-party margin minus the reference's (the result set's whole), in points. */
  lean: number | null;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

export function twoPartyMargin({ dem, rep }: PartyTotals): number | null {
  return dem + rep > 0 ? ((dem - rep) / (dem + rep)) * 100 : null;
}

/**
 * The figures of one unit. `reference` is the two-party margin of the whole result set (the nation
 * for the shipped sets); without one, lean is null. Units without D or R votes (the French
 * constituencies, voting by nuance) get null two-party figures rather than a fake zero.
 */
export function leanFigures(unit: PartyTotals, reference: number | null): LeanFigures {
  const { dem, rep, total } = unit;
  const twoParty = twoPartyMargin(unit);
  const hasTwoParty = twoParty !== null;
  const third = hasTwoParty && total !== null ? Math.max(0, total - dem - rep) : null;
  return {
    dem,
    rep,
    third,
    thirdShare: third !== null && total ? round((third / total) * 100) : null,
    margin: hasTwoParty && total ? round(((dem - rep) / total) * 100) : null,
    twoPartyDemShare: hasTwoParty ? round(dem / (dem + rep)) : null,
    twoPartyMargin: twoParty === null ? null : round(twoParty),
    lean: twoParty !== null && reference !== null ? round(twoParty - reference) : null,
  };
}

/** Sums of several units (a state from its counties, DC from its wards). */
export function sumTotals(units: readonly PartyTotals[]): PartyTotals {
  let dem = 0;
  let rep = 0;
  let total: number | null = 0;
  for (const unit of units) {
    dem += unit.dem;
    rep += unit.rep;
    total = total === null || unit.total === null ? null : total + unit.total;
  }
  return { dem, rep, total };
}
