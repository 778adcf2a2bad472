import type { Bundle, JurisdictionKey } from './bundle.ts';
import { stateByFips } from './us-states.ts';

export interface StateComparison {
  state: string;
  /** Sums of the county file's units in the state (counties, wards, house districts…). */
  countyDem: number;
  countyRep: number;
  stateDem: number;
  stateRep: number;
  /** |county − state| / state, as a fraction. */
  demDiff: number;
  repDiff: number;
}

/**
 * Sums a county result set by state and compares it with a state result set of the same
 * election: two independent sources (tonmcg's scrape and MEDSL's official totals) that should
 * agree closely when every unit was joined to the right state and counted once.
 */
export function compareCountyToState(
  countyBundle: Bundle,
  countySet: string,
  stateBundle: Bundle,
  stateSet: string,
): StateComparison[] {
  const parents = new Map(countyBundle.jurisdictions.map((j) => [`${j.kind}:${j.code}`, j.parent]));
  const stateOf = (key: JurisdictionKey): string | null => {
    let current: string | null | undefined = key;
    for (let depth = 0; current && depth < 8; depth += 1) {
      if (current.startsWith('state:')) return current.slice('state:'.length);
      if (current.startsWith('county:')) return current.slice('county:'.length, 'county:'.length + 2);
      current = parents.get(current);
    }
    return null;
  };
  const county = partySums(countyBundle, countySet, stateOf);
  const state = partySums(stateBundle, stateSet, (key) => (key.startsWith('state:') ? key.slice(6) : null));
  return [...state.entries()]
    .map(([fips, official]) => {
      const counted = county.get(fips) ?? { dem: 0, rep: 0 };
      return {
        state: stateByFips(fips)?.usps ?? fips,
        countyDem: counted.dem,
        countyRep: counted.rep,
        stateDem: official.dem,
        stateRep: official.rep,
        demDiff: official.dem > 0 ? Math.abs(counted.dem - official.dem) / official.dem : 0,
        repDiff: official.rep > 0 ? Math.abs(counted.rep - official.rep) / official.rep : 0,
      };
    })
    .sort((a, b) => a.state.localeCompare(b.state));
}

function partySums(
  bundle: Bundle,
  set: string,
  stateOf: (key: JurisdictionKey) => string | null,
): Map<string, { dem: number; rep: number }> {
  const sums = new Map<string, { dem: number; rep: number }>();
  for (const vote of bundle.votes) {
    if (vote.set !== set || (vote.party !== 'DEM' && vote.party !== 'REP')) continue;
    const state = stateOf(vote.jurisdiction);
    if (!state) continue;
    const entry = sums.get(state) ?? { dem: 0, rep: 0 };
    if (vote.party === 'DEM') entry.dem += vote.votes;
    else entry.rep += vote.votes;
    sums.set(state, entry);
  }
  return sums;
}
