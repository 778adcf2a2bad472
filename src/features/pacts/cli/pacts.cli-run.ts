/**
 * `concord pact run` as a durable job (docs/decisions/0017, docs/pacts.md "From the command line"):
 * the command records the run and its job in one transaction, exactly as `POST …/runs` does, then
 * either returns (`--no-wait`) or follows the run's row to its end while this process lends the
 * queue a worker. Whoever takes the job (this process or, on PostgreSQL, any running server) runs
 * the same handler, which is idempotent: the run ends once, with one version and one audit event.
 */
import type { Actor } from '../../../core/actor.ts';
import { conflict, DomainError, invalid } from '../../../core/errors.ts';
import type { DatabaseHandle } from '../../../db/connect.ts';
import { lockHolderOf } from '../../../db/data-dir-lock.ts';
import type { Db } from '../../../db/database.ts';
import { openJobQueue } from '../../../jobs/index.ts';
import type { RunInput, RunView } from '../pacts.schema.ts';
import type { EngineProgress } from '../runs/run-engine.ts';
import { RunExecutor } from '../runs/run-executor.ts';
import { enqueueRun, pactRunQueue, registerPactRunJobs } from '../runs/run-job.ts';
import { getRun, requestRun } from '../runs/runs.service.ts';
import { activeStatuses, findRun } from '../versions/versions.repository.ts';

export interface RunAsJobOptions {
  /** Follow the run to its end (default); false: return the queued run at once. */
  wait: boolean;
  onProgress?: (progress: EngineProgress) => void;
  /** How often the run's row is read while waiting. */
  pollMs?: number;
  log?: (error: unknown, message: string) => void;
}

const isActive = (status: string) => (activeStatuses as readonly string[]).includes(status);

/**
 * Reads the run's row until the run has ended, reporting its phase as it moves. A plain read: the
 * job may run in another process, and only its own heartbeat (or a reader of the API) decides
 * that it was abandoned.
 */
async function followRun(
  db: Db,
  coalitionId: string,
  runId: string,
  onProgress: ((progress: EngineProgress) => void) | undefined,
  pollMs: number,
): Promise<void> {
  let last = '';
  for (;;) {
    const run = await findRun(db, coalitionId, runId);
    if (!run || !isActive(run.status)) return;
    const seen = `${run.status}:${run.phase}:${run.percent}`;
    if (run.status === 'running' && seen !== last) onProgress?.({ phase: run.phase, percent: run.percent });
    last = seen;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Requests a run of the pact and hands it to the job queue. Who runs the job:
 * - PostgreSQL: pg-boss gives it to one worker among the running servers and, while it waits,
 *   this process (one job at a time; a job it took and had not finished when its own run ended
 *   is let go, and pg-boss retries it on another worker). `--no-wait` leaves it to the servers.
 * - Embedded PGlite: this process holds the data directory's lock, so no server runs: the
 *   embedded runner runs the job here. `--no-wait` is refused (nobody would run the job now).
 */
export async function runAsJob(
  handle: DatabaseHandle,
  actor: Actor,
  pactId: string,
  input: RunInput,
  options: RunAsJobOptions,
): Promise<RunView> {
  const { db, target } = handle;
  const log = options.log ?? (() => {});
  if (!options.wait && target.kind !== 'postgres') {
    throw invalid(
      'pact.run_needs_worker',
      '--no-wait needs a server to run the job, and on embedded PGlite no server can run while this command holds the database: run without --no-wait, or start the run in the web app',
    );
  }
  const jobs = await openJobQueue(target, db, { log });
  const executor = new RunExecutor(db, { log });
  registerPactRunJobs(jobs, db, executor, () => {}, { concurrency: 1 });
  try {
    await jobs.start({ work: options.wait });
  } catch (error) {
    await executor.close();
    throw error;
  }
  try {
    const requested = await db.transaction().execute(async (trx) => {
      const made = await requestRun(trx, actor, pactId, input);
      await enqueueRun(jobs, trx, made.job);
      return made;
    });
    if (!options.wait) return requested.run;
    jobs.wake(pactRunQueue);
    await followRun(db, actor.coalitionId, requested.run.id, options.onProgress, options.pollMs ?? 200);
    return await db.transaction().execute((trx) => getRun(trx, actor, pactId, requested.run.id));
  } finally {
    // Stopping lets go of any job still held here (its handler closes the executor); a retry on
    // another worker picks it up.
    await jobs.stop();
    await executor.close();
  }
}

/**
 * On embedded PGlite a running server holds the data directory, and it runs pact runs itself: say
 * where to ask for the run instead of the generic refusal.
 */
export function explainLocked(error: unknown, dataDir: string | undefined, pactRef: string): unknown {
  if (!(error instanceof DomainError) || error.code !== 'database.locked' || !dataDir) return error;
  const holder = lockHolderOf(dataDir);
  if (holder?.holder !== 'server') return error;
  return conflict(
    'pact.run_server_holds_database',
    `the server (pid ${holder.pid}) holds this database and runs pact runs itself: start the run of "${pactRef}" in the web app (or POST /api/pacts/<id>/runs), or stop the server and run this again`,
  );
}
