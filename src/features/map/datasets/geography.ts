import type { Bundle } from './bundle.ts';
import { jurisdictionKey } from './bundle.ts';
import { BundleBuilder } from './bundle-builder.ts';
import type { AtlasUnit } from './us-atlas.ts';
import { stateByFips, usStates } from './us-states.ts';

/**
 * The base geography every other dataset joins to: the United States, its states and territories
 * and their counties as us-atlas draws them (FIPS ids), and France.
 */
export function buildGeography(atlas: { states: AtlasUnit[]; counties: AtlasUnit[] }): Bundle {
  const b = new BundleBuilder();
  b.jurisdiction({
    kind: 'nation',
    code: 'US',
    name: 'United States',
    parent: null,
    country: 'US',
    abbr: 'US',
  });
  b.jurisdiction({ kind: 'nation', code: 'FR', name: 'France', parent: null, country: 'FR', abbr: 'FR' });
  for (const state of usStates) {
    b.jurisdiction({
      kind: 'state',
      code: state.fips,
      name: state.name,
      parent: jurisdictionKey('nation', 'US'),
      country: 'US',
      abbr: state.usps,
    });
  }
  for (const unit of atlas.states) {
    if (!stateByFips(unit.id)) {
      b.issue({
        code: 'atlas.unknown_state',
        resolution: 'unmapped',
        subject: unit.id,
        row: null,
        message: `us-atlas draws a state ${unit.id} (${unit.name}) that Concord's state table lacks`,
      });
    }
  }
  for (const county of atlas.counties) {
    const state = stateByFips(county.id.slice(0, 2));
    if (!state) {
      b.issue({
        code: 'atlas.unknown_state',
        resolution: 'unmapped',
        subject: county.id,
        row: null,
        message: `us-atlas county ${county.id} (${county.name}) is in no known state`,
      });
      continue;
    }
    b.jurisdiction({
      kind: 'county',
      code: county.id,
      name: county.name,
      parent: jurisdictionKey('state', state.fips),
      country: 'US',
      abbr: null,
    });
  }
  return b.build();
}
