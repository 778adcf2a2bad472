import type { FastifyRequest } from 'fastify';
import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { type CachedBody, sendCached, VersionedMemo } from '../../http/versioned-cache.ts';
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

  /**
   * Painted shapes, kept ready to send with their gzip and brotli variants (compressed once, on first
   * demand): the county TopoJSON is ~1 MB, whose figures take thousands of rows to compute. Map data
   * has no cheap version to ask the database for: an entry is kept while the change feed is live and
   * reports no change to everything (any map write notifies `*`), for a minute at most; while the
   * feed is not live every request builds it again (as the version check below never matches).
   */
  const shapesCache = new VersionedMemo<{ body: CachedBody; cacheControl: string; contentType: string }>(
    app.changes,
    32,
    // Nothing to re-check against while the feed is live: only a change or the minute ends an entry.
    Number.POSITIVE_INFINITY,
  );
  const shapesScope = 'map';
  registerEndpoint(app, c.usShapes, async ({ params, query }, request, reply) => {
    const [level, format] = params.level.split('.') as ['states' | 'counties', 'topojson' | 'geojson'];
    const viewer = viewerOf(request);
    const now = Date.now();
    // A signed-in reader may also see their coalition's own sets: one entry per coalition.
    const key = [params.level, query.set ?? '', query.projection, viewer?.coalitionId ?? ''].join('\0');
    const shapes = await shapesCache.get(key, now, {
      version: async () => '',
      build: async (begin) => {
        begin(shapesScope);
        const built = await read((trx) =>
          usShapes(trx, viewer, {
            level: level === 'states' ? 'state' : 'county',
            format,
            set: query.set,
            projection: query.projection,
          }),
        );
        const body: CachedBody = { etag: built.etag, json: built.body(), encoded: {} };
        return {
          scope: shapesScope,
          version: 'shapes',
          validUntil: now + 60_000,
          value: { body, cacheControl: built.cacheControl, contentType: built.contentType },
        };
      },
    });
    return sendCached(request, reply, shapes.body, shapes.cacheControl, {
      contentType: shapes.contentType,
      vary: 'cookie',
    });
  });
};
