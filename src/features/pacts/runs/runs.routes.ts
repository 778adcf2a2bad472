import { registerEndpoint } from '../../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { pactsContract as api } from '../pacts.contract.ts';
import { RunExecutor } from './run-executor.ts';
import { enqueueRun, pactRunQueue, registerPactRunJobs } from './run-job.ts';
import { getRun, requestRun } from './runs.service.ts';

/**
 * Engine runs as durable jobs (docs/decisions/0017): `POST …/runs` records the run and its job in
 * one transaction and answers 202, `GET …/runs/:runId` its phase and progress, then its version.
 * Any server sharing the database may take the job; exact runs (and big heuristic ones) go to the
 * engine's worker thread. Small heuristic runs are also run inline, before the 202: they take
 * milliseconds, and their job then finds the run ended and does nothing.
 */
export const registerPactRunRoutes: RoutesPlugin = async (app) => {
  const executor = new RunExecutor(app.db, {
    log: (error, message) => app.log.error({ err: error }, message),
  });
  registerPactRunJobs(app.jobs, app.db, executor, (message) => app.log.info(message));
  // preClose: before the database closes (server.ts closes it in onClose); a run cut short stays
  // active and its job runs again (on another server, or after the restart).
  app.addHook('preClose', () => executor.close());
  const tx = () => app.db.transaction();

  registerEndpoint(app, api.run, async ({ actor, params, body }) => {
    const { run, job } = await tx().execute(async (trx) => {
      const requested = await requestRun(trx, actor, params.id, body);
      await enqueueRun(app.jobs, trx, requested.job);
      return requested;
    });
    if (!executor.runsInline(job)) {
      // Committed: this server's worker may take the job now rather than at its next poll.
      app.jobs.wake(pactRunQueue);
      return run;
    }
    // A failure here is left to the job, which runs it again.
    await executor.executeQueued(job, { lastAttempt: false }).catch(() => undefined);
    return tx().execute((trx) => getRun(trx, actor, params.id, run.id));
  });
  registerEndpoint(app, api.getRun, ({ actor, params }) =>
    tx().execute((trx) => getRun(trx, actor, params.id, params.runId)),
  );
};
