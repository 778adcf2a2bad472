import { staffRoles } from '../../../core/actor.ts';
import { invalid } from '../../../core/errors.ts';
import { registerEndpoint } from '../../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { mapContract } from '../map.contract.ts';
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

  registerEndpoint(
    app,
    mapContract.importRaces,
    async ({ actor, query }, request) => {
      if (!isUpload(request.body)) throw invalid('import.body_missing', 'Send the CSV as a text/csv body.');
      const file = await readRaceFile(actor, 'upload', limitedUpload(request.body, maxRaceUploadBytes));
      return app.db.transaction().execute((trx) => applyRaceFile(trx, actor, file, query.dryRun));
    },
    importUpload,
  );

  registerEndpoint(
    app,
    mapContract.importDistricts,
    async ({ actor, query, body }) => {
      const { dryRun, ...options } = query;
      return app.db
        .transaction()
        .execute((trx) => importDistricts(trx, actor, { file: 'upload', json: body, dryRun, options }));
    },
    importUpload,
  );
};
