import { type JurisdictionSpec, jurisdictionKey } from './bundle.ts';
import type { UsState } from './us-states.ts';

/**
 * A congressional district, coded `ST-N`; an at-large seat is `ST-AL` (MEDSL writes district 0,
 * 538 writes `-1`). The code names the seat, not its lines: lines change at every redistricting.
 */
export function congressionalDistrict(state: UsState, district: number | 'AL'): JurisdictionSpec {
  const atLarge = district === 'AL';
  return {
    kind: 'congressional_district',
    code: `${state.usps}-${atLarge ? 'AL' : district}`,
    name: atLarge
      ? state.usps === 'DC'
        ? 'District of Columbia delegate (at-large)'
        : `${state.name} at-large district`
      : `${state.name} district ${district}`,
    parent: jurisdictionKey('state', state.fips),
    country: 'US',
    abbr: null,
  };
}
