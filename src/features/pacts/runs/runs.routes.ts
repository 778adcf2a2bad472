import { registerEndpoint } from '../../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { pactsContract as api } from '../pacts.contract.ts';
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

  registerEndpoint(app, api.run, async ({ actor, params, body }) => {
    const { run, job } = await tx().execute((trx) => requestRun(trx, actor, params.id, body));
    if (!executor.runsInline(job)) {
      void executor.execute(job);
      return run;
    }
    await executor.execute(job);
    return tx().execute((trx) => getRun(trx, actor, params.id, run.id));
  });
  registerEndpoint(app, api.getRun, ({ actor, params }) =>
    tx().execute((trx) => getRun(trx, actor, params.id, params.runId)),
  );
};
