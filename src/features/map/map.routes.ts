import type { FastifyRequest } from 'fastify';
import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import * as catalog from './catalog.service.ts';
import { listDatasetIssues, listLoadedDatasets } from './datasets.service.ts';
import { coalitionDistricts } from './district-shapes.service.ts';
import { registerMapImportRoutes } from './imports/import.routes.ts';
import { mapContract as c } from './map.contract.ts';
import { placesByKey, searchPlaces } from './place-search.service.ts';
import { jurisdictionResults, listRaceVotes, raceResults } from './results.service.ts';
import { usShapes } from './shapes.service.ts';
import { usDistrictShapes } from './us-districts.service.ts';
import type { Viewer } from './visibility.ts';

/** Reference data is public; a signed-in reader also sees their coalition's own rows. */
const viewerOf = (request: FastifyRequest): Viewer => request.auth?.actor ?? null;

export const registerMapRoutes: RoutesPlugin = async (app) => {
  await app.register(registerMapImportRoutes);
  const read = <T>(work: (trx: typeof app.db) => Promise<T>) => app.db.transaction().execute(work);

  registerEndpoint(app, c.jurisdictions, ({ query }, request) =>
    read((trx) => catalog.listJurisdictions(trx, viewerOf(request), query)),
  );
  registerEndpoint(app, c.searchPlaces, ({ query }, request) =>
    read((trx) => searchPlaces(trx, viewerOf(request), query)),
  );
  registerEndpoint(app, c.placesByKey, ({ query }, request) =>
    read((trx) => placesByKey(trx, viewerOf(request), query.keys)),
  );
  registerEndpoint(app, c.jurisdiction, ({ params }, request) =>
    read((trx) => catalog.getJurisdiction(trx, viewerOf(request), params.id)),
  );
  registerEndpoint(app, c.jurisdictionResults, ({ params, query }, request) =>
    read((trx) => jurisdictionResults(trx, viewerOf(request), params.id, query.set)),
  );
  registerEndpoint(app, c.elections, ({ query }, request) =>
    read((trx) => catalog.listElections(trx, viewerOf(request), query.country)),
  );
  registerEndpoint(app, c.races, ({ params, query }, request) =>
    read((trx) => catalog.listRaces(trx, viewerOf(request), params.id, query)),
  );
  registerEndpoint(app, c.raceVotes, ({ params, query }, request) =>
    read((trx) => listRaceVotes(trx, viewerOf(request), params.id, query)),
  );
  registerEndpoint(app, c.race, ({ params }, request) =>
    read((trx) => catalog.getRace(trx, viewerOf(request), params.id)),
  );
  registerEndpoint(app, c.raceResults, ({ params }, request) =>
    read((trx) => raceResults(trx, viewerOf(request), params.id)),
  );
  registerEndpoint(app, c.resultSets, ({ query }, request) =>
    read((trx) => catalog.listResultSets(trx, viewerOf(request), query)),
  );
  registerEndpoint(app, c.datasets, () => read((trx) => listLoadedDatasets(trx)));
  registerEndpoint(app, c.datasetIssues, ({ params, query }) =>
    read((trx) => listDatasetIssues(trx, params.id, query)),
  );

  registerEndpoint(app, c.coalitionDistricts, async ({ actor, query }, _request, reply) => {
    const collection = await read((trx) => coalitionDistricts(trx, actor, query));
    return reply.header('cache-control', 'private, no-cache').type('application/geo+json').send(collection);
  });

  // The shapes answer 304 to a matching If-None-Match (the contracts say `notModified`).
  registerEndpoint(app, c.usDistricts, async ({ query }, request, reply) => {
    const shapes = await usDistrictShapes(query.state);
    reply.header('etag', shapes.etag).header('cache-control', 'public, max-age=3600');
    if (request.headers['if-none-match'] === shapes.etag) return reply.status(304).send(null);
    return reply.type('application/geo+json').send(shapes.body);
  });

  registerEndpoint(app, c.usShapes, async ({ params, query }, request, reply) => {
    const [level, format] = params.level.split('.') as ['states' | 'counties', 'topojson' | 'geojson'];
    const shapes = await read((trx) =>
      usShapes(trx, viewerOf(request), {
        level: level === 'states' ? 'state' : 'county',
        format,
        set: query.set,
        projection: query.projection,
      }),
    );
    reply.header('etag', shapes.etag).header('cache-control', shapes.cacheControl).header('vary', 'cookie');
    if (request.headers['if-none-match'] === shapes.etag) return reply.status(304).send(null);
    return reply.type(shapes.contentType).send(shapes.body());
  });
};
