import { z } from 'zod';
import { staffRoles } from '../../../core/actor.ts';
import { invalid } from '../../../core/errors.ts';
import { requireActor } from '../../../http/auth.ts';
import { commonErrorResponses } from '../../../http/error-schema.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { importDistrictsQuerySchema, importRacesQuerySchema, importReportSchema } from './import.schema.ts';
import { applyRaceFile, importDistricts, readRaceFile } from './import.service.ts';
import { limitedUpload, maxRaceUploadBytes } from './upload-limit.ts';

const isUpload = (body: unknown): body is AsyncIterable<Uint8Array> =>
  typeof body === 'object' && body !== null && Symbol.asyncIterator in body;

/** Files larger than the default body limit: staff only, checked before the body is read. */
const importUpload = { bodyLimit: 25 * 1024 * 1024, config: { uploadRoles: staffRoles } } as const;

/** A coalition's own races, results and districts: staff only, scoped to the signed-in coalition. */
export const registerMapImportRoutes: RoutesPlugin = async (app) => {
  // Only these routes take CSV (this plugin is encapsulated: the parser does not leak to others).
  // The body is handed over unread: the handler checks who is asking first, then streams it.
  app.addContentTypeParser(['text/csv', 'text/plain'], (_request, payload, done) => {
    done(null, payload);
  });

  app.post(
    '/api/map/imports/races',
    {
      ...importUpload,
      schema: {
        tags: ['map'],
        summary:
          'Import the coalition’s races and results from CSV (Content-Type: text/csv); ?dryRun=true to preview',
        description:
          'Columns: election, election_date, office, jurisdiction_kind, jurisdiction_code (required); election_name, ' +
          'stage, jurisdiction_name, parent, seats, filing_deadline, candidate, party, line, votes, total_votes. ' +
          'Any problem answers 400 import.invalid with details.problems [{file,row,field,reason}] and imports nothing. ' +
          `The body is read as it arrives, up to ${maxRaceUploadBytes / 1024 / 1024} MiB (413 beyond).`,
        querystring: importRacesQuerySchema,
        response: { 200: importReportSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!isUpload(request.body)) throw invalid('import.body_missing', 'Send the CSV as a text/csv body.');
      const file = await readRaceFile(actor, 'upload', limitedUpload(request.body, maxRaceUploadBytes));
      return app.db.transaction().execute((trx) => applyRaceFile(trx, actor, file, request.query.dryRun));
    },
  );

  app.post(
    '/api/map/imports/districts',
    {
      ...importUpload,
      schema: {
        tags: ['map'],
        summary: 'Import the coalition’s districts from GeoJSON or TopoJSON; ?dryRun=true to preview',
        description:
          'Each feature needs a code and a name property and a Polygon or MultiPolygon in longitude/latitude. ' +
          'Any problem answers 400 import.invalid with details.problems [{file,row,field,reason}] and imports nothing.',
        querystring: importDistrictsQuerySchema,
        body: z.looseObject({ type: z.string() }),
        response: { 200: importReportSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { dryRun, ...options } = request.query;
      return app.db.transaction().execute((trx) =>
        importDistricts(trx, actor, {
          file: 'upload',
          json: request.body,
          dryRun,
          options,
        }),
      );
    },
  );
};
