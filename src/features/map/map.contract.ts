/** The map API, one contract per endpoint (docs/architecture.md, "One contract per endpoint"). */
import { z } from 'zod';
import { endpointsOf } from '../../contract/endpoint.ts';
import { type CodeOf, defineErrors } from '../../contract/errors.ts';
import {
  importDistrictsQuerySchema,
  importRacesQuerySchema,
  importReportSchema,
  maxRaceUploadBytes,
} from './imports/import.schema.ts';
import {
  datasetIssueSchema,
  datasetIssuesQuerySchema,
  datasetSchema,
  electionSchema,
  idParamSchema,
  jurisdictionKindSchema,
  jurisdictionSchema,
  listElectionsQuerySchema,
  listJurisdictionsQuerySchema,
  listRacesQuerySchema,
  listResultSetsQuerySchema,
  pageSchema,
  placeSchema,
  placeSearchQuerySchema,
  placeSearchResponseSchema,
  placesByKeyQuerySchema,
  raceSchema,
  raceVotesQuerySchema,
  raceVotesSchema,
  resultSetSchema,
  resultsQuerySchema,
  unitResultSchema,
} from './map.schema.ts';

/** Every code the map feature answers over HTTP, with its kind. */
export const mapErrors = defineErrors({
  'map.jurisdiction_not_found': 'not_found',
  'map.election_not_found': 'not_found',
  'map.race_not_found': 'not_found',
  'map.result_set_not_found': 'not_found',
  'map.dataset_not_found': 'not_found',
  'import.invalid': 'invalid',
  'import.body_missing': 'invalid',
  /** A role other than staff: `requireRole` in the import service, or a large upload refused before its body. */
  'auth.forbidden': 'forbidden',
});
export type MapErrorCode = CodeOf<typeof mapErrors>;

/**
 * Shapes leave the server as JSON text built (and cached) once, never re-validated on the way out:
 * the schema only documents the body in /docs. The web client names the GeoJSON/TopoJSON types it
 * reads (web/src/api/map.ts), which this browser-safe module may not import.
 */
const shapesBody = (description: string) => z.unknown().describe(description);

const usLevelSchema = z.enum(['states.topojson', 'states.geojson', 'counties.topojson', 'counties.geojson']);
export type UsLevelFile = z.infer<typeof usLevelSchema>;

const endpoint = endpointsOf('map', mapErrors);

/**
 * Reference data is public (`auth: 'public'`); a signed-in reader also sees their coalition's own
 * rows (the handler reads the session when there is one). Imports are staff-only writes.
 */
export const mapContract = {
  jurisdictions: endpoint({
    method: 'GET',
    path: '/api/map/jurisdictions',
    auth: 'public',
    summary: 'Jurisdictions by kind, parent, code or name (paginated)',
    query: listJurisdictionsQuerySchema,
    response: pageSchema(jurisdictionSchema),
  }),
  searchPlaces: endpoint({
    method: 'GET',
    path: '/api/map/places',
    auth: 'public',
    summary: 'Places by name: "Wayne County", "Wayne, MI", "Wayne County, Michigan" or a prefix ("Way")',
    description:
      'Ranked exact name, then prefix, then contains; larger places first on ties (kind, then votes cast). ' +
      'Pages through every match with a keyset cursor: pass `next` back as `after`.',
    query: placeSearchQuerySchema,
    response: placeSearchResponseSchema,
  }),
  placesByKey: endpoint({
    method: 'GET',
    path: '/api/map/places/by-key',
    auth: 'public',
    summary:
      'The names of places given by key (state:26, county:26163) or bare FIPS code; unknown keys are left out',
    query: placesByKeyQuerySchema,
    response: z.object({ items: z.array(placeSchema) }),
  }),
  jurisdiction: endpoint({
    method: 'GET',
    path: '/api/map/jurisdictions/:id',
    auth: 'public',
    summary: 'One jurisdiction',
    params: idParamSchema,
    response: jurisdictionSchema,
    errors: ['map.jurisdiction_not_found'],
  }),
  jurisdictionResults: endpoint({
    method: 'GET',
    path: '/api/map/jurisdictions/:id/results',
    auth: 'public',
    summary: 'Results reported for a jurisdiction, with lean, margin and third-party share',
    params: idParamSchema,
    query: resultsQuerySchema,
    response: z.array(unitResultSchema),
    errors: ['map.jurisdiction_not_found', 'map.result_set_not_found'],
  }),
  elections: endpoint({
    method: 'GET',
    path: '/api/map/elections',
    auth: 'public',
    summary: 'Elections, newest first',
    query: listElectionsQuerySchema,
    response: z.array(electionSchema),
  }),
  races: endpoint({
    method: 'GET',
    path: '/api/map/elections/:id/races',
    auth: 'public',
    summary: 'The races of an election (paginated)',
    params: idParamSchema,
    query: listRacesQuerySchema,
    response: pageSchema(raceSchema),
    errors: ['map.election_not_found'],
  }),
  raceVotes: endpoint({
    method: 'GET',
    path: '/api/map/elections/:id/race-votes',
    auth: 'public',
    summary: 'Every race of an election with its votes by party and by ballot line',
    params: idParamSchema,
    query: raceVotesQuerySchema,
    response: z.array(raceVotesSchema),
    errors: ['map.election_not_found'],
  }),
  race: endpoint({
    method: 'GET',
    path: '/api/map/races/:id',
    auth: 'public',
    summary: 'One race',
    params: idParamSchema,
    response: raceSchema,
    errors: ['map.race_not_found'],
  }),
  raceResults: endpoint({
    method: 'GET',
    path: '/api/map/races/:id/results',
    auth: 'public',
    summary: 'Results of a race: its own total and the units reported below it (counties…)',
    params: idParamSchema,
    response: z.array(unitResultSchema),
    errors: ['map.race_not_found'],
  }),
  resultSets: endpoint({
    method: 'GET',
    path: '/api/map/result-sets',
    auth: 'public',
    summary: 'Result sets (one table of results from one source)',
    query: listResultSetsQuerySchema,
    response: z.array(resultSetSchema),
  }),
  datasets: endpoint({
    method: 'GET',
    path: '/api/map/datasets',
    auth: 'public',
    summary: 'The loaded reference datasets with their issues by resolution',
    response: z.array(datasetSchema),
  }),
  datasetIssues: endpoint({
    method: 'GET',
    path: '/api/map/datasets/:id/issues',
    auth: 'public',
    summary: 'What a dataset mapped, rolled up, kept apart or could not join',
    params: z.object({ id: z.string().max(80) }),
    query: datasetIssuesQuerySchema,
    response: pageSchema(datasetIssueSchema),
    errors: ['map.dataset_not_found'],
  }),
  coalitionDistricts: endpoint({
    method: 'GET',
    path: '/api/map/districts.geojson',
    auth: 'session',
    summary:
      'The coalition’s imported districts as GeoJSON, optionally with a result set’s figures (sign-in)',
    query: z.object({
      kind: jurisdictionKindSchema.optional(),
      set: z.string().max(100).optional(),
    }),
    response: shapesBody('a GeoJSON FeatureCollection'),
    errors: ['map.result_set_not_found'],
  }),
  usDistricts: endpoint({
    method: 'GET',
    path: '/api/map/us/districts.geojson',
    auth: 'public',
    summary: 'US House district shapes (the latest shipped map per state) as GeoJSON',
    description:
      'From data/us-congress-districts (ACLU, from Census TIGER/Line; display-simplified): the 2020 ' +
      'election’s districts, North Carolina’s 2018. Each feature’s id is the race key (`MI-12`), with ' +
      'name, state, district and election. Single-seat states have no district shapes (their seat is ' +
      'the state). Public reference data, cached: send If-None-Match (304 when unchanged).',
    query: z.object({
      state: z
        .string()
        .regex(/^[A-Za-z]{2}$/)
        .optional()
        .describe('only this state’s districts (USPS code, `MI`)'),
    }),
    response: shapesBody('a GeoJSON FeatureCollection'),
    notModified: true,
  }),
  usShapes: endpoint({
    method: 'GET',
    path: '/api/map/us/:level',
    auth: 'public',
    summary: 'US states or counties (us-atlas) painted with a result set’s lean, as TopoJSON or GeoJSON',
    description:
      'Each shape carries name, state, leanLevel (county | state | null), lean, margin, twoPartyDemShare, ' +
      'thirdShare, dem, rep, total and note (why a county shows the statewide figure). ' +
      'Cached: send If-None-Match (304 when unchanged).',
    params: z.object({ level: usLevelSchema }),
    query: z.object({
      set: z.string().max(100).optional(),
      projection: z.enum(['none', 'albers']).default('none'),
    }),
    response: shapesBody('a TopoJSON Topology or a GeoJSON FeatureCollection'),
    errors: ['map.result_set_not_found'],
    notModified: true,
  }),
  importRaces: endpoint({
    method: 'POST',
    path: '/api/map/imports/races',
    auth: 'session',
    summary:
      'Import the coalition’s races and results from CSV (Content-Type: text/csv); ?dryRun=true to preview',
    description:
      'Columns: election, election_date, office, jurisdiction_kind, jurisdiction_code (required); election_name, ' +
      'stage, jurisdiction_name, parent, seats, filing_deadline, candidate, party, line, votes, total_votes. ' +
      'Any problem answers 400 import.invalid with details.problems [{file,row,field,reason}] and imports nothing. ' +
      `The body is read as it arrives, up to ${maxRaceUploadBytes / 1024 / 1024} MiB (413 beyond).`,
    query: importRacesQuerySchema,
    // No body schema: the CSV streams in unread and is parsed row by row (src/features/map/imports).
    response: importReportSchema,
    errors: ['import.invalid', 'import.body_missing', 'auth.forbidden'],
  }),
  importDistricts: endpoint({
    method: 'POST',
    path: '/api/map/imports/districts',
    auth: 'session',
    summary: 'Import the coalition’s districts from GeoJSON or TopoJSON; ?dryRun=true to preview',
    description:
      'Each feature needs a code and a name property and a Polygon or MultiPolygon in longitude/latitude. ' +
      'Any problem answers 400 import.invalid with details.problems [{file,row,field,reason}] and imports nothing.',
    query: importDistrictsQuerySchema,
    body: z.looseObject({ type: z.string() }),
    response: importReportSchema,
    errors: ['import.invalid', 'auth.forbidden'],
  }),
};
