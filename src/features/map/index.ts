/**
 * The map feature's public surface: the only file other features import (docs/architecture.md,
 * "Features are modules"). The web app imports `map.contract.ts` and `map.schema.ts` instead.
 */

export * as catalog from './catalog.service.ts';
export {
  computeCrosswalk,
  countyDistricts,
  crosswalkElection,
  crosswalkLabel,
  loadCrosswalk,
} from './crosswalk.ts';
export { readCsv } from './datasets/csv.ts';
export { dataDir, prepareDatasets } from './datasets/dataset-files.ts';
export { materialize } from './datasets/materialize.ts';
export { datasets } from './datasets/registry.ts';
export { parseStatePresident1976, parseStatePresident2024 } from './datasets/state-president.ts';
export { readAtlas } from './datasets/us-atlas.ts';
export { stateByFips, stateByName, stateByUsps, usStates } from './datasets/us-states.ts';
export { referenceScope } from './ids.ts';
export { importRaces } from './imports/import.service.ts';
export { isJurisdictionKind } from './kinds.ts';
export { upsertCatalog } from './load.repository.ts';
export { loadReferenceData } from './load.service.ts';
export { mapDemoStep } from './map.demo.ts';
export {
  type JurisdictionView,
  jurisdictionKindSchema,
  type RaceVotesView,
  type UnitResultView,
} from './map.schema.ts';
export { jurisdictionResults, listRaceVotes, setResults } from './results.service.ts';
export { type Viewer, visibleTo } from './visibility.ts';
