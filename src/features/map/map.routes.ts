import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import { commonErrorResponses, errorResponseSchema } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import * as catalog from './catalog.service.ts';
import { listDatasetIssues, listLoadedDatasets } from './datasets.service.ts';
import { coalitionDistricts } from './district-shapes.service.ts';
import { registerMapImportRoutes } from './imports/import.routes.ts';
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
  raceSchema,
  raceVotesQuerySchema,
  raceVotesSchema,
  resultSetSchema,
  resultsQuerySchema,
  unitResultSchema,
} from './map.schema.ts';
import { jurisdictionResults, listRaceVotes, raceResults } from './results.service.ts';
import { usShapes } from './shapes.service.ts';
import { usDistrictShapes } from './us-districts.service.ts';
import type { Viewer } from './visibility.ts';

/** Reference data is public; a signed-in reader also sees their coalition's own rows. */
const viewerOf = (request: FastifyRequest): Viewer => request.auth?.actor ?? null;

const readErrors = { 400: errorResponseSchema, 404: errorResponseSchema } as const;
const tags = ['map'];

export const registerMapRoutes: RoutesPlugin = async (app) => {
  await app.register(registerMapImportRoutes);
  const read = <T>(work: (trx: typeof app.db) => Promise<T>) => app.db.transaction().execute(work);

  app.get(
    '/api/map/jurisdictions',
    {
      schema: {
        tags,
        summary: 'Jurisdictions by kind, parent, code or name (paginated)',
        querystring: listJurisdictionsQuerySchema,
        response: { 200: pageSchema(jurisdictionSchema), ...readErrors },
      },
    },
    async (request) => read((trx) => catalog.listJurisdictions(trx, viewerOf(request), request.query)),
  );

  app.get(
    '/api/map/jurisdictions/:id',
    {
      schema: {
        tags,
        summary: 'One jurisdiction',
        params: idParamSchema,
        response: { 200: jurisdictionSchema, ...readErrors },
      },
    },
    async (request) => read((trx) => catalog.getJurisdiction(trx, viewerOf(request), request.params.id)),
  );

  app.get(
    '/api/map/jurisdictions/:id/results',
    {
      schema: {
        tags,
        summary: 'Results reported for a jurisdiction, with lean, margin and third-party share',
        params: idParamSchema,
        querystring: resultsQuerySchema,
        response: { 200: z.array(unitResultSchema), ...readErrors },
      },
    },
    async (request) =>
      read((trx) => jurisdictionResults(trx, viewerOf(request), request.params.id, request.query.set)),
  );

  app.get(
    '/api/map/elections',
    {
      schema: {
        tags,
        summary: 'Elections, newest first',
        querystring: listElectionsQuerySchema,
        response: { 200: z.array(electionSchema), ...readErrors },
      },
    },
    async (request) => read((trx) => catalog.listElections(trx, viewerOf(request), request.query.country)),
  );

  app.get(
    '/api/map/elections/:id/races',
    {
      schema: {
        tags,
        summary: 'The races of an election (paginated)',
        params: idParamSchema,
        querystring: listRacesQuerySchema,
        response: { 200: pageSchema(raceSchema), ...readErrors },
      },
    },
    async (request) =>
      read((trx) => catalog.listRaces(trx, viewerOf(request), request.params.id, request.query)),
  );

  app.get(
    '/api/map/elections/:id/race-votes',
    {
      schema: {
        tags,
        summary: 'Every race of an election with its votes by party and by ballot line',
        params: idParamSchema,
        querystring: raceVotesQuerySchema,
        response: { 200: z.array(raceVotesSchema), ...readErrors },
      },
    },
    async (request) => read((trx) => listRaceVotes(trx, viewerOf(request), request.params.id, request.query)),
  );

  app.get(
    '/api/map/races/:id',
    {
      schema: {
        tags,
        summary: 'One race',
        params: idParamSchema,
        response: { 200: raceSchema, ...readErrors },
      },
    },
    async (request) => read((trx) => catalog.getRace(trx, viewerOf(request), request.params.id)),
  );

  app.get(
    '/api/map/races/:id/results',
    {
      schema: {
        tags,
        summary: 'Results of a race: its own total and the units reported below it (counties…)',
        params: idParamSchema,
        response: { 200: z.array(unitResultSchema), ...readErrors },
      },
    },
    async (request) => read((trx) => raceResults(trx, viewerOf(request), request.params.id)),
  );

  app.get(
    '/api/map/result-sets',
    {
      schema: {
        tags,
        summary: 'Result sets (one table of results from one source)',
        querystring: listResultSetsQuerySchema,
        response: { 200: z.array(resultSetSchema), ...readErrors },
      },
    },
    async (request) => read((trx) => catalog.listResultSets(trx, viewerOf(request), request.query)),
  );

  app.get(
    '/api/map/datasets',
    {
      schema: {
        tags,
        summary: 'The loaded reference datasets with their issues by resolution',
        response: { 200: z.array(datasetSchema) },
      },
    },
    async () => read((trx) => listLoadedDatasets(trx)),
  );

  app.get(
    '/api/map/datasets/:id/issues',
    {
      schema: {
        tags,
        summary: 'What a dataset mapped, rolled up, kept apart or could not join',
        params: z.object({ id: z.string().max(80) }),
        querystring: datasetIssuesQuerySchema,
        response: { 200: pageSchema(datasetIssueSchema), ...readErrors },
      },
    },
    async (request) => read((trx) => listDatasetIssues(trx, request.params.id, request.query)),
  );

  app.get(
    '/api/map/districts.geojson',
    {
      schema: {
        tags,
        summary:
          'The coalition’s imported districts as GeoJSON, optionally with a result set’s figures (sign-in)',
        querystring: z.object({
          kind: jurisdictionKindSchema.optional(),
          set: z.string().max(100).optional(),
        }),
        response: { 200: z.unknown().describe('a GeoJSON FeatureCollection'), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const collection = await read((trx) => coalitionDistricts(trx, actor, request.query));
      return reply.header('cache-control', 'private, no-cache').type('application/geo+json').send(collection);
    },
  );

  app.get(
    '/api/map/us/districts.geojson',
    {
      schema: {
        tags,
        summary: 'US House district shapes (the latest shipped map per state) as GeoJSON',
        description:
          'From data/us-congress-districts (ACLU, from Census TIGER/Line; display-simplified): the 2020 ' +
          'election’s districts, North Carolina’s 2018. Each feature’s id is the race key (`MI-12`), with ' +
          'name, state, district and election. Single-seat states have no district shapes (their seat is ' +
          'the state). Public reference data, cached: send If-None-Match.',
        querystring: z.object({
          state: z
            .string()
            .regex(/^[A-Za-z]{2}$/)
            .optional()
            .describe('only this state’s districts (USPS code, `MI`)'),
        }),
        response: {
          200: z.unknown().describe('a GeoJSON FeatureCollection'),
          304: z.null(),
          ...commonErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const shapes = await usDistrictShapes(request.query.state);
      reply.header('etag', shapes.etag).header('cache-control', 'public, max-age=3600');
      if (request.headers['if-none-match'] === shapes.etag) return reply.status(304).send(null);
      return reply.type('application/geo+json').send(shapes.body);
    },
  );

  app.get(
    '/api/map/us/:level',
    {
      schema: {
        tags,
        summary: 'US states or counties (us-atlas) painted with a result set’s lean, as TopoJSON or GeoJSON',
        description:
          'Each shape carries name, state, leanLevel (county | state | null), lean, margin, twoPartyDemShare, ' +
          'thirdShare, dem, rep, total and note (why a county shows the statewide figure). Cached: send If-None-Match.',
        params: z.object({
          level: z.enum(['states.topojson', 'states.geojson', 'counties.topojson', 'counties.geojson']),
        }),
        querystring: z.object({
          set: z.string().max(100).optional(),
          projection: z.enum(['none', 'albers']).default('none'),
        }),
        response: {
          200: z.unknown().describe('a TopoJSON Topology or a GeoJSON FeatureCollection'),
          304: z.null(),
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const [level, format] = request.params.level.split('.') as [
        'states' | 'counties',
        'topojson' | 'geojson',
      ];
      const shapes = await read((trx) =>
        usShapes(trx, viewerOf(request), {
          level: level === 'states' ? 'state' : 'county',
          format,
          set: request.query.set,
          projection: request.query.projection,
        }),
      );
      reply.header('etag', shapes.etag).header('cache-control', shapes.cacheControl).header('vary', 'cookie');
      if (request.headers['if-none-match'] === shapes.etag) return reply.status(304).send(null);
      return reply.type(shapes.contentType).send(shapes.body());
    },
  );
};
