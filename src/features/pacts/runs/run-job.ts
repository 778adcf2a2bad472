import { z } from 'zod';
import type { Db } from '../../../db/database.ts';
import type { JobQueue, QueueOptions } from '../../../jobs/index.ts';
import { PactFileSchema } from '../allocate.schema.ts';
import * as repo from '../versions/versions.repository.ts';
import type { RunExecutor } from './run-executor.ts';
import type { RunJob } from './runs.service.ts';

/** The queue of pact runs (docs/decisions/0017): one job per run, keyed by the run's id. */
export const pactRunQueue = 'pact-runs';

const pactRunJobSchema = z.object({ runId: z.uuid(), coalitionId: z.uuid() });
export type PactRunJob = z.infer<typeof pactRunJobSchema>;

/**
 * Two jobs of one server at a time: the engine's worker solves one after the other anyway, and a
 * second job in hand keeps its run's heartbeat fresh while it waits. Three retries, 2 s, 4 s, 8 s
 * apart: an interrupted run starts again from its input snapshot.
 */
export const pactRunQueueOptions: QueueOptions = {
  concurrency: 2,
  retryLimit: 3,
  retryDelaySeconds: 2,
  backoff: true,
};

/** Records the job of a run in the transaction that requested it: no run without its job. */
export function enqueueRun(jobs: JobQueue, trx: Db, job: RunJob): Promise<void> {
  const data: PactRunJob = { runId: job.runId, coalitionId: job.coalitionId };
  return jobs.enqueue(pactRunQueue, data, { key: job.runId, trx });
}

/** The run a job names, as its snapshot stored it; undefined once the run has ended. */
async function activeRunJob(db: Db, { runId, coalitionId }: PactRunJob): Promise<RunJob | undefined> {
  const run = await repo.findRun(db, coalitionId, runId);
  if (!run || (run.status !== 'queued' && run.status !== 'running')) return undefined;
  const input = PactFileSchema.parse(run.input);
  return { runId, coalitionId, mode: run.mode, input, size: input.races.length * input.members.length };
}

/**
 * The worker side: any server that shares the database may take a run's job, and so may
 * `concord pact run` while it waits for its own (one at a time: `concurrency: 1`). A job whose run has
 * already ended (completed before a crash, abandoned, run inline by the request) does nothing.
 */
export function registerPactRunJobs(
  jobs: JobQueue,
  db: Db,
  executor: RunExecutor,
  log: (message: string) => void = () => {},
  options: { concurrency?: number } = {},
): void {
  const queueOptions = { ...pactRunQueueOptions, ...options };
  jobs.register<PactRunJob>(pactRunQueue, queueOptions, async (data, context) => {
    const job = await activeRunJob(db, pactRunJobSchema.parse(data));
    if (!job) return;
    log(`pact run ${job.runId}: attempt ${context.attempt} started`);
    // Stopping: let go of the run (the executor's worker stops); the queue retries it later.
    const letGo = () => void executor.close();
    context.signal.addEventListener('abort', letGo, { once: true });
    try {
      await executor.executeQueued(job, { lastAttempt: context.lastAttempt });
    } finally {
      context.signal.removeEventListener('abort', letGo);
    }
  });
}
