import { registerEndpoint } from '../../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { getImport, getLiveImport, maxImportFileBytes, requestImport } from './import-job.service.ts';
import { enqueueImport, registerImportJobs } from './import-job.ts';
import { importJobsContract as api } from './import-jobs.contract.ts';

/**
 * Web imports as durable jobs: `POST /api/people/import-jobs` stores the file, the import and its
 * job in one transaction and answers 202; `GET …/:importId` its progress, then its report.
 */
export const registerImportJobRoutes: RoutesPlugin = async (app) => {
  registerImportJobs(app.jobs, app.db, (message) => app.log.info(message));
  const tx = () => app.db.transaction();

  registerEndpoint(
    app,
    api.start,
    async ({ actor, body }) => {
      const requested = await tx().execute(async (trx) => {
        const r = await requestImport(trx, actor, body);
        await enqueueImport(app.jobs, trx, r);
        return r;
      });
      return tx().execute((trx) => getImport(trx, actor, requested.id));
    },
    // JSON escapes can grow the text: room for the largest file plus its escaping.
    { bodyLimit: maxImportFileBytes * 2, config: { uploadRoles: ['delegate', 'organizer'] } },
  );
  // An import running in this process answers from memory: on PGlite its transaction holds the
  // only connection, and a read of the table would wait until it ends.
  registerEndpoint(
    app,
    api.get,
    async ({ actor, params }) =>
      getLiveImport(actor, params.importId) ?? tx().execute((trx) => getImport(trx, actor, params.importId)),
  );
};
