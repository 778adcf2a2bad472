import { z } from 'zod';
import { requireActor } from '../../../http/auth.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { pactIdParams, runInputSchema, runSchema } from '../pacts.schema.ts';
import { pactErrors, pactTags } from '../route-common.ts';
import { RunExecutor } from './run-executor.ts';
import { getRun, requestRun } from './runs.service.ts';

/**
 * Engine runs as jobs: `POST …/runs` answers 202 with the job, `GET …/runs/:runId` its phase and
 * progress, then its version. Exact runs (and big heuristic ones) go to the engine's worker
 * thread; small heuristic runs finish inline, before the 202, through the same job record.
 */
export const registerPactRunRoutes: RoutesPlugin = async (app) => {
  const executor = new RunExecutor(app.db, {
    log: (error, message) => app.log.error({ err: error }, message),
  });
  // preClose: before the database closes (server.ts closes it in onClose), so interrupted jobs get recorded.
  app.addHook('preClose', () => executor.close());
  const tx = () => app.db.transaction();

  app.post(
    '/api/pacts/:id/runs',
    {
      schema: {
        tags: pactTags,
        summary: 'Run the engine on the pact as it stands (staff): 202 with the job; its version when done',
        params: pactIdParams,
        body: runInputSchema,
        response: { 202: runSchema, ...pactErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { run, job } = await tx().execute((trx) =>
        requestRun(trx, actor, request.params.id, request.body),
      );
      if (!executor.runsInline(job)) {
        void executor.execute(job);
        return reply.status(202).send(run);
      }
      await executor.execute(job);
      const done = await tx().execute((trx) => getRun(trx, actor, request.params.id, run.id));
      return reply.status(202).send(done);
    },
  );

  app.get(
    '/api/pacts/:id/runs/:runId',
    {
      schema: {
        tags: pactTags,
        summary: 'A run: status, phase and percent, the error if it failed, the version once done',
        params: pactIdParams.extend({ runId: z.uuid() }),
        response: { 200: runSchema, ...pactErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx().execute((trx) => getRun(trx, actor, request.params.id, request.params.runId));
    },
  );
};
